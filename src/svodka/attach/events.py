"""Turn triggers into events and attach what the text says about each.

Triggers of one sentence combine into events (data/combinations.tsv: a
protest and a detention in one sentence are one protest with intervention).
Each event then takes its place, date, counts, sources and actors from its
own sentence first, then from the sentences before it in its paragraph,
then from the live-blog headline above it, then from the document.
"""
from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from ..annotate.analysis import readings
from ..detect.triggers import event_classes
from ..lexicon import pattern_set
from ..model import (
    CountMention,
    CountSlot,
    DateMention,
    Document,
    Event,
    GeoPrecision,
    Modality,
    PlaceMention,
    Sentence,
    Token,
    Trigger,
)
from ..resources import Resources
from .actors import find_actors
from .counts import find_counts, find_unclaimed_people, over_places, phrase_at
from .dates import anchor_of, find_dates, is_background, recalled_for_comparison
from .places import gazetteer
from .sources.assignment import Voices, attribute_event
from .splitting import BARE_DEATHS, OTHERS, listed_places, split_by_acts, split_by_days, split_by_places, split_by_tally

NATIONWIDE = "attach/nationwide.tsv"
RECALLED_PLACE_LINKS = {"в", "во", "на", "под", "у"}  # between a recalled act's word and its place
CROWD_PARAGRAPHS_AFTER = 2  # the one protest of a text takes a head count told at most this many paragraphs later


def combine(triggers: list[Trigger], res: Resources) -> dict[str, list[Trigger]]:
    """Group one sentence's triggers into event classes, applying the combination rules."""
    groups: dict[str, list[Trigger]] = {}
    for t in triggers:
        groups.setdefault(t.kind, []).append(t)
    rules = res.combinations
    changed = len(groups) > 1  # a rule joins two classes of the sentence: with one, none applies
    while changed:
        changed = False
        for (first, second), result in rules.items():
            if first in groups and second in groups and first != second:
                merged = groups.pop(first) + groups.pop(second)
                groups.setdefault(result, []).extend(merged)
                changed = True
    return groups


def events_from_triggers(doc: Document, res: Resources) -> list[Event]:
    by_sentence: dict[int, list[Trigger]] = {}
    for t in doc.triggers:
        by_sentence.setdefault(t.sentence, []).append(t)
    classes = res.event_classes
    events = []
    for index in sorted(by_sentence):
        told = [t for t in by_sentence[index] if t.modality not in (Modality.BACKGROUND, Modality.DENIED)]
        referred = [t for t in by_sentence[index] if t.modality == Modality.BACKGROUND]
        denied = [t for t in by_sentence[index] if t.modality == Modality.DENIED]
        # an event only referred to ("расследование терактов"), or told as not having happened ("без
        # задержаний", "пострадавших нет"), does not shape the one reported beside it
        # nor does one told as planned or supposed shape an actual one: "оба арестованных подозреваются в том, что
        # планировали теракт" is an arrest, the attack only planned
        modalities = list(dict.fromkeys(t.modality for t in told))
        groups = [g for m in modalities for g in combine([t for t in told if t.modality == m], res).items()]
        groups += list(combine(referred, res).items()) + list(combine(denied, res).items())
        for kind, triggers in groups:
            cls = classes[kind]
            actual = [t for t in triggers if t.modality == Modality.ACTUAL]
            modality = Modality.ACTUAL if actual else triggers[0].modality
            events.append(Event("", kind, cls.event_type, cls.sub_event_type, modality, triggers=sorted(triggers, key=lambda t: t.start)))
    return events


