"""Attribution: who says so.

A speech verb ("сообщила", "цитирует") or an according phrase ("по данным")
opens a source phrase; its speaker and every outlet that relayed the claim
become a chain, innermost first: "сообщила телеканалу Хабар 24 Салтанат
Азирбек" is [Салтанат Азирбек, Хабар 24]; a following "цитирует ее Vласть"
appends Vласть to her chain. Quotes and verification remarks ("подтверждений
из независимых источников нет", "в МВД опровергли") are found alongside.
The words come from data files; this module holds the mechanism.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from natasha.shape import recover_shape
from rapidfuzz.distance import Levenshtein

from ...annotate.analysis import analyse, morph_analyzer, tokens_of, with_yo_of
from ...model import Document, Mention, Quote, Span, Token, Verification

DATA = Path(__file__).parents[2] / "data"
PRONOUNS = {"он", "она", "оно", "они"}
LOCATIVE_PREPOSITIONS = {"в", "во"}
LOCATIVE_CASES = {"loct", "loc2", "datv"}
SOURCE_PREPOSITIONS = {"в", "во", "из", "от", "со", "с"}  # "по данным из МВД": a source may follow these
TOPIC_WORDS = {"о", "об", "обо", "про", "что", "чтобы", "если", "как"}
CLAUSE_PUNCTUATION = {",", ":", ";", "–", "—", "-", ".", "!", "?", "…", ")"}
NAME_TAGS = {"Name", "Surn", "Patr", "Geox"}
NAME_CASES = ("gent", "datv", "ablt")  # the oblique cases a name may keep in NER's normal form
SPEECH_QUOTE_MIN_CHARS = 60  # a longer quote is speech: its verbs are not attributions
OUTLET_NAME_MAX_CHARS = 60
OUTLET_DESKS = {"служба", "редакция"}  # part of an outlet, not a speaker of its own, before the outlet's name
QUOTED_NAME_MAX_TOKENS = 5  # the opening quote and up to four words
GAP = "…"
MAX_GAP = 8
ROLE_MAX_DISTANCE = 6  # "руководителя сети региональных штабов Алексея Навального Леонида Волкова"
BRACKET_MAX_TOKENS = 8  # "(Abdul Wali Sahmi)": a name given again in brackets
SIGNATURE_MAX_TOKENS = 8  # "— СМИ со ссылкой на ведомство" closing a post
ANTECEDENT_MAX_CHARS = 600  # how far back a bare "группировка" looks for the organisation it stands for


@dataclass
class Attribution:
    chain: list[str]
    evidence: Span
    sentences: list[int]
    unnamed: list[str] = field(default_factory=list)  # the links of the chain that name no one: "источник"


@dataclass
class VerificationMark:
    kind: str  # unconfirmed | disputed
    evidence: Span
    sentence: int


# ---------------------------------------------------------------- lexicons


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def _lemmas(phrase: str) -> tuple[str, ...]:
    return tuple(t.lemma for t in tokens_of(phrase))


@dataclass(frozen=True)
class Lexicon:
    words: dict[str, frozenset[str]]  # kind -> lemmas
    according: tuple[tuple[str, ...], ...]
    references: tuple[tuple[str, ...], ...]
    backward: tuple[tuple[str, ...], ...]
    cues: tuple[tuple[str, tuple[str, ...]], ...]
    unnamed: tuple[tuple[str, ...], ...]

    @cached_property
    def according_openers(self) -> frozenset[str]:
        return frozenset(phrase[0] for phrase in self.according)

    def has(self, kind: str, token: Token) -> bool:
        return token.lemma in self.words.get(kind, ()) or token.text.lower() in self.words.get(kind, ())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    words: dict[str, set[str]] = {}
    according, references, backward, cues = [], [], [], []
    for kind, entry in _rows("attach/speech_verbs.tsv"):
        if kind == "according":
            according.append(tuple(entry.split()))
        elif kind == "reference":
            references.append(tuple(entry.split()))
        elif kind == "backward":
            backward.append(tuple(entry.split()))
        elif kind in (Verification.UNCONFIRMED, Verification.DISPUTED):
            cues.append((kind, tuple(entry.split())))
        else:
            words.setdefault(kind, set()).add(entry)
    unnamed = tuple(_lemmas(row[0]) for row in _rows("attach/unnamed_sources.tsv"))
    return Lexicon(
        {k: frozenset(v) for k, v in words.items()}, tuple(according), tuple(references), tuple(backward), tuple(cues), unnamed
    )


@dataclass(frozen=True)
class OutletForm:
    name: str
    kind: str
    texts: tuple[str, ...]
    lemmas: tuple[str, ...]
    needs_context: bool  # an ordinary word ("Медуза", "Звезда"): only in quotes or after a genre noun
    written: str = ""  # the name the chain gives when the text spells this form (see _written_name)


def _written_name(name: str, spelling: str, spellings: list[str]) -> str:
    """A Latin name spelled in Cyrillic ("Би-би-си" for BBC) keeps the text's spelling, as a body
    keeps the name the text gives it: the row's first Cyrillic spelling of that stem, so that an
    inflected form listed ("Аль-Джазире") gives the nominative one; other forms take the table's name."""
    if spelling == name or not re.search("[а-яё]", spelling.lower()) or re.search("[а-яё]", name.lower()):
        return name
    stem = spelling.lower()[:6]
    return next(s for s in spellings if s.lower()[:6] == stem)


def _is_ordinary_word(word: str) -> bool:
    morph = morph_analyzer()
    if not re.search("[а-яё]", word.lower()) or not morph.word_is_known(word.lower()):
        return False
    return not (NAME_TAGS | {"Orgn", "Abbr"}) & set(morph.parse(word.lower())[0].tag.grammemes)


@lru_cache(maxsize=1)
def outlet_forms() -> dict[str, list[OutletForm]]:
    """Outlet forms indexed by the lemma of their first token, longest first."""
    index: dict[str, list[OutletForm]] = {}
    for row in _rows("attach/outlets.tsv"):
        name, kind = row[0], row[1]
        spellings = [name] + [f.strip() for f in (row[2] if len(row) > 2 else "").split("|") if f.strip()]
        for spelling in spellings:
            toks = tokens_of(spelling)
            form = OutletForm(
                name, kind, tuple(t.text for t in toks), tuple(t.lemma for t in toks),
                len(toks) == 1 and (_is_ordinary_word(spelling) or spelling.isdigit()),
                _written_name(name, spelling, spellings),
            )
            index.setdefault(form.lemmas[0], []).append(form)
    for forms in index.values():
        forms.sort(key=lambda f: -len(f.texts))
    return index


@lru_cache(maxsize=1)
def outlet_names() -> frozenset[str]:
    return frozenset(outlet_table_names())


@lru_cache(maxsize=1)
def outlet_table_names() -> dict[str, str]:
    """Every name a chain may give an outlet (the table's and the text's spellings) -> the table's name."""
    names = {form.name: form.name for forms in outlet_forms().values() for form in forms}
    names.update({form.written: form.name for forms in outlet_forms().values() for form in forms if form.written})
    return names


@lru_cache(maxsize=1)
def outlet_kinds() -> frozenset[str]:
    return frozenset(row[1] for row in _rows("attach/outlets.tsv")) | {
        "издание", "сми", "газета", "журнал", "портал", "телекомпания", "радиостанция", "агентство"
    }


# ---------------------------------------------------------------- document view


def _is_latin(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z.\-&]*", word))


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


@dataclass
class OutletSpan:
    first: int  # token indices, half-open, quotes and genre noun included
    last: int
    name: str
    kind: str


@dataclass
class Speaker:
    name: str
    span: Span
    person: bool = False
    unnamed: bool = False


@dataclass
class Resolved:
    chain: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)
    person: bool = False
    has_relay_object: bool = False  # an outlet, correspondent, pronoun or speech noun


