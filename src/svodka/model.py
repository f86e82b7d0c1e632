"""The one data model every pipeline stage reads and extends.

Offsets are always character offsets into `Document.text`, half-open
`[start, end)`, like spaCy's Doc/Span: a value taken from the text can be
checked by slicing the text with its evidence.
"""
from __future__ import annotations

import enum
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date

Span = tuple[int, int]

if hasattr(enum, "StrEnum"):
    StrEnum = enum.StrEnum
else:  # Python 3.10

    class StrEnum(str, enum.Enum):
        """A str whose str() and format() are its value, as Python 3.11's enum.StrEnum."""

        __str__ = str.__str__
        __format__ = str.__format__


# The values CONTRACT.md names, as enums: a member is a str equal to its value, so records,
# the store and JSON carry the same strings as before ("actual" == Modality.ACTUAL).


class Modality(StrEnum):
    """Whether the text says the event happened (CONTRACT.md's `modality`)."""

    ACTUAL = "actual"
    PLANNED = "planned"
    THREATENED = "threatened"
    DENIED = "denied"
    HYPOTHETICAL = "hypothetical"
    # internal, never in a record: a trigger or event that recalls an incident told before
    # (detect's references, a recap); merge drops such events
    BACKGROUND = "background"


class GeoPrecision(StrEnum):
    """How precise a place is (CONTRACT.md's `location.precision`)."""

    LANDMARK = "landmark"  # a square, a building: the coordinates are its city's
    CITY = "city"
    ADMIN1 = "admin1"
    COUNTRY = "country"


class TimePrecision(enum.IntEnum):
    """ACLED's time_precision of a linked event: 1 the day is told, 2 the week (the publication's), 3 the month."""

    DAY = 1
    WEEK = 2
    MONTH = 3


class Verification(StrEnum):
    """CONTRACT.md's `verification`; None when the text says neither."""

    UNCONFIRMED = "unconfirmed"  # the text says nobody independently confirmed it
    DISPUTED = "disputed"  # another source denies it


class CountSlot(StrEnum):
    """The slots a count of people fills: the record's count fields, in their order."""

    FATALITIES = "fatalities"  # killed
    INJURED = "injured"
    ARRESTED = "arrested"
    CROWD = "crowd"  # participants


COUNT_SLOTS = tuple(CountSlot)
MODALITIES = tuple(m for m in Modality if m is not Modality.BACKGROUND)


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    lemma: str
    pos: str | None = None  # OpenCorpora part of speech (NOUN, VERB, PRTS, NUMR, ...)
    tags: frozenset[str] = frozenset()  # OpenCorpora grammemes (plur, gent, past, ...)


@dataclass
class Sentence:
    start: int
    end: int
    paragraph: int
    headline: bool = False
    tokens: list[Token] = field(default_factory=list)


@dataclass
class Mention:
    """A named entity found by NER: PER, LOC or ORG."""

    start: int
    end: int
    kind: str
    text: str
    normal: str


@dataclass
class Count:
    min: int
    max: int | None
    text: str
    evidence: Span


@dataclass
class CountMention:
    """A count in the text tied to the slot it fills (killed, injured, ...)."""

    slot: CountSlot
    count: Count
    anchor: Span  # the word that fixes the slot: "погибли", "задержаны"
    total: bool = False  # a running total ("число погибших достигло 16")
    unnumbered: bool = False  # people told in the plural with no number ("сообщили о раненых"): only when no figure is


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    day: date | None  # the resolved day, or None when only month/year is known
    year: int | None = None
    month: int | None = None
    relative: bool = False  # "накануне", "в среду": depends on `published`


@dataclass
class Place:
    name: str  # nominative Russian name
    country: str  # ISO 3166-1 alpha-2
    precision: GeoPrecision
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    population: int = 0


@dataclass
class PlaceMention:
    place: Place
    start: int
    end: int
    landmark: str | None = None  # "площадь Республики" when the text names one


@dataclass
class Actor:
    role: str  # actor1 | actor2
    name: str
    category: str  # ACLED: State forces, Protesters, Rioters, Civilians, ...
    evidence: Span


@dataclass
class Source:
    chain: list[str]  # the named links, innermost first: the speaker, then each outlet that relayed it
    evidence: Span
    unnamed: list[str] = field(default_factory=list)  # links that name no one: "источник", "ряд СМИ"
    inherited: bool = False  # said in the paragraph or the lead, not in the event's own sentences