@dataclass
class DocumentContext:
    """What the document tells once, looked up by every event."""

    doc: Document
    anchor: date | None
    resources: Resources
    year_anchor: date | None = None
    # with no publication day, the sentence whose full date is the anchor: a day counted from the day of
    # writing ("в пятницу", "вчера") told before it has no reference day (the text's own date dates
    # what it tells from there on, as a reader takes it)
    anchor_sentence: int = 0
    places: dict[int, list[PlaceMention]] = field(default_factory=dict)
    main_place: PlaceMention | None = None
    main_country: str | None = None
    # dates and landmarks are read only around events: found when first asked for
    _dates: dict[int, list[DateMention]] = field(default_factory=dict)
    _landmarks: dict[int, list[tuple[str, int, int]]] = field(default_factory=dict)
    _fallback: list[date] | None = None
    _headlines: list[int] | None = None  # the indexes of the headline sentences
    _within: dict[tuple, list[PlaceMention]] | None = None
    _recalled: dict[int, list[Trigger]] | None = None  # the triggers of recalled acts, by sentence

    def recalled_places(self, index: int, found: list[PlaceMention]) -> list[PlaceMention]:
        """The places of the sentence that name where a recalled act happened ("превзойдя стрельбу в Чарльстоне",
        "как и после теракта в Беслане"): the place right after its trigger, a preposition between."""
        if self._recalled is None:
            self._recalled = {}
            for t in self.doc.triggers:
                if t.modality == Modality.BACKGROUND:
                    self._recalled.setdefault(t.sentence, []).append(t)
        text = self.doc.text
        return [m for m in found for t in self._recalled.get(index, ())
                if t.end <= m.start and text[t.end:m.start].strip().lower() in RECALLED_PLACE_LINKS]

    @classmethod
    def build(cls, doc: Document, resources: Resources) -> "DocumentContext":
        gaz = resources.gazetteer
        anchor, anchor_sentence = anchor_of(doc)
        context = cls(doc, anchor, resources, anchor_sentence=anchor_sentence)
        candidates = [gaz.candidates(doc, i) for i in range(len(doc.sentences))]
        # without a hint, a sentence with no candidate names no place: it is not resolved
        first_pass = [(i, m) for i in range(len(doc.sentences)) if candidates[i] for m in gaz.find(doc, i, (), candidates[i])]
        # where people or weapons came from ("выходцы из Грузии") does not say which country the text is about
        told = [m for i, m in first_pass if not is_origin([t for t in doc.sentences[i].tokens if t.end <= m.start])]
        told = told or [m for _, m in first_pass]
        named = [m for m in told if m.place.precision in (GeoPrecision.COUNTRY, GeoPrecision.ADMIN1)] or told
        countries = Counter(m.place.country for m in named)
        hint = [countries.most_common(1)[0][0]] if countries else []
        # a region named anywhere ("в школе в Техасе") chooses its own city among homonyms in every sentence
        hint += sorted({code for m in named if (code := gaz.region_code(m.place))})
        context.year_anchor = None if context.anchor else latest_year_mentioned(doc)
        for i in range(len(doc.sentences)):
            context.places[i] = without_origins(doc, i, gaz.find(doc, i, hint, candidates[i]))
        near_named_towns(context.places, gaz)
        mentions = [m for i in sorted(context.places) for m in context.places[i]]
        if mentions:
            by_country = Counter(m.place.country for m in mentions)
            context.main_country = by_country.most_common(1)[0][0]
            precise = [m for m in mentions if m.place.precision in (GeoPrecision.CITY, GeoPrecision.ADMIN1)] or mentions
            counts = Counter(m.place.name for m in precise)
            best = max(counts.values())
            context.main_place = next(m for m in precise if counts[m.place.name] == best)
        return context

    def precise_within(self, mention: PlaceMention) -> PlaceMention:
        """The one city or region the document names in the country an event was told in, or the one
        city in its region: a headline's "В Турции арестованы" is placed where the text says the
        arrests were, "в Московской области" at the one town of the oblast the text names."""
        if self._within is None:  # the document's places in order: cities by region, cities and regions by country
            self._within = {}
            for m in (m for i in sorted(self.places) for m in self.places[i]):
                if m.place.precision == GeoPrecision.CITY:
                    self._within.setdefault(("admin1", m.place.country, m.place.admin1), []).append(m)
                if m.place.precision in (GeoPrecision.CITY, GeoPrecision.ADMIN1):
                    self._within.setdefault(("country", m.place.country), []).append(m)
        if mention.place.precision == GeoPrecision.ADMIN1:
            inside = self._within.get(("admin1", mention.place.country, mention.place.name), [])
        else:
            inside = self._within.get(("country", mention.place.country), [])
        names = {m.place.name for m in inside}
        if len(names) == 1:
            return inside[0]
        return mention

    def dates(self, index: int) -> list[DateMention]:
        if index not in self._dates:
            found = find_dates(self.doc, index, self.anchor)
            if self.before_anchor(index) and any(d.relative for d in found):
                # the year of "18 февраля" still comes from the anchor; "в пятницу" stays unresolved
                found = with_year(find_dates(self.doc, index, None), found)
            if self.year_anchor and any(d.month and not d.day and not d.relative for d in found):
                found = with_year(found, find_dates(self.doc, index, self.year_anchor))
            self._dates[index] = found
        return self._dates[index]

    def landmarks(self, index: int) -> list[tuple[str, int, int]]:
        if index not in self._landmarks:
            self._landmarks[index] = self.resources.gazetteer.find_landmarks(self.doc, index)
        return self._landmarks[index]

    def before_anchor(self, index: int) -> bool:
        """Told before the sentence whose date is the reference day, in a text with no publication day."""
        return self.doc.published is None and self.anchor is not None and index < self.anchor_sentence

    def fallback_day(self, index: int = 0) -> date | None:
        """The publication day, else the day the text itself dates most often; none for what a text with no
        publication day tells before its first full date."""
        if self.before_anchor(index):
            return None
        if self.doc.published or self.anchor:
            return self.doc.published or self.anchor
        if self._fallback is None:
            sentences = self.doc.sentences
            days = Counter(d.day for i in range(len(sentences)) if writes_a_number(sentences[i].tokens)
                           for d in self.dates(i) if d.day)
            self._fallback = [days.most_common(1)[0][0]] if days else []
        return self._fallback[0] if self._fallback else None

    def sentences_before(self, index: int) -> list[int]:
        """This sentence, the earlier ones of its paragraph (nearest first), then the headline of its
        section: the nearest one above it, as in a live blog's entries or a roundup's cities."""
        sentences = self.doc.sentences
        paragraph = sentences[index].paragraph
        order = [index] + [i for i in range(index - 1, self.doc.paragraph_start(paragraph) - 1, -1) if sentences[i].paragraph == paragraph]
        if not sentences[index].headline:
            if self._headlines is None:
                self._headlines = [i for i, s in enumerate(sentences) if s.headline]
            above = bisect_left(self._headlines, order[-1])
            heading = self._headlines[above - 1] if above else None
            if heading is not None:
                order.append(heading)
        return order