class View:
    """The document's tokens as one list, with the outlets, quotes and mentions located."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.tokens: list[Token] = []
        self.sentence_of: list[int] = []
        self.sentence_range: list[tuple[int, int]] = []
        for index, sentence in enumerate(doc.sentences):
            first = len(self.tokens)
            self.tokens += sentence.tokens
            self.sentence_of += [index] * len(sentence.tokens)
            self.sentence_range.append((first, len(self.tokens)))
        self.by_start = {t.start: i for i, t in enumerate(self.tokens)}
        self.quotes = find_quote_spans(doc.text)
        self.quote_opening = {q[0]: q for q in self.quotes}
        self.quote_closing = {q[1] - 1: q for q in self.quotes}
        self.in_link = self._link_tokens()
        self.outlets = self._find_outlets()
        self.outlet_at = {i: o for o in self.outlets for i in range(o.first, o.last)}
        self.named_body_at: dict[tuple[str, int], tuple[int, int] | None] = {}

    def _link_tokens(self) -> set[int]:
        """Tokens of web addresses and markdown link targets ("https://t.me/…", "site.ru/a.html"): never a name."""
        inside: set[int] = set()
        for link in LINK.finditer(self.doc.text):
            i = self.token_index_after(link.start(), len(self.tokens))
            while i < len(self.tokens) and self.tokens[i].start < link.end():
                inside.add(i)
                i += 1
        return inside

    @cached_property
    def token_starts(self) -> list[int] | None:
        """The tokens' starts, when they ascend (as the sentences' tokens do), for bisecting."""
        starts = [t.start for t in self.tokens]
        return starts if all(a <= b for a, b in zip(starts, starts[1:])) else None

    @cached_property
    def mentions_by_token(self) -> dict[tuple[str, int], Mention]:
        """(kind, token index) → the first mention of that kind over the token's start, built once
        (asking the mentions one by one for each token made long documents quadratic)."""
        starts, found = self.token_starts, {}
        for m in self.doc.mentions:
            first = bisect_left(starts, m.start)
            for i in range(first, bisect_left(starts, m.end)):
                found.setdefault((m.kind, i), m)
        return found

    def mention_at(self, i: int, kind: str) -> Mention | None:
        if self.token_starts is not None:
            return self.mentions_by_token.get((kind, i))
        t = self.tokens[i]
        for m in self.doc.mentions:
            if m.kind == kind and m.start <= t.start < m.end:
                return m
        return None

    @cached_property
    def tokens_by_lemma(self) -> dict[str, list[int]]:
        """lemma → the indexes of its tokens, ascending."""
        found: dict[str, list[int]] = {}
        for i, t in enumerate(self.tokens):
            found.setdefault(t.lemma, []).append(i)
        return found

    @cached_property
    def mention_starts(self) -> list[int] | None:
        starts = [m.start for m in self.doc.mentions]
        return starts if all(a <= b for a, b in zip(starts, starts[1:])) else None

    def mentions_backwards(self, char: int, *, inclusive: bool) -> list[Mention] | Iterator[Mention]:
        """The document's mentions starting before `char` (or at it, when inclusive), last first:
        a superset of those a backward search over all mentions keeps, in its order."""
        mentions, starts = self.doc.mentions, self.mention_starts
        if starts is None:
            return reversed(mentions)
        end = bisect_right(starts, char) if inclusive else bisect_left(starts, char)
        return (mentions[k] for k in range(end - 1, -1, -1))

    def tokens_from(self, i: int, end: int) -> list[Token]:
        """The tokens from the i-th on that start before the character `end`."""
        if self.token_starts is None:
            return [t for t in self.tokens[i:] if t.start < end]
        return self.tokens[i : max(i, bisect_left(self.token_starts, end))]

    def token_index(self, char: int) -> int | None:
        return self.by_start.get(char)

    def token_index_after(self, char: int, limit: int) -> int:
        """The first token starting at or after the character, at most `limit`."""
        i = self.by_start.get(char)
        while i is None and char < len(self.doc.text):
            char += 1
            i = self.by_start.get(char)
        return min(i if i is not None else limit, limit)

    def span(self, first: int, last: int) -> Span:
        return self.tokens[first].start, self.tokens[last - 1].end

    def in_quotes(self, first: int, last: int) -> bool:
        i, j = first - 1, last
        return (
            i >= 0 and j < len(self.tokens)
            and self.tokens[i].start in self.quote_opening
            and self.tokens[j].start in self.quote_closing
        )

    def _find_outlets(self) -> list[OutletSpan]:
        found: list[OutletSpan] = []
        i = 0
        while i < len(self.tokens):
            hit = self._outlet_at(i) or self._quoted_outlet_at(i) or self._quoted_name_after_verb(i)
            if hit:
                found.append(hit)
                i = hit.last
            else:
                i += 1
        return found

    def _outlet_at(self, i: int) -> OutletSpan | None:
        for form in outlet_forms().get(self.tokens[i].lemma, []):
            last = i + len(form.texts)
            if last > len(self.tokens) or not all(
                self._token_matches(self.tokens[i + k], form.texts[k], form.lemmas[k]) for k in range(len(form.texts))
            ):
                continue
            genre = i > 0 and self.tokens[i - 1].lemma in outlet_kinds()
            quoted = self.in_quotes(i, last)
            own = form.name == self.doc.source and not (i > 0 and self.tokens[i - 1].pos in ("NOUN", "PREP"))
            if form.needs_context and not (quoted or genre or own):
                continue  # "Звезда", "112" alone are outlets only in quotes, after "телеканал" or in their own post
            return self._widen(OutletSpan(i, last, form.written or form.name, form.kind))
        return None

    def _quoted_outlet_at(self, i: int) -> OutletSpan | None:
        """An outlet the table does not know: 'телеканал "Звезда"'."""
        t = self.tokens[i]
        if t.lemma not in outlet_kinds() or i + 2 >= len(self.tokens):
            return None
        quote = self.quote_opening.get(self.tokens[i + 1].start)
        if not quote or not _capitalised(self.tokens[i + 2].text) or quote[1] - quote[0] > OUTLET_NAME_MAX_CHARS:
            return None
        first, last = i + 2, self.token_index(quote[1] - 1)
        if last is None:
            return None
        return self._widen(OutletSpan(first, last, self.doc.text[quote[0] + 1 : quote[1] - 1], t.lemma))

    def _quoted_name_after_verb(self, i: int) -> OutletSpan | None:
        """ 'сообщает "24.kg"': a short quoted name right after a speech or relay verb is an outlet."""
        if i == 0 or i + 1 >= len(self.tokens):
            return None
        verb = self.tokens[i - 1]
        lex = lexicon()
        if verb.pos != "VERB" or not (lex.has("verb", verb) or lex.has("relay", verb)):
            return None
        quote = self.quote_opening.get(self.tokens[i].start)
        if not quote or quote[1] - quote[0] > OUTLET_NAME_MAX_CHARS or self._outlet_at(i + 1):
            return None
        if not (_capitalised(self.tokens[i + 1].text) or self.tokens[i + 1].text[:1].isdigit()):
            return None
        last = self.token_index(quote[1] - 1)
        if last is None or last - i > QUOTED_NAME_MAX_TOKENS or any(t.pos == "VERB" for t in self.tokens[i:last]):
            return None  # 'сказал "Мы не уйдем"' is speech, not a name
        return OutletSpan(i, last + 1, self.doc.text[quote[0] + 1 : quote[1] - 1], "издание")

    def _widen(self, outlet: OutletSpan) -> OutletSpan:
        """Take in the quotes or brackets around the name and a genre noun before it."""
        first, last = outlet.first, outlet.last
        if self.in_quotes(first, last) or (
            first > 0 and last < len(self.tokens)
            and self.tokens[first - 1].text == "(" and self.tokens[last].text == ")"
        ):
            first, last = first - 1, last + 1
        if first > 0 and self.tokens[first - 1].lemma in outlet_kinds():
            first -= 1
        elif first > 0 and self.tokens[first - 1].lemma in OUTLET_DESKS:
            first -= 1  # "грузинской службы «Радио Свобода»": the outlet's desk is the outlet
            while first > 0 and _is_modifier(self.tokens[first - 1]):
                first -= 1
        return OutletSpan(first, last, outlet.name, outlet.kind)

    @staticmethod
    def _token_matches(token: Token, text: str, lemma: str) -> bool:
        if token.text == text:
            return True
        if _is_latin(text):
            return False
        return _capitalised(token.text) and _capitalised(text) and token.lemma == lemma


QUOTE_MARK = re.compile('[«»„“”"]')
QUOTES_AND_BRACKETS = set('«»„“”"()')
LINK = re.compile(r"\]\([^)\s]*\)|(?:https?://|www\.|t\.me/)[^\s)\]»\"]*|\b[\w.-]+\.(?:html?|php|aspx?)\b", re.IGNORECASE)


def find_quote_spans(text: str) -> list[Span]:
    """Quoted stretches within a line, marks included: «…», „…“, “…”, "…"."""
    pairs = {"«": "»", "„": "“", "“": "”"}
    spans: list[Span] = []
    for line in re.finditer(r"[^\n]+", text):
        stack: list[tuple[str, int]] = []
        for mark in QUOTE_MARK.finditer(text, line.start(), line.end()):
            k, ch = mark.start(), mark.group()
            if ch == '"':
                before = text[k - 1] if k > line.start() else " "
                if stack and stack[-1][0] == '"' and not (before.isspace() or before in "(«„—–"):
                    spans.append((stack.pop()[1], k + 1))
                else:
                    stack.append(('"', k))
            elif stack and ch == pairs.get(stack[-1][0]):
                spans.append((stack.pop()[1], k + 1))
            elif ch in pairs and not (ch == "“" and stack and stack[-1][0] == "„"):
                stack.append((ch, k))
    return sorted(spans)


# ---------------------------------------------------------------- noun phrases


def to_nominative(token: Token, gender: str | None = None) -> str:
    """The word put into the nominative, keeping its number and capitalisation; an adjective in
    the singular takes the gender of its noun (`gender`): "Следственного комитета" is Следственный."""
    case = next((c for c in ("gent", "datv", "accs", "ablt", "loct") if c in token.tags), None)
    if case is None:
        return token.text
    parses = morph_analyzer().parse(token.text.lower())
    if gender and token.pos in ("ADJF", "PRTF"):
        parses = sorted(parses, key=lambda p: p.tag.gender != gender)  # the noun's gender first
    for parse in parses:
        if parse.tag.case == case and parse.tag.POS == token.pos:
            wanted = {"nomn"} | ({parse.tag.number} if parse.tag.number else set())
            if gender and token.pos in ("ADJF", "PRTF") and parse.tag.number == "sing":
                wanted.add(gender)
            form = parse.inflect(wanted)
            if form:
                word = form.word
                return word[:1].upper() + word[1:] if _capitalised(token.text) else word
    return token.text


@lru_cache(maxsize=1)
def country_adjectives() -> dict[str, str]:
    """The lemma of a country's adjective ("тайский") -> the country's name (data/countries.tsv)."""
    found = {}
    for row in _rows("attach/countries.tsv"):
        for adjective in row[3].split(",") if len(row) > 3 else ():
            if adjective.strip():
                found[adjective.strip().replace("ё", "е")] = row[1].strip()
    return found


def genitive(name: str) -> str:
    """A place name in the genitive, word by word: Таиланд is Таиланда, Южная Корея Южной Кореи."""
    words = []
    for word in name.split():
        parse = next((p for p in morph_analyzer().parse(word.lower()) if p.tag.case == "nomn"), None)
        form = parse.inflect({"gent"}) if parse else None
        words.append(recover_shape(with_yo_of(word, form.word), word) if form else word)
    return " ".join(words)


@lru_cache(maxsize=1)
def name_endings() -> dict[tuple[str, str], tuple[tuple[str, str], ...]]:
    table: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for case, gender, oblique, nominative in _rows("attach/name_endings.tsv"):
        table.setdefault((case, gender), []).append((oblique, "" if nominative == "-" else nominative))
    return {key: tuple(sorted(rows, key=lambda r: -len(r[0]))) for key, rows in table.items()}


def _name_parses(word: str, case: str):
    return [
        p for p in morph_analyzer().parse(word.lower())
        if p.tag.case == case and p.tag.number != "plur" and p.tag.POS == "NOUN"
    ]


def _name_gender(word: str, case: str) -> str | None:
    """The gender of a first name in the case, when the morphology knows it as a name."""
    for p in _name_parses(word, case):
        if "Name" in p.tag.grammemes and p.tag.gender in ("masc", "femn"):
            return p.tag.gender
    return None


@lru_cache(maxsize=10_000)
def name_in_nominative(word: str, case: str, gender: str | None) -> str:
    """A capitalised name word in the case put into the nominative: a parse of the word in that
    case (of the gender, if one has it), else the ending table; else the word as it is."""
    parses = _name_parses(word, case)
    parses.sort(key=lambda p: (p.tag.gender != gender, not ({"Name", "Surn", "Patr"} & p.tag.grammemes)))
    for p in parses:
        form = p.inflect({"nomn"})
        if form:
            return form.word[:1].upper() + form.word[1:]
    for oblique, nominative in name_endings().get((case, gender or "masc"), ()):
        if word.endswith(oblique) and len(word) > len(oblique) + 1:
            return word[: len(word) - len(oblique)] + nominative
    return word


def in_apposition(word: str, case: str) -> bool:
    """ "градоначальника Татьяна Грузинская": the name's last word has no reading in the role
    noun's case but has one in the nominative, so the name stands beside the role, not in its case."""
    cases = {p.tag.case for p in morph_analyzer().parse(word.lower())}
    return case not in cases and "nomn" in cases


