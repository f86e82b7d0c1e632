"""Give each event, each of its figures and each of its actor words their sources.

An event is said by the sources of its own sentences; with none there, by
those of its paragraph; with none there, by the headline and lead, which
speak for the whole report ("… сообщает Reuters" in the first line). A
figure is said by the source of its own sentence, else in the same way. An
actor word is said by whoever is quoted saying it, else by the sentence's
source, else by the outlet itself: those are the words it chose.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from itertools import takewhile


from ...detect.triggers import HARM, EventClass, event_classes
from ...lexicon import data_rows
from ...model import Claim, CountMention, Document, Event, Label, Modality, Quote, Source, Verification
from ...resources import shared_resources
from ..actors import find_actor_words
from .attribution import Attribution, VerificationMark
from .cues import cues_opened_in
from .dateline import find_dateline_outlet, find_lead_correspondent
from .outlets import outlet_names, outlet_table_names
from .quotes import find_quote_spans
from .responsibility import claims_event_type, find_responsibility_claims
from .speakers import attribute
from .verification import find_verification, points_back

LEAD_PARAGRAPHS = 2  # the headline and the lead paragraph
ANAPHOR_PARAGRAPHS = 2  # "в числе пострадавших" speaks of an event told at most a paragraph before
DISTANCING_QUOTE_MAX_CHARS = 40  # «"десятки"» distances a figure; a longer quote is speech
OWN_WORDS = "текст"  # the chain of words no one is quoted saying, when the outlet is unknown


def anaphors() -> dict[str, frozenset[str]]:
    return shared_resources().anaphors


def load_anaphors() -> dict[str, frozenset[str]]:
    """Word -> the events it can refer back to (data/anaphors.tsv)."""
    return {row[0].strip(): frozenset(x.strip() for x in row[1].split(",")) for row in data_rows("attach/anaphors.tsv")}


def refers_to(refers: frozenset[str], classes: list[EventClass]) -> bool:
    return "any" in refers or any(c.event_type in refers or ("violent" in refers and c.violent) for c in classes)


def alike(one: list[EventClass], other: list[EventClass]) -> bool:
    """Mentions that may be of one event: of one type, or both violent."""
    return any(a.event_type == b.event_type or (a.violent and b.violent) for a in one for b in other)


def find_followers(doc: Document, speaking: set[int]) -> dict[int, list[int]]:
    """The sentences with a speaker that speak of an event told in an earlier sentence, by that
    sentence: one that refers to an event of the kind told before ("расследование по поводу
    гибели"), or one with no trigger that names it by an anaphoric word ("в числе пострадавших")."""
    classes = event_classes()
    told: dict[int, list[EventClass]] = {}
    referred: dict[int, list[EventClass]] = {}
    triggered = set()
    for t in (t for t in doc.triggers if t.kind != HARM):  # bare harm tells no event a speaker could speak of
        triggered.add(t.sentence)
        if t.modality == Modality.ACTUAL:
            told.setdefault(t.sentence, []).append(classes[t.kind])
        elif t.modality == Modality.BACKGROUND:
            referred.setdefault(t.sentence, []).append(classes[t.kind])
    followers: dict[int, list[int]] = {}
    words = anaphors()
    ascending = sorted(told)  # sorted once: the told sentences before k, nearest first, are read off it
    ordered = doc.sentence_index() is not None  # the paragraphs ascend: one too far back ends the search
    for k in sorted(speaking - told.keys()):
        before = (ascending[n] for n in range(bisect_left(ascending, k) - 1, -1, -1))
        if k in referred:
            host = next((h for h in before if alike(told[h], referred[k])), None)
        elif k not in triggered:
            refers = frozenset().union(
                *(words.get(t.lemma, frozenset()) | words.get(t.text.lower(), frozenset()) for t in doc.sentences[k].tokens)
            )
            paragraph = doc.sentences[k].paragraph
            near = takewhile(lambda h: paragraph - doc.sentences[h].paragraph <= ANAPHOR_PARAGRAPHS, before) if ordered else before
            host = next(
                (
                    h for h in near
                    if paragraph - doc.sentences[h].paragraph <= ANAPHOR_PARAGRAPHS and refers_to(refers, told[h])
                ),
                None,
            ) if refers else None
        else:
            host = None
        if host is not None:
            followers.setdefault(host, []).append(k)
    return followers


def own_outlet_speaking(doc: Document, attributions: list[Attribution]) -> Attribution | None:
    """ "По данным SHOT", "112 выяснил" in SHOT's or 112's own post: the outlet tells its own
    findings, so it is the source of everything the post reports, in any paragraph."""
    if not doc.source:
        return None
    own = set(re.findall(r"\w+", doc.source.lower()))
    for a in attributions:
        for name in a.chain:
            words = set(re.findall(r"\w+", outlet_table_names().get(name, name).lower()))  # "Би-би-си" in BBC's post
            if name not in a.unnamed and name in outlet_names() and words and words <= own:
                return Attribution([name], a.evidence, a.sentences)
    return None


def source_of(attribution: Attribution) -> Source:
    """The named links form the chain; unnamed ones ("источник", "ряд СМИ") are kept beside it."""
    named = [name for name in attribution.chain if name and name not in attribution.unnamed]
    return Source(named, attribution.evidence, unnamed=list(attribution.unnamed))


def source_key(source: Source) -> tuple:
    return tuple(source.chain), tuple(source.unnamed)


@dataclass
class Voices:
    """Who speaks where in one document."""

    doc: Document
    by_sentence: dict[int, list[Source]]
    marks: list[VerificationMark]
    distancing_quotes: list[tuple[int, int]]
    live_blog: bool  # entries under their own headlines: the lead does not speak for them
    claims: list[Source]  # claims of responsibility: they speak for every attack of the document
    agency: Source | None  # the agency of the dateline: it relays everything the report says
    followers: dict[int, list[int]] = field(default_factory=dict)  # later sentences that speak of a sentence's event
    quotes: list[Quote] = field(default_factory=list)  # the document's quotes, found with its sources
    # indexes built when first asked for, so that each lookup is not a scan of the whole document
    _by_paragraph: dict[int, list[int]] | None = field(default=None, repr=False)
    _told: set[int] | None = field(default=None, repr=False)
    _distancing_starts: list[int] | None = field(default=None, repr=False)
    _quote_index: tuple | None = field(default=None, repr=False)

    @classmethod
    def build(cls, doc: Document) -> "Voices":
        attributions, quotes = attribute(doc)
        by_sentence: dict[int, list[Source]] = {}
        for a in attributions:
            for index in a.sentences:
                by_sentence.setdefault(index, []).append(source_of(a))
        short = [q for q in find_quote_spans(doc.text) if q[1] - q[0] <= DISTANCING_QUOTE_MAX_CHARS]
        live_blog = any(s.headline and s.paragraph >= LEAD_PARAGRAPHS for s in doc.sentences)
        opened = [cues_opened_in(s.tokens) for s in doc.sentences]  # read by both the claims and the verification
        claims = [source_of(a) for a in find_responsibility_claims(doc, opened)]
        agency = find_dateline_outlet(doc) or own_outlet_speaking(doc, attributions) or find_lead_correspondent(doc)
        starts = [s.start for s in doc.sentences]
        # a sentence speaks of an earlier event only through a speaker of its own, not one a later
        # sentence's "об этом" lends it
        own = {bisect_right(starts, a.evidence[0]) - 1 for a in attributions} & set(by_sentence)
        followers = find_followers(doc, own)
        return cls(doc, by_sentence, find_verification(doc, opened), short, live_blog, claims, agency and source_of(agency),
                   followers, quotes)

    def _paragraph_sources(self, paragraphs: set[int]) -> list[Source]:
        if self._by_paragraph is None:
            self._by_paragraph = {}
            for index in sorted(self.by_sentence):
                self._by_paragraph.setdefault(self.doc.sentences[index].paragraph, []).append(index)
        indexes = sorted(i for p in paragraphs for i in self._by_paragraph.get(p, ()))
        return [s for index in indexes for s in self.by_sentence[index]]

    def sources_for(self, sentences: list[int]) -> list[Source]:
        found = [s for index in sentences for s in self.by_sentence.get(index, [])]
        if not found:
            found = self._paragraph_sources({self.doc.sentences[i].paragraph for i in sentences})
            if not found and not self.live_blog:
                found = self._paragraph_sources(set(range(LEAD_PARAGRAPHS)))
            found = [replace(s, inherited=True) for s in found]
        unique: dict[tuple, Source] = {}
        for source in found:
            unique.setdefault(source_key(source), source)
        return list(unique.values())

    def claim(self, mention: CountMention, sentence: int) -> Claim:
        said_by = self.sources_for([sentence])
        return Claim(
            mention,
            said_by[0] if said_by else None,
            verification=self.verification_for([sentence]),
            distanced=self._distanced(mention.count.evidence),
        )

    def _distanced(self, evidence: tuple[int, int]) -> bool:
        """Whether a short quote overlaps the evidence (only quotes starting shortly before it can)."""
        quotes = self.distancing_quotes
        if self._distancing_starts is None:
            starts = [q[0] for q in quotes]
            self._distancing_starts = starts if all(a <= b for a, b in zip(starts, starts[1:])) else []
        if not self._distancing_starts:
            return any(q[0] < evidence[1] and evidence[0] < q[1] for q in quotes)
        starts = self._distancing_starts
        first, last = bisect_left(starts, evidence[0] - DISTANCING_QUOTE_MAX_CHARS), bisect_left(starts, evidence[1])
        return any(q[0] < evidence[1] and evidence[0] < q[1] for q in quotes[first:last])

    def verification_for(self, sentences: list[int]) -> str | None:
        """A remark covers its own sentence and the sentences before it in its paragraph; a remark of doubt
        in a paragraph that tells no event of its own ("Би-би-си не может независимо подтвердить эти
        заявления" closing a report) speaks of all that came before it, while a denial there must point
        back to what was told ("эти данные опровергли"). A denial outweighs doubt."""
        kinds = set()
        if self._told is None:
            self._told = {self.doc.sentences[t.sentence].paragraph for t in self.doc.triggers}
        told = self._told
        for mark in self.marks:
            paragraph = self.doc.sentences[mark.sentence].paragraph
            whole = paragraph not in told and mark.kind == Verification.UNCONFIRMED
            if any(i <= mark.sentence and (whole or self.doc.sentences[i].paragraph == paragraph) for i in sentences):
                kinds.add(mark.kind)
            elif mark.kind == Verification.DISPUTED and mark.sentence - 1 in sentences and points_back(self.doc.sentences[mark.sentence].tokens):
                kinds.add(mark.kind)  # "В Минобороны эти данные опровергли." opening the next paragraph
        return Verification.DISPUTED if Verification.DISPUTED in kinds else Verification.UNCONFIRMED if kinds else None

    def labels_for(self, event: Event) -> list[Label]:
        labels = []
        for index in event.sentences:
            for word in find_actor_words(self.doc, index):
                labels.append(Label(self._speaker_of(index, word.evidence), word.name, word.category, word.evidence))
        return labels

    def _speaker_of(self, sentence: int, span: tuple[int, int]) -> list[str]:
        quote = self._quote_around(span)
        if quote is not None:
            return quote.chain
        own = self.by_sentence.get(sentence)
        if own:
            return own[0].chain or own[0].unnamed
        return [self.doc.source or OWN_WORDS]


    def _quote_around(self, span: tuple[int, int]) -> Quote | None:
        """The first of the document's quotes holding the span, found among those starting at most
        the longest quote's length before it."""
        quotes = self.doc.quotes
        if self._quote_index is None or self._quote_index[0] is not quotes or len(self._quote_index[2]) != len(quotes):
            order = sorted(range(len(quotes)), key=lambda k: quotes[k].text[0])
            longest = max((q.text[1] - q.text[0] for q in quotes), default=0)
            self._quote_index = (quotes, [quotes[k].text[0] for k in order], order, longest)
        _, starts, order, longest = self._quote_index
        held = [k for k in order[bisect_left(starts, span[1] - longest) : bisect_right(starts, span[0])]
                if quotes[k].text[0] <= span[0] and span[1] <= quotes[k].text[1]]
        return quotes[min(held)] if held else None


def settle_sources(event: Event) -> None:
    """Whoever gives a figure for the event is one of its sources; sources inherited from the
    paragraph or the lead step aside when the event's own sentences name one."""
    for claim in event.claims:
        if claim.source and all(source_key(claim.source) != source_key(s) for s in event.sources):
            event.sources.append(claim.source)
    if any(not s.inherited for s in event.sources):
        event.sources = [s for s in event.sources if not s.inherited]


def attribute_event(voices: Voices, event: Event) -> None:
    event.sources = voices.sources_for(event.sentences)
    later = [s for index in event.sentences for k in voices.followers.get(index, []) for s in voices.by_sentence[k]]
    event.sources += [s for s in later if all(source_key(s) != source_key(o) for o in event.sources)]
    if claims_event_type(event.event_type):
        event.sources += [c for c in voices.claims if all(source_key(c) != source_key(s) for s in event.sources)]
    if voices.agency and not any(voices.agency.chain[0] in s.chain for s in event.sources):
        event.sources.append(voices.agency)
    event.labels = voices.labels_for(event)
    event.verification = voices.verification_for(event.sentences)