def near_named_towns(places: dict[int, list[PlaceMention]], gaz) -> None:
    """A village the gazetteer does not hold is placed at its region's coordinates; when the text names a
    town of that region ("посёлок Новый Путь в Глушковском районе", "бои у Суджи"), the village lies
    near it, as front-line villages lie near the towns a report names: at the town named nearest (in the
    sentence, else the closest sentence), rather than at the region's centre far from the front."""
    centres = {(r.country, r.name): (r.lat, r.lon) for r in gaz.regions}
    towns: dict[tuple[str, str], list[tuple[int, PlaceMention]]] = {}
    villages = []
    for i in sorted(places):
        for m in places[i]:
            p = m.place
            if p.precision != GeoPrecision.CITY or p.admin1 is None:
                continue
            if p.geonameid is None and centres.get((p.country, p.admin1)) == (p.lat, p.lon):
                villages.append((i, m))
            elif p.geonameid is not None:
                towns.setdefault((p.country, p.admin1), []).append((i, m))
    for i, m in villages:
        near = towns.get((m.place.country, m.place.admin1))
        if near:
            _, town = min(near, key=lambda t: (abs(t[0] - i), abs(t[1].start - m.start)))
            m.place = replace(m.place, lat=town.place.lat, lon=town.place.lon)


def writes_a_number(tokens: list[Token]) -> bool:
    """Whether a token begins with a digit: with no reference day, only such a sentence dates a day
    ("14 января 2021 года", "20.04.2011"); the others are not read for the fallback day."""
    for t in tokens:
        if t.text[:1].isdigit():
            return True
    return False


def latest_year_mentioned(doc: Document) -> date | None:
    """With no publication date, a year the text names dates its "23 января" (but not its "в субботу")."""
    years = [int(t.text) for s in doc.sentences for t in s.tokens if t.text.isdigit() and len(t.text) == 4 and 1900 < int(t.text) < 2100]
    return date(max(years), 12, 31) if years else None


def with_year(mentions: list[DateMention], with_year_anchor: list[DateMention]) -> list[DateMention]:
    """Take the day a year anchor gives to written day-and-month dates; relative ones stay unresolved."""
    resolved = {(d.start, d.end): d for d in with_year_anchor if d.day and not d.relative}
    return [resolved.get((d.start, d.end), d) for d in mentions]


def nearest(items, position: int, key_start, key_end):
    return min(items, key=lambda m: min(abs(key_start(m) - position), abs(key_end(m) - position)))


LOCATIVE = {"в", "во", "на", "над", "под", "у", "около", "возле", "близ", "недалеко", "из"}
NEAR = (["под"], ["близ"], ["вблизи"], ["около"], ["возле"], ["недалеко", "от"], ["неподалеку", "от"], ["рядом", "с"])
ANNOUNCEMENT_WINDOW = 4  # "заявил на брифинге в Вашингтоне": the speech verb a few words before the place
DESTINATION = {"в", "во", "на", "до", "к", "ко"}
SURROUNDINGS = {"район", "окрестность", "окраина", "населенный", "пункт", "нп", "село", "поселок", "деревня", "хутор"}
TOWARDS = {"территория", "сторона"}  # "по территории Израиля", "в сторону Израиля": the place is the target
COORDINATORS = {",", "и", "а", "также"}
PRECISION_ORDER = {GeoPrecision.LANDMARK: 0, GeoPrecision.CITY: 0, GeoPrecision.ADMIN1: 1, GeoPrecision.COUNTRY: 2}


def sentence_holding(doc: Document, char: int) -> Sentence:
    index = doc.sentence_at(char)
    if index is None:
        raise StopIteration  # as the scan over the sentences it replaces did
    return doc.sentences[index]


def tokens_before(doc: Document, mention: PlaceMention) -> list[Token]:
    sentence = sentence_holding(doc, mention.start)
    return [t for t in sentence.tokens if t.end <= mention.start]


def is_located(before: list[Token]) -> bool:
    """The text locates things in the place: "в Аммане", "по территории Израиля", "в районах населённых
    пунктов Мирноград, Лысовка", not "посольство Израиля"; a place taken or stormed is where the fighting
    was ("освободили село Плёхово", "штурмуют Торецк")."""
    while len(before) >= 2 and before[-1].lemma in SURROUNDINGS:
        before = before[:-1]
    if len(before) >= 2 and before[-1].lemma in TOWARDS and before[-2].lemma in LOCATIVE | {"по"}:
        return True
    return bool(before) and (before[-1].lemma in LOCATIVE or taken(before[-1]))