def _is_noun(token: Token) -> bool:
    return token.pos == "NOUN" or "Abbr" in token.tags or _is_latin(token.text)


def _agrees(subject: Token, verb: Token, locative: bool) -> bool:
    """Whether a noun can be the speaker of the verb: "гибель подтвердил" cannot; a body
    in the locative only with the impersonal plural ("в комендатуре заявили")."""
    if locative:
        return "plur" in verb.tags
    if "nomn" not in subject.tags or subject.tags & {"Fixd", "Abbr", "ms-f", "GNdr"} or _is_latin(subject.text):
        return True
    if "plur" in verb.tags:
        return "plur" in subject.tags
    gender = verb.tags & {"masc", "femn", "neut"}
    return "sing" in subject.tags and (not gender or bool(gender & subject.tags))


def _is_modifier(token: Token) -> bool:
    return token.pos in ("ADJF", "PRTF")


def _word_is(token: Token, word: str) -> bool:
    return token.text.lower().replace("ё", "е") == word


def _can_be_locative(token: Token) -> bool:
    """ "в администрации": the first parse says genitive, another one of the same word the locative."""
    if token.tags & LOCATIVE_CASES:
        return True
    parses = morph_analyzer().parse(token.text.lower())
    return any(p.tag.case in LOCATIVE_CASES and p.normal_form.replace("ё", "е") == token.lemma for p in parses)


# ---------------------------------------------------------------- attribution