@dataclass
class Claim:
    """One source's figure for one slot of an event."""

    mention: CountMention
    source: Source | None = None
    verification: Verification | None = None
    distanced: bool = False  # the figure stands in quotation marks: «"десятки"»

    @property
    def slot(self) -> CountSlot:
        return self.mention.slot

    @property
    def count(self) -> Count:
        return self.mention.count


@dataclass
class Label:
    """A word a source uses for a party to the event: "экстремисты" in the command's words."""

    source: list[str]  # the chain whose words these are; the outlet itself when no one is quoted
    label: str
    category: str
    evidence: Span


@dataclass
class Quote:
    """Direct or indirect speech: who said it, what, and with which verb."""

    chain: list[str]
    text: Span
    verb: Span | None
    direct: bool


@dataclass
class Trigger:
    """A word or phrase that names an event of an ACLED sub-type."""

    start: int
    end: int
    text: str
    kind: str  # the event class in data/event_classes.tsv: protest, clash, arrest, ...
    sentence: int  # index into Document.sentences
    modality: Modality = Modality.ACTUAL
    weight: float = 1.0


@dataclass
class Event:
    id: str
    kind: str  # the event class in data/event_classes.tsv
    event_type: str
    sub_event_type: str
    modality: Modality = Modality.ACTUAL
    date: date | None = None
    date_evidence: Span | None = None
    date_stated: bool = False  # the date comes from a date expression tied to this event
    nationwide: bool = False  # the text places it over a whole country ("по всей стране")
    location: PlaceMention | None = None
    actors: list[Actor] = field(default_factory=list)
    fatalities: Count | None = None
    injured: Count | None = None
    arrested: Count | None = None
    crowd: Count | None = None
    sources: list[Source] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    verification: Verification | None = None
    evidence: list[Span] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    supported: bool = True  # the evidence rules accept it (merge.supported); if not, it is output only on request
    confidence: float = 0.5
    acled: dict | None = None  # ACLED's actor columns (attach.acled_actors): actor1, assoc_actor_1, inter1, ...

    @property
    def sentences(self) -> list[int]:
        return sorted({t.sentence for t in self.triggers})


@dataclass
class Document:
    id: str
    text: str
    published: date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def span_text(self, span: Span) -> str:
        return self.text[span[0] : span[1]]

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.text[s.start : s.end]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The mentions inside [start, end), in their order, found by bisecting their starts (an
        index built once per mentions list: scanning them all for each sentence was quadratic)."""
        mentions = self.mentions
        index = self.__dict__.get("_mention_index")
        if index is None or index[0] is not mentions or len(index[1]) != len(mentions):
            order = sorted(range(len(mentions)), key=lambda k: mentions[k].start)
            index = (mentions, [mentions[k].start for k in order], order)
            self.__dict__["_mention_index"] = index
        _, starts, order = index
        inside = [k for k in order[bisect_left(starts, start) : bisect_right(starts, end)] if mentions[k].end <= end]
        if any(a > b for a, b in zip(inside, inside[1:])):
            inside.sort()
        return [mentions[k] for k in inside]

    def sentence_index(self) -> tuple[list[int], list[int]] | None:
        """The sentences' starts and paragraphs, built once per sentences list; None when the
        sentences are not in order (as segment gives them) or their paragraphs do not ascend."""
        sentences = self.sentences
        index = self.__dict__.get("_sentence_index_cache")
        if index is None or index[0] is not sentences or index[1] != len(sentences):
            starts = [s.start for s in sentences]
            paragraphs = [s.paragraph for s in sentences]
            ordered = all(a.end <= b.start for a, b in zip(sentences, sentences[1:])) and all(
                a <= b for a, b in zip(paragraphs, paragraphs[1:]))
            index = (sentences, len(sentences), (starts, paragraphs) if ordered else None)
            self.__dict__["_sentence_index_cache"] = index
        return index[2]

    def sentence_at(self, char: int) -> int | None:
        """The index of the first sentence holding the character, or None."""
        index = self.sentence_index()
        if index is None:
            return next((i for i, s in enumerate(self.sentences) if s.start <= char < s.end), None)
        i = bisect_right(index[0], char) - 1
        return i if i >= 0 and char < self.sentences[i].end else None

    def paragraph_stop(self, paragraph: int) -> int:
        """The index past the last sentence of paragraphs up to `paragraph` (all the sentences
        when they are not in order): a bound for scans that keep to nearby paragraphs."""
        index = self.sentence_index()
        return len(self.sentences) if index is None else bisect_right(index[1], paragraph)

    def paragraph_start(self, paragraph: int) -> int:
        """The index of the first sentence of paragraphs from `paragraph` on (0 when out of order)."""
        index = self.sentence_index()
        return 0 if index is None else bisect_left(index[1], paragraph)