def taken(token: Token) -> bool:
    """A word of taking or storming a place ("освободили", "штурм"), not a preposition ("за Лондоном")."""
    return token.pos not in ("PREP", "CONJ") and token.lemma in gazetteer().village_cues


def is_origin(before: list[Token]) -> bool:
    """Named as where something came from: "из Тамбовской области", "из района Харькова", "со стороны Украины"."""
    origins = gazetteer().origin_words
    return bool(before) and (before[-1].lemma in origins or (len(before) >= 2 and f"{before[-2].lemma} {before[-1].lemma}" in origins))


def without_origins(doc: Document, index: int, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The sentence's places, but for where missiles or drones were launched from ("ракеты запущены
    из Тамбовской области") or a unit fired from ("обстреляли из района Харькова Белгород"): that is
    not where anything happened, when something was launched or fired, or the sentence names another
    place. A route's start stays ("марш из Лахора в Исламабад"), and so does the only place told ("Из
    Бишкека сообщают о митинге")."""
    if not mentions:
        return mentions
    origins = [m for m in mentions if is_origin(tokens_before(doc, m))]
    if not origins:
        return mentions
    if not any(t.lemma in gazetteer().launch_words for t in doc.sentences[index].tokens):
        others = [m for m in mentions if m not in origins and not any(is_route(doc, o, m) for o in origins)]
        if not others:
            return mentions
    return [m for m in mentions if m not in origins]


def is_route(doc: Document, origin: PlaceMention, other: PlaceMention) -> bool:
    """"из Лахора в Исламабад": the other place is where the way from the origin leads."""
    between = [t for t in tokens_before(doc, other) if t.start >= origin.end]
    return len(between) == 1 and between[0].lemma in DESTINATION


def in_aside(before: list[Token]) -> bool:
    """Inside a parenthetical remark ("(признано нежелательным в России)"), not where the event is told."""
    return sum(t.text == "(" for t in before) > sum(t.text == ")" for t in before)


def is_destination(before: list[Token]) -> bool:
    """Named as where drones or missiles were heading: "летевших на Москву", "направлявшиеся в сторону Курска"."""
    if len(before) >= 3 and before[-1].lemma in TOWARDS and before[-2].lemma in DESTINATION:
        before = before[:-1]
    return len(before) >= 2 and before[-1].lemma in DESTINATION and before[-2].lemma in gazetteer().heading_words


def place_rank(doc: Document, mention: PlaceMention, trigger_start: int) -> tuple:
    """A place where the event happened before one where it was announced ("в Киеве заявили") or one
    drones were heading for ("летевших на Москву"), then one outside an aside ("«Спартак» (Москва)" names
    a club, not where its fans rioted), then the most precise, then a place before a front's direction
    named after a town, then one the text locates things in, then the nearest."""
    before = tokens_before(doc, mention)
    distance = min(abs(mention.start - trigger_start), abs(mention.end - trigger_start))
    elsewhere = announced_at(doc, mention, before) or is_destination(before)
    precision = PRECISION_ORDER[mention.place.precision]
    return elsewhere, in_aside(before), precision, by_direction(doc, mention), not is_located(before), distance


AREA_AFTER_TOWN = ("направлен", "район", "округ", "городско", "муниципальн", "громад")


def by_direction(doc: Document, mention: PlaceMention) -> bool:
    """A town named only as a front's direction or a district ("на Покровском направлении", "посёлок Новый
    Путь в Глушковском районе"): vaguer than a village named there."""
    return mention.place.precision == GeoPrecision.CITY and doc.text[mention.end : mention.end + 12].lstrip().startswith(AREA_AFTER_TOWN)


def near_another(doc: Document, mention: PlaceMention, found: list[PlaceMention]) -> bool:
    """A big place named to tell where a smaller one is: "в Раменском под Москвой", "в селе Н., недалеко от Курска"."""
    sentence = sentence_holding(doc, mention.start)
    for other in found:
        if other is mention or other.end > mention.start:
            continue
        between = [t.lemma for t in sentence.tokens if other.end <= t.start and t.end <= mention.start and t.text != ","]
        if between in NEAR:
            return True
    return False


def announced_at(doc: Document, mention: PlaceMention, before: list[Token]) -> bool:
    """Named as where someone spoke: "в Москве заявили", "заявил на брифинге в Вашингтоне"."""
    speech = gazetteer().speech_verbs
    sentence = sentence_holding(doc, mention.start)
    after = [t for t in sentence.tokens if t.start >= mention.end][:1]
    window = before[-ANNOUNCEMENT_WINDOW:]
    for token in reversed(window):
        if not token.text[:1].isalnum():
            break
        if token.lemma in speech:
            return True
    return bool(after) and after[0].lemma in speech


def mentioned_in_passing(doc: Document, mention: PlaceMention, main: PlaceMention | None) -> bool:
    """A country named only as a modifier ("органы России", "граждан Беларуси"), not as where things happen."""
    if main is None or mention.place.precision != GeoPrecision.COUNTRY:
        return False
    return main.place.precision != GeoPrecision.COUNTRY and not is_located(tokens_before(doc, mention))


def attach_place(context: DocumentContext, event: Event) -> None:
    find_place(context, event)
    res = context.resources
    if event.location and res.event_classes[event.kind].national:
        event.location = replace(event.location, place=res.gazetteer.country(event.location.place.country), landmark=None)
        event.nationwide = True


def find_place(context: DocumentContext, event: Event) -> None:
    doc = context.doc
    trigger = event.triggers[0]
    countrywide = nationwide(doc, trigger.sentence)
    if countrywide and context.main_country:
        start, end = countrywide
        event.location = PlaceMention(context.resources.gazetteer.country(context.main_country), start, end)
        event.nationwide = True
        return
    elsewhere = rest_of_country_only(context, trigger.sentence)
    if elsewhere is not None:
        event.location, event.nationwide = elsewhere, True
        return
    for index in context.sentences_before(trigger.sentence):
        found = context.places[index]
        if found and event.modality != Modality.BACKGROUND:
            recalled = context.recalled_places(index, found)
            found = [m for m in found if m not in recalled]
        if found:
            best = min(found, key=lambda m: (near_another(doc, m, found), place_rank(doc, m, trigger.start)))
            if mentioned_in_passing(doc, best, context.main_place):
                best = context.main_place
            if best.place.precision in (GeoPrecision.COUNTRY, GeoPrecision.ADMIN1) and not listed_places(doc, index, found, best):
                best = context.precise_within(best)  # but one of a list of regions is that region
            location = PlaceMention(best.place, best.start, best.end)
            landmarks = context.landmarks(index)
            if landmarks and best.place.precision == GeoPrecision.CITY:
                name, start, end = nearest(landmarks, trigger.start, lambda m: m[1], lambda m: m[2])
                location.landmark = name
                location.place = replace(best.place, precision=GeoPrecision.LANDMARK)
            event.location = location
            return
    if context.main_place:
        main = context.main_place
        event.location = PlaceMention(main.place, main.start, main.end)


def rest_of_country_only(context: DocumentContext, index: int) -> PlaceMention | None:
    """"Акции прошли и в других городах России", "в разных городах Грузии": a sentence that tells its event
    in the country's other towns and names no town or region of its own tells an event at country level,
    beside the town's told before (events in separate places are separate events), not that town's again."""
    doc = context.doc
    tokens = doc.sentences[index].tokens
    others = [m for m in pattern_set(NATIONWIDE).find(tokens) if m.pattern.label == OTHERS
              and "plur" in tokens[m.last].tags]  # "в других городах", not "в другом городе"
    found = context.places[index]
    if not others or any(m.place.precision != GeoPrecision.COUNTRY for m in found):
        return None
    country = found[0].place if found else (context.main_country and context.resources.gazetteer.country(context.main_country))
    if not country:
        return None
    m = others[0]
    return PlaceMention(country, tokens[m.first].start, tokens[m.last].end)


def nationwide(doc: Document, index: int) -> tuple[int, int] | None:
    sentence = doc.sentences[index]
    matches = [m for m in pattern_set(NATIONWIDE).find(sentence.tokens) if m.pattern.label != OTHERS]
    if not matches:
        return None
    m = matches[0]
    return sentence.tokens[m.first].start, sentence.tokens[m.last].end


def ahead_if_planned(event: Event, mention: DateMention, anchor: date | None) -> date:
    """A plan's or threat's weekday ("митинг в пятницу") is the coming one, not the last."""
    if event.modality in (Modality.PLANNED, Modality.THREATENED) and mention.relative and anchor and 0 < (anchor - mention.day).days < 7:
        return mention.day + timedelta(days=7)
    return mention.day


def attach_date(context: DocumentContext, event: Event) -> None:
    # the day of the act, not of a death it led to ("скончался в понедельник после того, как накануне на
    # него напали"): the date nearest the act's own trigger
    trigger = next((t for t in event.triggers if t.kind not in BARE_DEATHS), event.triggers[0])
    paragraph = context.doc.sentences[trigger.sentence].paragraph
    for index in context.sentences_before(trigger.sentence):
        # with no reference day, "год назад" names no year but is still history (dates.is_background)
        dated = [d for d in context.dates(index)
                 if (d.day or d.year or d.relative and is_background(d, context.anchor, context.doc.published))
                 and not (index == trigger.sentence and in_another_clause(context.doc.sentences[index].tokens, d, trigger))]
        if dated:
            best = nearest(dated, trigger.start, lambda d: d.start, lambda d: d.end)
            if is_background(best, context.anchor, context.doc.published) or recalled_for_comparison(
                    context.doc.sentences[index].tokens, best, context.doc.published or context.anchor):
                event.modality = Modality.BACKGROUND
            if best.day:
                event.date = ahead_if_planned(event, best, context.anchor)
                event.date_evidence = (best.start, best.end)
                event.date_stated = context.doc.sentences[index].paragraph == paragraph
                return
    later = dated_at_the_place(context, event)
    if later is not None:
        event.date, event.date_evidence = later.day, (later.start, later.end)
        return
    event.date = context.fallback_day(trigger.sentence)


CLAUSE_BREAKS = {"—", "–", ";"}
PREDICATES = {"VERB", "PRTS"}


def in_another_clause(tokens: list[Token], mention: DateMention, trigger: Trigger) -> bool:
    """ "Город захватили повстанцы — в сентябре они вели переговоры": a date in a clause of its own, past a dash
    or a semicolon, with a verb of its own, dates what that clause tells, not the trigger's clause (when that
    has a verb too)."""
    clause = 0
    clauses: dict[int, list[Token]] = {}
    at_mention = at_trigger = None
    for t in tokens:
        if t.text in CLAUSE_BREAKS:
            clause += 1
            continue
        clauses.setdefault(clause, []).append(t)
        if at_mention is None and t.end > mention.start:
            at_mention = clause
        if at_trigger is None and t.end > trigger.start:
            at_trigger = clause
    if at_mention is None or at_mention == at_trigger:
        return False
    return all(any(predicate(t) for t in clauses.get(c, ())) for c in (at_mention, at_trigger))


def predicate(token: Token) -> bool:
    """A finite verb or a short participle, by its tag or by any indicative reading ("вели" is read a name first)."""
    return token.pos in PREDICATES or any(
        parse.tag.POS == "VERB" and parse.tag.mood == "indc" for parse, _ in readings(token.text))


CITY_REACH_KM = 30  # a town this near a city, in its region, is told as the city's place ("Петергоф", "Питер")


def within_reach(city, other) -> bool:
    if city.precision != GeoPrecision.CITY or other.precision not in (GeoPrecision.CITY, GeoPrecision.LANDMARK) \
            or city.admin1 != other.admin1 or None in (city.lat, city.lon, other.lat, other.lon):
        return False
    lat1, lon1, lat2, lon2 = map(math.radians, (city.lat, city.lon, other.lat, other.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(min(1.0, h))) <= CITY_REACH_KM


def dated_at_the_place(context: DocumentContext, event: Event) -> DateMention | None:
    """"Двое подожгли вагон. ... Они пришли к путям в Раменском в ночь на 18 ноября": an event its own
    sentences do not date takes the day of a later sentence that tells no event of its own and names the
    event's place, or a town within a city's reach ("в Петербурге ..." then "в среду ... в Петергофе"), the
    next one such only."""
    if event.location is None or event.modality != Modality.ACTUAL:
        return None
    doc, trigger = context.doc, event.triggers[0]
    triggered = {t.sentence for t in doc.triggers}
    place = event.location.place
    for index in range(trigger.sentence + 1, len(doc.sentences)):
        if index in triggered:
            return None  # another event's sentence: what follows tells of that one
        if any(m.place.name == place.name or within_reach(place, m.place) for m in context.places[index]):
            dated = [d for d in context.dates(index) if d.day]
            if len(dated) == 1 and not is_background(dated[0], context.anchor, doc.published):
                return dated[0]
            return None
    return None


def attach_counts(
    doc: Document, events: list[Event], voices: Voices, counted: list[list[CountMention]],
    places: dict[int, list[PlaceMention]] | None = None,
) -> None:
    """Each count goes to the nearest event in its sentence that takes its slot, else to the last such
    event before it in its paragraph or the one before, else to the one such event told before it. A count the text spreads
    over the whole country ("по всей стране ранены") goes only to an event of its own sentence or
    one placed at country level. A count in a sentence with no event of its own that names the place
    of an earlier event ("беспорядки охватили A, B и C. В A на улицы вышли 200 человек") goes to
    that event rather than to the last one told."""
    takers = Takers(doc, events)
    places_named = {  # in the order the sentence names them, which breaks ties between their events
        i: list(dict.fromkeys(m.place.name for m in sorted(found, key=lambda m: m.start) if m.place.precision != "country"))
        for i, found in (places or {}).items() if counted[i] and found
    }
    for index, mentions in enumerate(counted):
        countrywide = bool(mentions) and nationwide(doc, index) is not None
        # a figure summed over many places ("в 110 городах приняли участие 300 тысяч человек") is only the country's
        summed = bool(mentions) and over_places(doc.sentences[index].tokens, doc.text) is not None
        countrywide = countrywide or summed
        joint = bool(mentions) and told_jointly(doc, index)
        for mention in mentions:
            if joint and len({(e.event_type, e.location.place.name if e.location else None)
                              for e in events if e.modality == Modality.ACTUAL and takes(e, mention.slot)}) > 1:
                continue  # "число жертв двойного теракта достигло 98": a figure for several events is none's
            here = [e for e in takers.by_sentence.get(index, ()) if takes(e, mention.slot, summed)]
            zero = mention.count.min == 0 and mention.count.max == 0
            if zero and not any(e.modality == Modality.ACTUAL for e in here):
                # "Акция прошла без задержаний": the denied arrests' zero is the told event's own
                here = []
            if here and all(e.modality == Modality.HYPOTHETICAL for e in here):
                # "в шествии могли принять участие до пяти тысяч": an estimate for the actual event told before
                here = actual_told_before(events, here, index, mention.slot) or here
            if here:
                target = nearest(here, mention.count.evidence[0], lambda e: e.triggers[0].start, lambda e: e.triggers[-1].end)
                if sum(e.triggers[0] is target.triggers[0] for e in here) > 1:
                    continue  # one act told at several places ("в Алматы и Актау задержаны 40 человек"): the figure is none's
            else:
                target = takers.before(index, mention.slot, countrywide)
                named = places_named.get(index) if places_named else None
                if named and (target is None or target.location is None or target.location.place.name not in named):
                    target = takers.placed_before(index, mention.slot, countrywide, named) or target
                if zero and target is not None and target.modality != Modality.ACTUAL:
                    target = None
            if target is not None:
                target.claims.append(voices.claim(mention, index))


def actual_told_before(events: list[Event], supposed: list[Event], index: int, slot: str) -> list[Event]:
    """The last actual event told before sentence `index` of the type and place of one of the `supposed`
    events, as a list (empty when there is none)."""
    def key(e: Event) -> tuple:
        return e.event_type, e.location.place.name if e.location else None

    wanted = {key(e) for e in supposed}
    found = [e for e in events if e.modality == Modality.ACTUAL and e.triggers[0].sentence < index
             and key(e) in wanted and takes(e, slot)]
    return found[-1:]


def told_jointly(doc: Document, index: int) -> bool:
    """The sentence gives its figures for several events together (data/attach/quantifiers.tsv, joint)."""
    tokens = doc.sentences[index].tokens
    return any(phrase_at(tokens, i, "joint") is not None for i in range(len(tokens)))


class Takers:
    """The events by the sentence of their first trigger, and, when they come in the order of those
    sentences, what `last_taker_before` and `sole_taker` find among the events before a sentence,
    read off indexes rather than by a scan of all the events for every count."""

    def __init__(self, doc: Document, events: list[Event]):
        self.doc, self.events = doc, events
        self.by_sentence: dict[int, list[Event]] = {}
        for e in events:
            self.by_sentence.setdefault(e.triggers[0].sentence, []).append(e)
        self.first_sentences = [e.triggers[0].sentence for e in events]
        self.ordered = all(a <= b for a, b in zip(self.first_sentences, self.first_sentences[1:])) \
            and doc.sentence_index() is not None  # and the sentences' paragraphs ascend
        self._sole: dict[tuple[str, bool], list[Event | None]] = {}
        self._by_place: dict[str, tuple[list[int], list[Event]]] | None = None

    def before(self, index: int, slot: str, countrywide: bool) -> Event | None:
        events = self.events
        if not self.ordered:
            earlier = [e for e in events if e.triggers[0].sentence < index and takes(e, slot, countrywide)]
            return last_taker_before(self.doc, earlier, index) or sole_taker(earlier)
        count = bisect_left(self.first_sentences, index)  # the events told before the sentence
        paragraph = self.doc.sentences[index].paragraph
        for k in range(count - 1, -1, -1):
            e = events[k]
            if paragraph - self.doc.sentences[e.triggers[0].sentence].paragraph > 1:
                break
            if takes(e, slot, countrywide):
                return e
        return self._sole_before(slot, countrywide)[count]

    def placed_before(self, index: int, slot: str, countrywide: bool, names: list[str]) -> Event | None:
        """The last actual event told before sentence `index` at one of the places `names` that takes the slot;
        of events told in one sentence, the one at the place named first."""
        if self._by_place is None:
            self._by_place = {}
            for e in sorted(self.events, key=lambda e: e.triggers[0].sentence):
                if e.modality == "actual" and e.location is not None:
                    starts, placed = self._by_place.setdefault(e.location.place.name, ([], []))
                    starts.append(e.triggers[0].sentence)
                    placed.append(e)
        found = None
        for name in names:
            starts, placed = self._by_place.get(name, ([], []))
            for k in range(bisect_left(starts, index) - 1, -1, -1):
                if takes(placed[k], slot, countrywide):
                    if found is None or starts[k] > found.triggers[0].sentence:
                        found = placed[k]
                    break
        return found

    def _sole_before(self, slot: str, countrywide: bool) -> list[Event | None]:
        """For each number of events, what `sole_taker` says of the takers among that many first events."""
        key = (slot, countrywide)
        if key not in self._sole:
            found: list[Event | None] = [None]
            first, kinds = None, []
            for e in self.events:
                if takes(e, slot, countrywide) and e.modality != Modality.BACKGROUND:
                    first = first or e
                    add_kind(kinds, e)
                found.append(first if first is not None and len(kinds) == 1 and first.modality == Modality.ACTUAL else None)
            self._sole[key] = found
        return self._sole[key]


def takes(event: Event, slot: str, countrywide: bool = False) -> bool:
    placed_countrywide = event.nationwide or (event.location is not None and event.location.place.precision == GeoPrecision.COUNTRY)
    return slot in event_classes()[event.kind].accepts and (placed_countrywide or not countrywide)


def sole_taker(takers: list[Event]) -> Event | None:
    """The event a count told far from any trigger belongs to, when the text has told only one
    before it (every earlier taker of its slot is actual and of one type at one place)."""
    told = [e for e in takers if e.modality != Modality.BACKGROUND]
    kinds: list[Event] = []
    for e in told:
        add_kind(kinds, e)
    return told[0] if len(kinds) == 1 and told[0].modality == Modality.ACTUAL else None


COARSENESS = {GeoPrecision.LANDMARK: 0, GeoPrecision.CITY: 1, GeoPrecision.ADMIN1: 2, GeoPrecision.COUNTRY: 3}


def add_kind(kinds: list[Event], event: Event) -> None:
    """Keep in `kinds` one event of each modality, type and place told; a place within another one
    ("стрельба в Техасе", "в школе города Санта-Фе") is the same place, the finer one kept."""
    for k, known in enumerate(kinds):
        if known.modality == event.modality and known.event_type == event.event_type:
            if same_place(known, event) or within(known, event):
                return
            if within(event, known):
                kinds[k] = event
                return
    kinds.append(event)


def same_place(a: Event, b: Event) -> bool:
    return (a.location.place.name if a.location else None) == (b.location.place.name if b.location else None)


def within(fine: Event, coarse: Event) -> bool:
    """Whether `fine` is placed inside the region or country `coarse` is placed at."""
    if fine.location is None or coarse.location is None:
        return False
    inner, outer = fine.location.place, coarse.location.place
    if inner.country != outer.country or COARSENESS[inner.precision] >= COARSENESS[outer.precision]:
        return False
    return outer.precision == GeoPrecision.COUNTRY or outer.precision == GeoPrecision.ADMIN1 and inner.admin1 == outer.admin1


def attach_crowds(doc: Document, events: list[Event], voices: Voices, counted: list[list[CountMention]]) -> None:
    """A protest takes the bare head count ("примерно 200 человек") of its sentence or of the
    sentences after it in its paragraph that name no other event; the one protest of a text, of a
    sentence in the next paragraphs that tells no other event ("десятки жителей принесли тела к зданию")."""
    with_triggers = {t.sentence for e in events for t in e.triggers}
    told = {t.sentence for e in events if e.modality != Modality.BACKGROUND for t in e.triggers}
    protests = [e for e in events if e.event_type == "Protests"]
    sole = sole_taker(protests)
    for event in protests:
        if any(c.slot == CountSlot.CROWD for c in event.claims):
            continue
        first = event.triggers[0].sentence
        paragraph = doc.sentences[first].paragraph
        following = [first] + [
            i for i in range(first + 1, doc.paragraph_stop(paragraph))
            if doc.sentences[i].paragraph == paragraph and i not in with_triggers
        ]
        if sole is event:
            following += [
                i for i in range(first + 1, doc.paragraph_stop(paragraph + CROWD_PARAGRAPHS_AFTER))
                if i not in told and i not in following and doc.sentences[i].paragraph - paragraph <= CROWD_PARAGRAPHS_AFTER
            ]
        for index in following:
            if counted[index]:
                continue  # a sentence with slot counts keeps its parts to them
            for count in find_unclaimed_people(doc, index):
                event.claims.append(voices.claim(CountMention(CountSlot.CROWD, count, count.evidence), index))


def last_taker_before(doc: Document, earlier: list[Event], index: int) -> Event | None:
    paragraph = doc.sentences[index].paragraph
    near = [e for e in earlier if paragraph - doc.sentences[e.triggers[0].sentence].paragraph <= 1]
    return near[-1] if near else None


def attach(doc: Document, resources: Resources | None = None) -> list[Event]:
    """The document's candidate events with their places, days, counts, sources and actors, by the given
    Resources (the process's shared one by default)."""
    res = resources or Resources.shared()
    events = events_from_triggers(doc, res)
    if not events:
        return []
    context = DocumentContext.build(doc, res)
    voices = Voices.build(doc)
    doc.quotes = voices.quotes  # before the events' sources: sources/assignment reads doc.quotes
    for event in events:
        attach_place(context, event)
    # separate places or days listed in one sentence ("в Льеже и Монсе", "в понедельник и во вторник")
    # are separate events, and so are two acts at two places (incidents.py)
    events = [a for e in events for a in split_by_acts(doc, e, context.places[e.triggers[0].sentence])]
    groups = [split_by_tally(doc, e, context.places) or split_by_places(doc, e, context.places[e.triggers[0].sentence])
              for e in events]
    for event in (e for group in groups for e in group):
        attach_date(context, event)
    groups = [[d for e in group for d in split_by_days(doc, e, context.dates(e.triggers[0].sentence))] for group in groups]
    events = [e for group in groups for e in group]
    for event in events:
        event.actors = find_actors(doc, event)
        attribute_event(voices, event)
        event.evidence = [(doc.sentences[i].start, doc.sentences[i].end) for i in event.sentences]
    counted = [find_counts(doc, index) for index in range(len(doc.sentences))]
    attach_counts(doc, events, voices, counted, context.places)
    attach_crowds(doc, events, voices, counted)
    for group in groups:
        if len(group) > 1:  # a figure the listing sentence gives for all its places or days is none of theirs
            listing = doc.sentences[group[0].triggers[0].sentence]
            for e in group:
                e.claims = [c for c in e.claims if not listing.start <= c.mention.count.evidence[0] < listing.end]
    return events