class Attributor:
    def __init__(self, doc: Document):
        self.view = View(doc)
        self.doc = doc
        self.lex = lexicon()
        self.found: list[tuple[Attribution, Resolved]] = []
        self.quotes: list[Quote] = []

    # -- the walk

    def run(self) -> None:
        for sentence, (first, last) in enumerate(self.view.sentence_range):
            i = first
            while i < last:
                i = self._attribute_at(i, first, last, sentence)
            self._signature(sentence, first, last)
            self._headed_by_speaker(sentence, first, last)

    def _headed_by_speaker(self, sentence: int, first: int, last: int) -> None:
        """ "Минобороны РФ: подразделения нанесли удар…", "Песков: …": a line opened by a name and a
        colon is said by that name, with the rest of its paragraph."""
        tokens = self.view.tokens
        start = first
        while start < last and not re.search(r"\w", tokens[start].text):
            start += 1  # an emoji, a bullet
        colon = next((k for k in range(start + 1, min(last, start + SIGNATURE_MAX_TOKENS)) if tokens[k].text == ":"), None)
        if colon is None or colon + 1 >= last or any(tokens[k].text in CLAUSE_PUNCTUATION for k in range(start, colon)):
            return
        surname = colon == start + 1 and _capitalised(tokens[start].text) and any(
            "Surn" in p.tag for p in morph_analyzer().parse(tokens[start].text.lower())
        )  # "Песков: …", a surname NER does not see alone
        if not (surname or self.view.mention_at(start, "PER") or self.view.mention_at(start, "ORG") or start in self.view.outlet_at):
            return  # "Видео: …", "Итог: …"
        name = tokens[start].text if surname and not self.view.mention_at(start, "ORG") else self._signature_name(start, colon)
        if name is None or any(sentence in a.sentences for a, _ in self.found):
            return
        paragraph = self.doc.sentences[sentence].paragraph
        told = [k for k in range(sentence, len(self.doc.sentences)) if self.doc.sentences[k].paragraph == paragraph]
        person = surname or self.view.mention_at(start, "PER") is not None
        self._record(Resolved([name], [self.view.span(start, colon + 1)], person=person), told, None, None)

    def _signature(self, sentence: int, first: int, last: int) -> None:
        """A post signed with a dash and a name: "…цель поражена — Путин" speaks for its sentence;
        a line of its own ("— Собянин.") for the lines before it, up to the last signature."""
        tokens = self.view.tokens
        end = last
        while end > first and not re.search(r"\w", tokens[end - 1].text):
            end -= 1  # the closing period, an emoji
        dash = next((k for k in range(end - 1, max(first, end - SIGNATURE_MAX_TOKENS) - 1, -1) if tokens[k].text in ("—", "–")), None)
        if dash is None or dash + 1 >= end:
            return
        name = self._signature_name(dash + 1, end)
        resolved = None
        if name is None and any(self._phrase_at(k, self.lex.references, end) for k in range(dash + 1, end)):
            resolved = self._resolve(dash + 1, end)  # "— СМИ со ссылкой на ведомство"
            if not resolved.chain:
                return
            name = resolved.chain[0]
        if name is None:
            return
        if dash != first:  # inline: "…цель поражена — Путин", not "в списке погибших — Иван Петров"
            closes = sentence + 1 == len(self.doc.sentences) or self.doc.sentences[sentence + 1].paragraph != self.doc.sentences[sentence].paragraph
            said = any(t.pos in ("VERB", "PRTS") for t in tokens[first:dash])
            person = self.view.mention_at(dash + 1, "PER")
            if not closes or not said or person and end - dash > 2:
                return  # a full name after a dash is more often a victim's than a signature
        if dash == first:  # a line of its own
            paragraph = self.doc.sentences[sentence].paragraph
            signed = [
                k for k in range(sentence) if self.doc.sentences[k].paragraph < paragraph
                and not any(k in a.sentences for a, _ in self.found)
            ]
        else:
            signed = [sentence]
        if signed and resolved is not None:
            resolved.spans.append(self.view.span(dash, end))
            self._record(resolved, signed, None, None)
        elif signed:
            person = self.view.mention_at(dash + 1, "PER") is not None
            self._record(Resolved([name], [self.view.span(dash, end)], person=person), signed, None, None)

    def _signature_name(self, start: int, end: int) -> str | None:
        """The name the tokens [start, end) are, whole: a person, an organisation, an outlet."""
        view = self.view
        t = view.tokens[start]
        if start in view.outlet_at and view.outlet_at[start].last >= end:
            return view.outlet_at[start].name
        for kind in ("PER", "ORG"):
            m = view.mention_at(start, kind)
            if m and m.start == t.start and m.end >= view.tokens[end - 1].end:
                return self._person_name(m) if kind == "PER" else m.normal
        if t.pos == "PREP" or not _capitalised(t.text):
            return None  # "— в мэрии", "— местные власти"
        body = self._speaker_in(start, end, True, None)  # "— Минобороны России"
        if body and not body.person and not body.unnamed and body.span == view.span(start, end):
            return body.name
        return None

    def _attribute_at(self, i: int, first: int, last: int, sentence: int) -> int:
        """Attribute the trigger at token i if there is one; return where to continue."""
        tokens = self.view.tokens
        t = tokens[i]
        opens_according = t.text.lower().replace("ё", "е") in self.lex.according_openers
        speaks = t.pos == "VERB" and (self.lex.has("verb", t) or self.lex.has("relay", t))
        if not (opens_according or speaks) or self._inside_quote(i):
            return i + 1
        according = self._phrase_at(i, self.lex.according, last, modifiers=True) if opens_according else None
        if according and according < last and tokens[according].pos == "PREP" and tokens[according].text.lower() not in SOURCE_PREPOSITIONS:
            return according  # "по информации на данном этапе", "по данным на утро": when, not who
        if according and according < last and not self._may_open_genitive_source(tokens[according]):
            return according  # "по некоторым данным нападавший проник": the clause goes on, no one is named
        if according:
            end = self._clause_end(according, last)
            resolved = self._resolve(according, end, genitive=True)
            if resolved.chain:
                resolved.spans.append(self.view.span(i, according))
                self._record(resolved, sorted({sentence} | self._told_before(sentence, first, last)), None, None)
            return according
        if not speaks:
            return i + 1
        resolved = self._speaker_of_verb(i, first, last)
        if not resolved.chain or (self.lex.has("relay", t) and not resolved.has_relay_object):
            return i + 1
        if self._tells_intent(i, last):
            return i + 1  # "заявил о своем намерении уволить": a plan told, not the sentence's events
        resolved.spans.append((t.start, t.end))
        quote = self._direct_quote(i, last)
        sentences = {sentence} | self._told_before(sentence, first, last)
        if quote:
            sentences |= {k for k, s in enumerate(self.doc.sentences) if s.start < quote[1] and quote[0] < s.end}
        attribution = self._record(resolved, sorted(sentences), quote, (t.start, t.end))
        if not quote:
            clause = self._reported_clause(i, last)
            if clause:
                self.quotes.append(Quote(list(attribution.chain), clause, (t.start, t.end), direct=False))
        return i + 1

    def _tells_intent(self, v: int, last: int) -> bool:
        """The verb says what the speaker means to do: "заявил о намерении", "объявило о планах"."""
        tokens = self.view.tokens
        k = v + 1
        if k >= last or tokens[k].text.lower() not in TOPIC_WORDS - {"что", "чтобы", "если", "как"}:
            return False
        k += 1
        while k < last and (_is_modifier(tokens[k]) or tokens[k].pos == "NPRO"):
            k += 1
        return k < last and self.lex.has("intent", tokens[k])

    @staticmethod
    def _may_open_genitive_source(t: Token) -> bool:
        """The word right after "по данным" that can begin who says so: a genitive, a name, a quote, a figure."""
        if not t.text[:1].isalpha() or _capitalised(t.text) or _is_latin(t.text) or "gent" in t.tags or t.pos == "PREP":
            return True
        parses = morph_analyzer().parse(t.text.lower())
        return any(p.tag.case == "gent" for p in parses)

    def _record(self, resolved: Resolved, sentences: list[int], quote: Span | None, verb: Span | None) -> Attribution:
        evidence = min(s[0] for s in resolved.spans), max(s[1] for s in resolved.spans)
        unnamed = [name for name in resolved.chain if name in resolved.unnamed]
        attribution = Attribution(resolved.chain, evidence, sentences, unnamed)
        self.found.append((attribution, resolved))
        if quote:
            self.quotes.append(Quote(list(resolved.chain), (quote[0] + 1, quote[1] - 1), verb, direct=True))
        return attribution

    def _told_before(self, sentence: int, first: int, last: int) -> set[int]:
        """ "Об этом сообщает Интерфакс": the source of the sentence before, too, and of the earlier
        sentences of its paragraph, which "этом" sums up."""
        if sentence == 0 or not any(self._phrase_at(i, self.lex.backward, last) for i in range(first, last)):
            return set()
        sentences = self.doc.sentences
        paragraph = sentences[sentence].paragraph
        return {sentence - 1} | {
            k for k in range(sentence - 1, -1, -1) if sentences[k].paragraph == paragraph and not sentences[k].headline
        }

    def _inside_quote(self, i: int) -> bool:
        t = self.view.tokens[i]
        return any(q[0] < t.start and t.end < q[1] and q[1] - q[0] > SPEECH_QUOTE_MIN_CHARS for q in self.view.quotes)

    def _phrase_at(
        self, i: int, phrases: tuple[tuple[str, ...], ...], limit: int, modifiers: bool = False
    ) -> int | None:
        """The token after a fixed phrase ("по данным") starting at i, if one does; with
        `modifiers`, adjectives may stand after its first word ("по официальным данным")."""
        tokens = self.view.tokens
        word = tokens[i].text.lower().replace("ё", "е")
        for phrase in phrases:
            if phrase[0] != word:
                continue
            k = i + 1
            while modifiers and len(phrase) > 1 and k < limit and _is_modifier(tokens[k]) and not _word_is(tokens[k], phrase[1]):
                k += 1
            end = k + len(phrase) - 1
            if end <= limit and all(_word_is(tokens[k + n], w) for n, w in enumerate(phrase[1:])):
                return end
        return None

    # -- finding the speaker

    def _is_boundary(self, i: int) -> bool:
        t = self.view.tokens[i]
        if i in self.view.in_link:
            return False  # "[сообщил](https://…) губернатор": the link target stands outside the clause
        return i not in self.view.outlet_at and (t.text in CLAUSE_PUNCTUATION or t.text.lower() in TOPIC_WORDS)

    def _clause_end(self, i: int, last: int) -> int:
        while i < last and not self._is_boundary(i) and not self._opens_gloss(i, last):
            i += 1
        return i

    def _opens_gloss(self, i: int, last: int) -> bool:
        """ "(объявлена нежелательной организацией)", "(деятельность запрещена в РФ)": a bracket
        with a verb or a short participle says something of the name before it, and ends its clause."""
        tokens = self.view.tokens
        if tokens[i].text != "(":
            return False
        for j in range(i + 1, min(last, i + 1 + BRACKET_MAX_TOKENS)):
            if tokens[j].text == ")":
                return False
            if tokens[j].pos in ("PRTS", "VERB"):
                return True
        return False

    def _clause_start(self, i: int, first: int) -> int:
        while i > first:
            opening = self._bracket_opening(i - 1, first)
            if opening is not None:
                i = opening  # "Абдул Сахми (Abdul Sahmi) сказал": a bracket does not end the clause
                continue
            if self._is_boundary(i - 1) or self._links_clauses(i - 1):
                break
            i -= 1
        return i

    def _bracket_opening(self, k: int, first: int) -> int | None:
        """The "(" of a short bracket closing at token k, if k closes one."""
        tokens = self.view.tokens
        if tokens[k].text != ")":
            return None
        for j in range(k - 1, max(first, k - BRACKET_MAX_TOKENS) - 1, -1):
            if tokens[j].text == "(":
                return j if j < k - 1 else None
            if tokens[j].text in ".!?;:)":
                return None
        return None

    def _links_clauses(self, k: int) -> bool:
        """ "и" opens a clause, except between two names: "издания X и Y сообщают"."""
        if not self.lex.has("clause_link", self.view.tokens[k]):
            return False
        return not (0 < k < len(self.view.tokens) - 1 and self._is_name(k - 1) and self._is_name(k + 1))

    def _is_name(self, i: int) -> bool:
        view = self.view
        return i in view.outlet_at or any(view.mention_at(i, kind) for kind in ("ORG", "PER"))

    def _speaker_of_verb(self, v: int, first: int, last: int) -> Resolved:
        start = self._clause_start(v, first)
        verb = self.view.tokens[v]
        before = self._resolve(start, v, verb=verb)
        if before.chain:
            return before
        after = self._resolve(v + 1, self._clause_end(v + 1, last), verb=verb)
        if after.chain:
            return after
        opener = self.view.tokens[start - 1] if start > first else None
        if opener is not None and self.lex.has("clause_link", opener):
            return self._subject_of_main_clause(v, first)
        return Resolved()

    def _subject_of_main_clause(self, v: int, first: int) -> Resolved:
        """ "...и подчеркнули", "использовал Токаев, когда сообщал": the speaker already named."""
        sentence = self.view.sentence_of[v]
        for attribution, resolved in reversed(self.found):
            if sentence in attribution.sentences and attribution.evidence[1] <= self.view.tokens[v].start:
                return Resolved(list(attribution.chain), [], list(attribution.unnamed), resolved.person)
        for i in range(v - 1, first - 1, -1):
            person = self.view.mention_at(i, "PER")
            if person and "nomn" in self.view.tokens[i].tags:
                return Resolved([self._person_name(person)], [(person.start, person.end)], person=True)
        return Resolved()

    def _resolve(self, first: int, last: int, genitive: bool = False, verb: Token | None = None) -> Resolved:
        """The chain named by tokens [first, last): "X со ссылкой на Y" is [Y, X]."""
        for i in range(first, last):
            after = self._phrase_at(i, self.lex.references, last)
            if after:
                inner = self._resolve_simple(after, last, True, None)
                outer = self._resolve_simple(first, i, genitive, verb)
                if not inner.chain:
                    return outer
                merged = Resolved(
                    _dedupe(inner.chain + outer.chain),
                    inner.spans + outer.spans + [self.view.span(i, after)],
                    inner.unnamed + outer.unnamed, inner.person, True,
                )
                return merged
        return self._resolve_simple(first, last, genitive, verb)

    def _resolve_simple(self, first: int, last: int, genitive: bool, verb: Token | None) -> Resolved:
        view = self.view
        result = Resolved()
        outlets = [o for o in view.outlets if first <= o.first and o.last <= last]
        relays = [o.name for o in outlets]
        result.spans += [view.span(o.first, o.last) for o in outlets]
        prefix: list[str] = []
        speaker: Speaker | None = None
        for i in range(first, last):
            t = view.tokens[i]
            if i in view.outlet_at:
                continue
            if t.pos == "NPRO" and t.lemma in PRONOUNS:
                antecedent = self._antecedent(person_only=t.lemma != "они")
                if antecedent is None:
                    continue
                attribution, resolved = antecedent
                if "nomn" in t.tags:
                    name = attribution.chain[0]
                    speaker = speaker or Speaker(name, (t.start, t.end), resolved.person, name in attribution.unnamed)
                else:
                    prefix = list(attribution.chain)
                    result.spans.append((t.start, t.end))
                    result.unnamed = list(attribution.unnamed)
            elif self.lex.has("correspondent", t):
                name = None if outlets else self._correspondent_outlet(i, last)
                if name:
                    relays.append(name)
                    result.spans.append(view.span(i, min(i + 2, last)))
                elif outlets:
                    result.spans.append((t.start, t.end))
            elif self.lex.has("speech_noun", t):
                result.has_relay_object = True
        if not prefix:
            named = self._speaker_in(first, last, genitive, verb)
            if named and (speaker is None or named.person):
                speaker = named
        names = list(prefix)
        if speaker:
            names.append(speaker.name)
            result.spans.append(speaker.span)
            result.person = speaker.person
            if speaker.unnamed:
                result.unnamed.append(speaker.name)
        result.chain = _dedupe(names + relays)
        result.has_relay_object = result.has_relay_object or bool(prefix or relays)
        return result

    def _speaker_in(self, first: int, last: int, genitive: bool, verb: Token | None) -> Speaker | None:
        """The person, unnamed source, organisation or body the tokens name."""
        view = self.view
        for i in range(first, last):
            person = view.mention_at(i, "PER")
            if person and i not in view.outlet_at and i not in view.in_link and not self._is_possessor(person):
                return Speaker(self._person_name(person), (person.start, person.end), person=True)
        for i in range(first, last):
            end = self._unnamed_at(i, last)
            if end:
                return Speaker(self._phrase_name(i, end), view.span(i, end), unnamed=True)
        i = first
        while i < last:
            t = view.tokens[i]
            named = self._quoted_body_name(i, last)
            if named:
                return named
            if self.lex.has("speech_noun", t) or self.lex.has("press_office", t) or self._speaks_for_body(i, last):
                genitive = True
            elif i not in view.outlet_at and self._is_head(i, first, genitive):
                end = self._tail_end(i + 1, last)
                if not (genitive or verb is None or _agrees(t, verb, self._after_locative(i, first))):
                    i = end  # "гибель двух человек подтвердил": an object with its modifiers
                    continue
                start = i
                while start > first and _is_modifier(view.tokens[start - 1]) and not self.lex.has("speech_noun", view.tokens[start - 1]):
                    start -= 1  # "данные полиции": the speech noun read as an adjective is not the body's
                if start == i and end == i + 1 and self.lex.has("anaphoric_body", t):
                    antecedent = self._organisation_before(t.start)
                    if antecedent:
                        return Speaker(self._antecedent_name(antecedent), (t.start, t.end))
                    # "в ведомстве заявили" with no body named before: no one the text names
                    return Speaker(t.lemma, view.span(i, end), unnamed=True)
                holder = self._office_holder(i, end)
                if holder:
                    return holder
                if start < i and end == i + 1 and all(self.lex.has("deictic", view.tokens[k]) for k in range(start, i)):
                    named = self._body_named_elsewhere(i)  # "местная облпрокуратура" after "Донецкая облпрокуратура"
                    if named:
                        return Speaker(named, view.span(start, end))
                    return Speaker(self._phrase_name(start, end).lower(), view.span(start, end), unnamed=True)
                name = self._body_name(start, i, end)
                bare = self._is_bare_common(start, i, end) and name.lower() == self._phrase_name(start, end).lower()
                if start > first and view.tokens[start - 1].text.lower() in LOCATIVE_PREPOSITIONS:
                    start -= 1  # "в комендатуре": the evidence keeps the preposition
                if bare:  # "полиция", "официальные лица", "ректор": no one the text ties to one body
                    return Speaker(name[:1].lower() + name[1:], view.span(start, end), unnamed=True)
                return Speaker(name, view.span(start, end))
            i += 1
        return None

    def _is_bare_common(self, start: int, head: int, end: int) -> bool:
        """A common noun with only plain adjectives before it and nothing after it: no name, no
        country, no place, no abbreviation ("полиция", "правоохранители", "официальные лица")."""
        view = self.view
        if end != head + 1 or view.mention_at(head, "LOC") or "anim" not in view.tokens[head].tags:
            return False
        org = view.mention_at(head, "ORG")
        if org and (org.start < view.tokens[start].start or org.end > view.tokens[head].end):
            return False  # the word is part of a longer name NER found
        countries = country_adjectives()
        for k in range(start, end):
            t = view.tokens[k]
            written = t.text if k > view.sentence_range[view.sentence_of[k]][0] else t.text[:1].lower() + t.text[1:]
            if not written.islower() or t.tags & ({"Abbr", "Fixd"} | NAME_TAGS) or t.lemma in countries:
                return False
        return True

    def _office_at(self, i: int, end: int) -> tuple[str, int] | None:
        """The kind of office ("region_head") the tokens from i name, and the token after its words."""
        tokens = self.view.tokens
        for kind in sorted(k for k in self.lex.words if k.endswith("_head")):
            for entry in sorted(self.lex.words.get(kind, ()), key=len, reverse=True):
                words = entry.split()
                if i + len(words) <= end and all(tokens[i + k].lemma == w for k, w in enumerate(words)):
                    return kind, i + len(words)
        return None

    def _office_holder(self, head: int, end: int) -> Speaker | None:
        """ "глава региона" after "губернатор Белгородской области Вячеслав Гладков": the person
        named before with an office of that kind, when the words name the office alone or as he held it."""
        view = self.view
        office = self._office_at(head, end)
        if office is None or "anim" not in view.tokens[head].tags:
            return None
        kind, office_end = office
        said = [t.lemma for t in view.tokens[head:end]]
        char = view.tokens[head].start
        for m in view.mentions_backwards(char, inclusive=True):
            if m.kind != "PER" or m.end > char:
                continue
            k = view.token_index(m.start)
            role = self._role_before(k) if k is not None else None
            j = view.by_start.get(role.start) if role is not None else None
            held = self._office_at(j, k) if j is not None else None
            if held is None or held[0] != kind:
                continue
            if office_end == end or [t.lemma for t in view.tokens[j:k]] == said:
                return Speaker(self._person_name(m), view.span(head, end), person=True)
            return None
        return None

    def _organisation_before(self, char: int) -> Mention | None:
        """The last organisation NER found shortly before `char`, not an outlet reporting it."""
        for m in self.view.mentions_backwards(char, inclusive=True):
            if m.end > char or m.kind != "ORG":
                continue
            if char - m.end > ANTECEDENT_MAX_CHARS:
                return None
            k = self.view.token_index(m.start)
            generic = {phrase[-1] for phrase in self.lex.unnamed}  # "СМИ" of "ряд СМИ", "источник"
            if k not in self.view.outlet_at and not (k is not None and self.view.tokens[k].lemma in generic and m.end == self.view.tokens[k].end):
                return m  # not an outlet reporting it, nor the media at large
        return None

    def _antecedent_name(self, m: Mention) -> str:
        """The organisation by its name with the genitive tail NER left out: "Минобороны Японии"."""
        k = self.view.token_index(m.start)
        if k is None:
            return m.normal
        last = self.view.sentence_range[self.view.sentence_of[k]][1]
        end = self.view.token_index_after(m.end, last)
        tail = self._tail_end(end, last) if end < last else end
        return m.normal + self.doc.text[self.view.tokens[end - 1].end : self.view.tokens[tail - 1].end] if tail > end else m.normal

    def _quoted_body_name(self, i: int, last: int) -> Speaker | None:
        """ 'правозащитный центр "Кылым шамы"': the body goes by the name in quotes."""
        view = self.view
        if not self.lex.has("named_body", view.tokens[i]) or i + 2 >= last:
            return None
        quote = view.quote_opening.get(view.tokens[i + 1].start)
        if not quote or quote[1] - quote[0] > OUTLET_NAME_MAX_CHARS or not _capitalised(view.tokens[i + 2].text):
            return None
        start = i
        while start > 0 and _is_modifier(view.tokens[start - 1]):
            start -= 1
        return Speaker(self.doc.text[quote[0] + 1 : quote[1] - 1], (view.tokens[start].start, quote[1]))

    def _is_possessor(self, person: Mention) -> bool:
        """ "штаб Навального": a person in the genitive after an inanimate noun names a body, not the speaker."""
        i = self.view.token_index(person.start)
        if not i:
            return False
        owner = self.view.tokens[i - 1]
        if not (owner.pos == "NOUN" and "inan" in owner.tags and owner.text.islower()):
            return False
        names = self.view.tokens_from(i, person.end)
        if not any("gent" in t.tags for t in names) or any("nomn" in t.tags for t in names):
            return False  # "полиции города Салтанат Азирбек", "провинции Абдулла Хсрат": a name in apposition
        return not any(self.lex.has(kind, owner) for kind in ("speech_noun", "medium", "press_office", "correspondent"))

    def _speaks_for_body(self, i: int, last: int) -> bool:
        """ "представитель армии": the spokesperson stands for the body named after it."""
        tokens = self.view.tokens
        if not self.lex.has("spokesperson", tokens[i]) or i + 1 >= last or self.view.mention_at(i + 1, "PER"):
            return False
        return (_is_noun(tokens[i + 1]) or _is_modifier(tokens[i + 1])) and "gent" in tokens[i + 1].tags

    def _is_head(self, i: int, first: int, genitive: bool) -> bool:
        t = self.view.tokens[i]
        if i in self.view.in_link or not re.search(r"\w", t.text) or self.lex.has("not_speaker", t):
            return False
        if not _is_noun(t) or t.tags & NAME_TAGS and not self.view.mention_at(i, "ORG"):
            return False
        if any(self.lex.has(kind, t) for kind in ("medium", "correspondent", "speech_noun", "press_office")):
            return False
        if self._speaks_for_body(i, len(self.view.tokens)):
            return False
        if t.lemma in outlet_kinds() or self.view.mention_at(i, "PER"):
            return False
        prev = self.view.tokens[i - 1].text.lower() if i > first else ""
        if i > first and (self.view.tokens[i - 1].pos == "NUMR" or prev.isdigit()):
            return False  # "двух человек": what is counted, not who speaks
        if self.view.mention_at(i, "ORG"):
            return prev in LOCATIVE_PREPOSITIONS or self.view.tokens[i - 1].pos != "PREP" if i > first else True
        if genitive or "nomn" in t.tags or "Fixd" in t.tags or "Abbr" in t.tags or _is_latin(t.text):
            return True
        return self._after_locative(i, first)

    def _after_locative(self, i: int, first: int) -> bool:
        t = self.view.tokens[i]
        prev = self.view.tokens[i - 1].text.lower() if i > first else ""
        return prev in LOCATIVE_PREPOSITIONS and _can_be_locative(t)

    def _tail_end(self, i: int, last: int) -> int:
        """The genitive modifiers and names after a head: "полиции города", "Казахстана"."""
        view = self.view
        kept = i  # the tail is never cut back before this
        while i < last and i not in view.outlet_at:
            person = view.mention_at(i, "PER")
            if person:
                if not self._is_possessor(person):
                    break
                i = kept = self.view.token_index_after(person.end, last)
                continue
            t = view.tokens[i]
            genitive_word = (_is_noun(t) or _is_modifier(t)) and ("gent" in t.tags or "Fixd" in t.tags or self._genitive_modifier(i, last))
            if not (genitive_word or (_capitalised(t.text) and (t.pos is None or t.pos == "NOUN" or "Abbr" in t.tags))):
                break
            i += 1
        while i > kept and _is_modifier(view.tokens[i - 1]):  # an adjective needs its noun
            i -= 1
        return i

    def _genitive_modifier(self, i: int, last: int) -> bool:
        """An adjective and its noun the tagger read in another case that can both be genitive:
        "Брянской области" (read as locative)."""
        tokens = self.view.tokens
        if _is_modifier(tokens[i]) and i + 1 < last and _is_noun(tokens[i + 1]):
            pair = (i, i + 1)
        elif _is_noun(tokens[i]) and i > 0 and _is_modifier(tokens[i - 1]):
            pair = (i - 1, i)
        else:
            return False
        return all(
            "gent" in tokens[k].tags or any(p.tag.case == "gent" for p in morph_analyzer().parse(tokens[k].text.lower()))
            for k in pair
        )

    def _body_name(self, start: int, head: int, end: int) -> str:
        tokens = self.view.tokens
        if end == head + 1 and start == head:
            earlier = self._earlier_named_body(head)
            if earlier:
                return earlier
        name = self._phrase_name(start, end)
        if "inan" in tokens[head].tags or "anim" not in tokens[head].tags:
            name = name[:1].upper() + name[1:]
        return name

    def _body_named_elsewhere(self, head: int) -> str | None:
        """The body a deictic phrase ("местная прокуратура") stands for: the same noun with a
        capitalised adjective before it anywhere in the text ("Донецкая прокуратура"), in the nominative."""
        tokens = self.view.tokens
        lemma = tokens[head].lemma
        for k in range(1, len(tokens)):
            if k != head and tokens[k].lemma == lemma and _is_modifier(tokens[k - 1]) and _capitalised(tokens[k - 1].text) \
                    and not self.lex.has("deictic", tokens[k - 1]):
                return self._body_name(k - 1, k, k + 1)
        return None

    def _earlier_named_body(self, head: int) -> str | None:
        """ "в комендатуре" after "Комендатура Алматы": the body by its full name."""
        tokens = self.view.tokens
        lemma = tokens[head].lemma
        same = self.view.tokens_by_lemma[lemma]
        memo = self.view.named_body_at  # (lemma, n) → the last token of the lemma at or before same[n] naming a body, or None
        walked, n, found = [], bisect_left(same, head) - 1, None
        while n >= 0:
            if (lemma, n) in memo:
                found = memo[lemma, n]
                break
            walked.append(n)
            k = same[n]
            end = self._tail_end(k + 1, self.view.sentence_range[self.view.sentence_of[k]][1])
            if end > k + 1 and _capitalised(tokens[k + 1].text):
                found = (k, end)
                break
            n -= 1
        for n in walked:
            memo[lemma, n] = found
        return self._body_name(found[0], found[0], found[1]) if found else None

    def _phrase_name(self, start: int, end: int) -> str:
        """The phrase with its head (and the modifiers before it) in the nominative; a country's
        adjective before a body becomes the country's name after it: "тайская полиция" is the
        полиция Таиланда, as the body names itself."""
        tokens = self.view.tokens
        head = next((k for k in range(start, end) if _is_noun(tokens[k])), start)
        body = "inan" in tokens[head].tags or "Abbr" in tokens[head].tags  # "российское МВД" too
        countries = country_adjectives() if body else {}  # a body, not "израильские военные"
        if any(
            _capitalised(tokens[k].text) and tokens[k].text[1:].islower() and "Abbr" not in tokens[k].tags
            and not self._capitalised_by_position(k) and k < head
            for k in range(start, head + 1)
        ):
            countries = {}  # a proper name keeps its words: "Украинская правда", "Российский Красный Крест"
        of_country = [countries[tokens[k].lemma] for k in range(start, head) if tokens[k].lemma in countries]
        gender = next((g for g in ("masc", "femn", "neut") if g in tokens[head].tags), None)
        words = [to_nominative(tokens[k], gender) for k in range(start, head + 1) if tokens[k].lemma not in countries or k == head]
        if self._capitalised_by_position(start) and tokens[start].lemma not in countries:
            words[0] = words[0][:1].lower() + words[0][1:]
        rest = self.doc.text[tokens[head].end : tokens[end - 1].end] if end > head + 1 else ""
        return " ".join(words) + "".join(f" {genitive(name)}" for name in of_country[:1]) + rest

    def _capitalised_by_position(self, i: int) -> bool:
        """ "Ряд СМИ" at the start of a sentence is "ряд СМИ" anywhere else."""
        t = self.view.tokens[i]
        first = self.view.sentence_range[self.view.sentence_of[i]][0]
        return i == first and t.text[1:].islower() and not t.tags & (NAME_TAGS | {"Abbr"})

    def _unnamed_at(self, i: int, last: int) -> int | None:
        """The end of an unnamed-source phrase starting at i, with its "в органах" tail."""
        tokens = self.view.tokens
        for lemmas in self.lex.unnamed:
            end = i + len(lemmas)
            if end <= last and all(tokens[i + k].lemma == w for k, w in enumerate(lemmas)):
                while end < last and (
                    tokens[end].text.lower() in LOCATIVE_PREPOSITIONS | {"из", "при", "среди"}
                    or (_is_noun(tokens[end]) or _is_modifier(tokens[end])) and not tokens[end].tags & {"nomn"}
                    and end > i
                ):
                    end += 1
                while _is_modifier(tokens[end - 1]) or tokens[end - 1].pos == "PREP":
                    end -= 1
                return end
        return None

    def _person_name(self, person: Mention) -> str:
        """A lone surname ("Азирбек добавила") is the full name seen earlier."""
        normal = self._nominative_person(person)
        if " " in normal:
            return normal
        for m in self.view.mentions_backwards(person.start, inclusive=False):
            if m.kind == "PER" and m.start < person.start and " " in m.normal:
                if m.normal.split()[-1] == normal or analyse(m.normal.split()[-1])[0] == analyse(normal)[0]:
                    return self._nominative_person(m)
        return normal

    def _nominative_person(self, person: Mention) -> str:
        """The name in the nominative where NER kept the oblique case of the text: "шерифа
        округа Эда Гонзалеса" is Эд Гонзалес. The case is the role noun's before the name
        (its gender too, for a name the morphology does not know), else the case all the
        name's words share."""
        view = self.view
        i = view.token_index(person.start)
        if i is None:
            return person.normal
        words = [t for t in view.tokens_from(i, person.end) if t.text[:1].isupper() and re.search("[А-ЯЁ]", t.text[:1])]
        role = self._role_before(i)
        case = gender = None
        if role is not None:
            case = next((c for c in NAME_CASES if c in role.tags), None)
            gender = next((g for g in ("masc", "femn") if g in role.tags), None)
        elif words:
            shared = set(NAME_CASES).intersection(*(t.tags for t in words))
            case = next(iter(shared), None)
            gender = next((g for g in ("masc", "femn") if g in words[0].tags), None)
        if case is None or not words or (role is not None and in_apposition(words[-1].text, case)):
            return person.normal
        gender = _name_gender(words[0].text, case) or gender
        surface = {t.text: name_in_nominative(t.text, case, gender) for t in words}
        return " ".join(surface.get(word, word) for word in person.normal.split(" "))

    def _role_before(self, i: int) -> Token | None:
        """The role noun a name stands beside: "шерифа" in "шерифа округа Харрис Эда Гонзалеса",
        past the nouns and adjectives that complete it."""
        tokens = self.view.tokens
        first = self.view.sentence_range[self.view.sentence_of[i]][0]
        for k in range(i - 1, max(first, i - ROLE_MAX_DISTANCE) - 1, -1):
            t = tokens[k]
            lower = t.text.islower() or k == first and t.text[1:].islower()  # "Губернатор области Иван Петров"
            if t.pos == "NOUN" and "anim" in t.tags and lower and not t.tags & NAME_TAGS:
                return t
            if not (t.pos in ("NOUN", "ADJF") or t.pos is None and _capitalised(t.text)):
                return None
        return None

    def _antecedent(self, person_only: bool) -> tuple[Attribution, Resolved] | None:
        for attribution, resolved in reversed(self.found):
            if resolved.person or not person_only:
                return attribution, resolved
        return self.found[-1] if self.found else None

    def _correspondent_outlet(self, i: int, last: int) -> str | None:
        """ "корреспондент агентства": the last outlet of that genre named before, else the last
        outlet, else the document's own source."""
        view = self.view
        genre = view.tokens[i + 1].lemma if i + 1 < last else None
        before = [o for o in view.outlets if o.last <= i]
        match = [o for o in before if o.kind == genre] or before
        return match[-1].name if match else view.doc.source

    # -- quotes

    def _direct_quote(self, v: int, last: int) -> Span | None:
        """ '"…", – цитирует ее' before the verb or 'заявил: "…"' after it."""
        view = self.view
        k = self._clause_start(v, self.view.sentence_range[view.sentence_of[v]][0]) - 1
        while k >= 0 and view.tokens[k].text in {",", "–", "—", "-"}:
            k -= 1
        if k >= 0 and k < v - 1 and view.tokens[k].start in view.quote_closing:
            return view.quote_closing[view.tokens[k].start]
        k = v + 1
        while k < min(last, v + 8) and view.tokens[k].text != ":" and not self._is_boundary(k):
            k += 1
        if k + 1 < len(view.tokens) and view.tokens[k].text == ":" and view.tokens[k + 1].start in view.quote_opening:
            return view.quote_opening[view.tokens[k + 1].start]
        return None

    def _reported_clause(self, v: int, last: int) -> Span | None:
        """ "заявил журналистам, что …": the clause after что, to the end of the sentence."""
        tokens = self.view.tokens
        k = self._clause_end(v + 1, last)
        if k + 1 < last and tokens[k].text == ",":
            k += 1
        if k + 1 >= last or tokens[k].text.lower() != "что":
            return None
        end = last
        while end > k + 1 and tokens[end - 1].text in ".!?…":
            end -= 1
        return tokens[k + 1].start, tokens[end - 1].end


def _dedupe(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        if name and name not in out:
            out.append(name)
    return out


def _name_key(name: str) -> str:
    return " ".join(re.findall(r"\w+", name.lower().replace("ё", "е")))


@lru_cache(maxsize=1)
def body_names() -> tuple[dict[str, str], dict[str, tuple[str, ...]], dict[str, str]]:
    """data/body_names.tsv: a form's one name; a bare form's candidate names; a bare form's default."""
    named: dict[str, str] = {}
    bare: dict[str, tuple[str, ...]] = {}
    default: dict[str, str] = {}
    for row in _rows("attach/body_names.tsv"):
        name, forms = row[0], [f.strip() for f in (row[1] if len(row) > 1 else "").split("|") if f.strip()]
        for form in [name] + forms:
            named[_name_key(form)] = name
        for form in (f.strip() for f in (row[2] if len(row) > 2 else "").split("|") if f.strip()):
            bare[_name_key(form)] = bare.get(_name_key(form), ()) + (name,)
            if len(row) > 3 and row[3] == "yes":
                default[_name_key(form)] = name
    return named, bare, default


def name_bodies(attributions: list[Attribution]) -> None:
    """Give the bodies named many ways their one name ("МО РФ", "российское военное ведомство" are
    Минобороны России); a bare "Минобороны" is the ministry named last before it, else the default."""
    named, bare, default = body_names()
    seen: list[tuple[str, str]] = []  # (the key of the name as the text gave it, the name kept)
    for a in attributions:
        for k, name in enumerate(a.chain):
            key = _name_key(name)
            one = named.get(key)
            if one is None and key in bare:
                # "Министерство обороны Израиля … в министерстве обороны": the one named before, of any country
                one = next(
                    (kept for said, kept in reversed(seen) if kept in bare[key] or said.startswith(key + " ")),
                    default.get(key),
                )
            seen.append((key, one or name))
            if one is None:
                continue
            a.unnamed = [u for u in a.unnamed if u != name]  # a body of the table is named: "талибы" are Талибан
            a.chain[k] = one
        a.chain = _dedupe(a.chain)


def attribute(doc: Document) -> tuple[list[Attribution], list[Quote]]:
    """Every attribution of the document and every quote, in text order."""
    attributor = Attributor(doc)
    attributor.run()
    attributions = [a for a, _ in attributor.found]
    name_bodies(attributions)
    return attributions, sorted(attributor.quotes, key=lambda q: q.text)


def find_attributions(doc: Document) -> list[Attribution]:
    return attribute(doc)[0]


def find_quotes(doc: Document) -> list[Quote]:
    return attribute(doc)[1]


# ---------------------------------------------------------------- verification


def _term_matches(term: str, word: str) -> bool:
    word = word.lower().replace("ё", "е")
    if not term.endswith("*"):
        return word == term
    stem = term[:-1]
    if word.startswith(stem):
        return True
    return len(stem) >= 6 and len(word) >= len(stem) - 1 and Levenshtein.distance(word[: len(stem)], stem, score_cutoff=1) <= 1


def _match_cue(terms: tuple[str, ...], tokens: list[Token]) -> tuple[int, int] | None:
    """First match of a cue in the tokens: (first, last) token indices."""

    def match_from(t: int, i: int) -> int | None:
        gap = False
        while terms[t] == GAP:
            gap, t = True, t + 1
        for j in range(i, min(len(tokens), i + (MAX_GAP + 1 if gap else 1))):
            if _term_matches(terms[t], tokens[j].text):
                if t == len(terms) - 1:
                    return j
                end = match_from(t + 1, j + 1)
                if end is not None:
                    return end
        return None

    for i, token in enumerate(tokens):
        if _term_matches(terms[0], token.text):
            end = match_from(1, i + 1) if len(terms) > 1 else i
            if end is not None:
                return i, end
    return None


@lru_cache(maxsize=1)
def _cues_by_first_term() -> tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]:
    """The cues, of verification and of responsibility, grouped by their first term."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for terms in [terms for _, terms in lexicon().cues] + list(responsibility_lexicon()[0]):
        grouped.setdefault(terms[0], []).append(terms)
    return tuple((first, tuple(cues)) for first, cues in grouped.items())


@lru_cache(maxsize=100_000)
def _cues_opening_with(word: str) -> frozenset[tuple[str, ...]]:
    """The cues whose first term the word matches."""
    return frozenset(cue for first, cues in _cues_by_first_term() if _term_matches(first, word) for cue in cues)


def _cues_opened_in(tokens: list[Token]) -> set[tuple[str, ...]]:
    """The cues some word of the tokens opens: only those can match there."""
    return set().union(*(_cues_opening_with(t.text) for t in tokens))


def points_back(tokens: list[Token]) -> bool:
    """Whether the sentence speaks of what the one before it told: "эти данные опровергли"."""
    words = [t.text.lower().replace("ё", "е") for t in tokens]
    lemmas = [t.lemma for t in tokens]
    for phrase in lexicon().backward:
        n = len(phrase)
        for i in range(len(tokens) - n + 1):
            if all(words[i + k] == w or lemmas[i + k] == w for k, w in enumerate(phrase)):
                return True
    return False


def find_verification(doc: Document) -> list[VerificationMark]:
    marks = []
    for index, sentence in enumerate(doc.sentences):
        opened = _cues_opened_in(sentence.tokens)
        for kind, terms in lexicon().cues:
            hit = terms in opened and _match_cue(terms, sentence.tokens)
            if hit:
                marks.append(VerificationMark(kind, (sentence.tokens[hit[0]].start, sentence.tokens[hit[1]].end), index))
                break
    return marks


# ---------------------------------------------------------------- claims of responsibility


@lru_cache(maxsize=1)
def responsibility_lexicon() -> tuple[tuple[tuple[str, ...], ...], frozenset[str]]:
    rows = _rows("attach/responsibility.tsv")
    cues = tuple(tuple(entry.split()) for kind, entry in rows if kind == "cue")
    return cues, frozenset(entry for kind, entry in rows if kind == "event_type")


def claims_event_type(event_type: str) -> bool:
    return event_type in responsibility_lexicon()[1]


def _claims_responsibility(tokens: list[Token]) -> bool:
    opened = _cues_opened_in(tokens)
    return any(terms in opened and _match_cue(terms, tokens) for terms in responsibility_lexicon()[0])


def find_responsibility_claims(doc: Document) -> list[Attribution]:
    """ "агентство X назвало нападавшего своим солдатом": the outlets of a claim sentence,
    else the organisation that claims."""
    claiming = [index for index, sentence in enumerate(doc.sentences) if _claims_responsibility(sentence.tokens)]
    view = View(doc) if claiming else None
    claims = []
    for index in claiming:
        sentence = doc.sentences[index]
        first, last = view.sentence_range[index]
        outlets = [o for o in view.outlets if first <= o.first < last]
        if outlets:
            chain, spans = [o.name for o in outlets], [view.span(o.first, o.last) for o in outlets]
        else:
            orgs = [m for m in doc.mentions_in(sentence.start, sentence.end) if m.kind == "ORG"]
            chain, spans = [m.normal for m in orgs[:1]], [(m.start, m.end) for m in orgs[:1]]
        if chain:
            claims.append(Attribution(_dedupe(chain), (spans[0][0], spans[-1][1]), [index]))
    return claims


# ---------------------------------------------------------------- dateline


DATELINE_SENTENCES = 3  # the headline, a caption, the first sentence of the body
DASHES = {"-", "–", "—"}


@lru_cache(maxsize=1)
def month_words() -> frozenset[str]:
    return frozenset(row[1] for row in _rows("attach/dates.tsv") if row[0] == "month")


def find_dateline_outlet(doc: Document) -> Attribution | None:
    """ "МОСКВА, 31 янв - РИА Новости.": the agency whose report this is, in any letter case."""
    for index, sentence in enumerate(doc.sentences[:DATELINE_SENTENCES]):
        tokens = sentence.tokens
        for i in range(1, len(tokens) - 3):
            month = tokens[i + 1]
            if tokens[i - 1].text != "," or not tokens[i].text.isdigit():
                continue
            if not (month.lemma in month_words() or month.text.lower().rstrip(".") in month_words()):
                continue
            dash = i + 2 + (tokens[i + 2].text == ".")
            if dash < len(tokens) and tokens[dash].text in DASHES:
                found = _outlet_spelled_at(tokens, dash + 1)
                if found:
                    name, end = found
                    return Attribution([name], (tokens[dash + 1].start, tokens[end - 1].end), [index])
    return None


LEAD_PARAGRAPHS = 2  # the headline and the lead


def find_lead_correspondent(doc: Document) -> Attribution | None:
    """ "Специальный корреспондент «Медузы» поговорил с …" in the lead: the report is the outlet's own,
    its correspondent counting as the outlet, so the outlet relays everything the report says."""
    words = lexicon()
    lead = [t for sentence in doc.sentences if sentence.paragraph < LEAD_PARAGRAPHS for t in sentence.tokens]
    if not any(words.has("correspondent", t) for t in lead):
        return None  # most reports: no View to build
    view = View(doc)
    for o in view.outlets:
        if doc.sentences[view.sentence_of[o.first]].paragraph >= LEAD_PARAGRAPHS:
            break
        k = o.first - 1
        while k >= 0 and view.tokens[k].text in QUOTES_AND_BRACKETS:
            k -= 1
        if k >= 0 and words.has("correspondent", view.tokens[k]) and "gent" in view.tokens[o.first].tags | view.tokens[min(o.first + 1, o.last - 1)].tags:
            return Attribution([o.name], view.span(k, o.last), [view.sentence_of[o.first]])
    return None


def _outlet_spelled_at(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """The outlet whose spelling the tokens from i give, letter case aside, and the token after it."""
    for forms in outlet_forms().values():
        for form in forms:
            end = i + len(form.texts)
            if end <= len(tokens) and all(tokens[i + k].text.lower() == w.lower() for k, w in enumerate(form.texts)):
                return form.name, end
    return None
