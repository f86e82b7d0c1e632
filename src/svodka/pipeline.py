"""The extractor: ingest → segment → annotate → detect → attach → merge.

The shortcut: a document none of whose words can begin a trigger (judged
from their first letters, then their lemmas) is not even segmented; in the
rest only sentences holding such a word are tokenised until one matches a
trigger; only a document with a trigger goes on to the neural NER and
attachment, and NER reads only its sentences where a name can stand.
(Quotes and sources are looked for over the whole document, so NER reads
all of it, not just the sentences near a trigger; a document without a
trigger is read for quotes only when asked.) Documents go through NER in
batches of up to DOCUMENTS_PER_BATCH, so the network sees many sentences per
call. Without the shortcut every sentence of every document is tagged and
attached.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from .annotate.analysis import (
    analyse,
    tag_entities_of,
    tokenize_document,
    tokens_of,
)
from .annotate.segment import BLANK_LINE
from .annotate.windows import ReadSentence, Window, paragraph_windows, segment_document, shift
from .attach.acled_actors import coding
from .attach.events import attach
from .attach.sources.speakers import attribute
from .detect.triggers import NOT_AN_EVENT, detect
from .lexicon import PatternSet, fold_yo
from .merge.merging import absorb_mentions, merge
from .model import Document, Sentence
from .options import DEFAULT_OPTIONS, ExtractOptions
from .resources import Resources, shared_resources

DOCUMENTS_PER_BATCH = 256  # documents whose sentences share one NER call
CHARACTERS_PER_BATCH = 8_000_000  # and no more text than this, unless one document holds more: a batch's
# documents are all held until it is done, and a long one takes ~50 MB a megabyte of its text
NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})
LETTERS = re.compile(r"[а-яё]+|[a-z]+", re.IGNORECASE)  # razdel's atoms of letters
LATIN = re.compile(r"[A-Za-z]")
HEAD = 3  # letters of a word compared before it is analysed
TRIGGERS = "detect/triggers.tsv"


def load_trigger_heads(resources: Resources) -> frozenset[str] | None:
    """The first HEAD letters of every form of every lemma a trigger can begin with, and of
    every lemma prefix one can begin with: a word whose first letters are none of these
    cannot have such a lemma, and is not even analysed. None when some trigger does not
    begin with a plain word, or with a prefix of at least HEAD letters. (Resources.trigger_heads.)"""
    firsts = [p.elements[0] for p in resources.patterns(TRIGGERS).patterns]
    lemmas = {w for first in firsts for w in first.lemmas}
    prefixes = {w for first in firsts for w in first.prefixes}
    if not all(w.isalpha() for w in lemmas | prefixes) or any(len(w) < HEAD for w in prefixes):
        return None
    heads = {w[:HEAD] for w in lemmas | prefixes}
    for lemma in lemmas:
        for parse in resources.morph.parse(lemma):
            if fold_yo(parse.normal_form) == lemma:
                heads |= {fold_yo(form.word)[:HEAD] for form in parse.lexeme}
    return frozenset(heads)


@lru_cache(maxsize=200_000)
def can_begin_trigger(word: str) -> bool:
    """Whether the word's lemma begins a trigger; a phrase that only masks triggers ("задерживают
    рейсы") is no event, so a word that begins nothing else begins none. (A cache of a pure
    function of the word over the shared Resources' triggers.)"""
    resources = shared_resources()
    if fold_yo(word.lower())[:HEAD] not in resources.trigger_heads:
        return False
    return any(p.label != NOT_AN_EVENT for p in resources.patterns(TRIGGERS).starting_with(analyse(word)[0]))


def can_name_event(text: str) -> bool:
    """False only when no word of the text has a lemma a trigger begins with.

    A trigger's first lemma is a plain word, and only a token that is one of
    razdel's atoms of letters alone has such a lemma, so those atoms are all
    the words that matter."""
    if shared_resources().trigger_heads is None:
        return True
    return any(map(can_begin_trigger, set(LETTERS.findall(text))))


def may_hold_name(sentence: Sentence) -> bool:
    """Whether NER could find a name here: a capitalised word that is not just
    capitalised for opening the sentence, or a word in Latin letters."""
    for i, t in enumerate(sentence.tokens):
        if LATIN.search(t.text):
            return True
        if t.text[:1].isupper() and (i > 0 or t.pos is None or t.tags & NAME_GRAMMEMES):
            return True
    return False


def sentences_to_tag(doc: Document) -> set[int]:
    return {i for i, s in enumerate(doc.sentences) if may_hold_name(s)}


def sentences_that_may_hold_triggers(doc: Document) -> Iterator[Sentence]:
    """The sentences holding a word a trigger can begin with (only they can hold one), in order."""
    return (s for s in doc.sentences if can_name_event(doc.text[s.start : s.end]))


def tokenise_sentence(doc: Document, sentence: Sentence) -> None:
    sentence.tokens = tokens_of(doc.text[sentence.start : sentence.end], sentence.start)


def holds_trigger(sentence: Sentence, triggers: PatternSet) -> bool:
    """Whether the (tokenised) sentence matches a trigger that is not a mask."""
    return any(m.pattern.label != NOT_AN_EVENT for m in triggers.find(sentence.tokens))


def analyse_document(doc: Document, shortcut: bool, resources: Resources) -> None:
    """Segment, tokenise and detect. With the shortcut, a document none of whose words can begin a
    trigger is left unsegmented, and only the sentences that may hold a trigger are tokenised, up to
    the first that does; a document with none is left there."""
    doc.events = []
    if shortcut and not can_name_event(doc.text):
        return
    segment_document(doc)
    if shortcut:
        triggers = resources.patterns(TRIGGERS)
        for sentence in sentences_that_may_hold_triggers(doc):
            tokenise_sentence(doc, sentence)
            if holds_trigger(sentence, triggers):
                break
        else:
            return
    tokenize_document(doc)
    detect(doc, resources)


def goes_on(doc: Document, shortcut: bool) -> bool:
    """Whether an analysed document goes on to NER and attachment: with the shortcut, only one with a trigger."""
    return bool(doc.triggers) or not shortcut


@dataclass
class Batch:
    """Documents extracted together, so that their sentences share NER calls."""

    documents: list[Document]
    options: ExtractOptions
    resources: Resources  # the models and lexicons the stages read
    reporting: list[Document] = field(default_factory=list)  # with a trigger: on to NER, attach and merge
    quoting: list[Document] = field(default_factory=list)  # no event, read for their quotes only


@dataclass(frozen=True)
class Stage:
    """One step of the extractor, run over a batch, with the document attributes it reads and sets
    (spaCy's `Language.factory(requires=, assigns=)`)."""

    name: str
    run: Callable[[Batch], None]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


INPUT = ("id", "text", "published", "source", "url", "title")  # what ingest gives every document
STAGES: list[Stage] = []


def stage(name: str, *, requires: tuple[str, ...], assigns: tuple[str, ...]) -> Callable:
    """Register the decorated function as the next stage of the pipeline."""

    def register(run: Callable[[Batch], None]) -> Callable[[Batch], None]:
        STAGES.append(Stage(name, run, requires, assigns))
        return run

    return register


def check_stages(stages: list[Stage]) -> list[str]:
    """What is wrong with an order of stages (spaCy's `analyze_pipes`): a stage that reads an
    attribute no earlier stage, nor the input, sets."""
    available, problems = set(INPUT), []
    for step in stages:
        missing = [name for name in step.requires if name not in available]
        if missing:
            problems.append(f"{step.name} requires {', '.join(missing)}, which no earlier stage assigns")
        available |= set(step.assigns)
    return problems


@stage("detect", requires=("text",), assigns=("sentences", "sentences.tokens", "triggers", "events"))
def detect_stage(batch: Batch) -> None:
    for doc in batch.documents:
        analyse_document(doc, batch.options.shortcut, batch.resources)
    batch.reporting = [doc for doc in batch.documents if goes_on(doc, batch.options.shortcut)]


@stage("read_for_quotes", requires=("text",), assigns=("sentences", "sentences.tokens"))
def read_for_quotes_stage(batch: Batch) -> None:
    if not batch.options.quotes:
        return
    reporting = {id(doc) for doc in batch.reporting}
    batch.quoting = [doc for doc in batch.documents if id(doc) not in reporting]
    for doc in batch.quoting:
        segment_document(doc)
        tokenize_document(doc)


@stage("entities", requires=("sentences.tokens",), assigns=("mentions",))
def entities_stage(batch: Batch) -> None:
    shortcut = batch.options.shortcut
    tag_entities_of([(doc, sentences_to_tag(doc) if shortcut else None) for doc in batch.reporting + batch.quoting],
                    batch.resources.entity_tagger)


@stage("attach", requires=("sentences.tokens", "triggers", "mentions"), assigns=("events", "quotes"))
def attach_stage(batch: Batch) -> None:
    for doc in batch.reporting:
        doc.events = attach(doc, batch.resources)


@stage("merge", requires=("events",), assigns=("events",))
def merge_stage(batch: Batch) -> None:
    for doc in batch.reporting:
        doc.events = merge(doc, doc.events, batch.options.min_confidence, batch.resources)


@stage("acled", requires=("events",), assigns=("events.acled",))
def acled_stage(batch: Batch) -> None:
    for doc in batch.reporting:
        for event in doc.events:
            event.acled = coding(doc, event, batch.resources)


@stage("quotes", requires=("sentences.tokens", "mentions"), assigns=("quotes",))
def quotes_stage(batch: Batch) -> None:
    for doc in batch.quoting:
        doc.quotes = attribute(doc)[1]


def extract_all(
    documents: Iterable[Document], options: ExtractOptions = DEFAULT_OPTIONS, resources: Resources | None = None
) -> Iterator[Document]:
    """Every document, extracted, in input order, in batches of DOCUMENTS_PER_BATCH run through
    every stage in turn, over the given Resources (the process's shared one by default)."""
    resources = resources or Resources.shared()
    resources.preload()
    for documents_of_batch in batches(documents, options.window):
        if len(documents_of_batch[0].text) > options.window:
            yield extract_windowed(documents_of_batch[0], options, resources)
            continue
        batch = Batch(documents_of_batch, options, resources)
        for step in STAGES:
            step.run(batch)
        yield from batch.documents


def batches(documents: Iterable[Document], window: int | None = None) -> Iterator[list[Document]]:
    """The documents in order, in batches of up to DOCUMENTS_PER_BATCH documents and (but for a batch
    of one) CHARACTERS_PER_BATCH characters of text; a document longer than `window`, alone."""
    batch: list[Document] = []
    characters = 0
    for doc in documents:
        if window is not None and len(doc.text) > window:
            if batch:
                yield batch
            yield [doc]
            batch, characters = [], 0
            continue
        if batch and (len(batch) == DOCUMENTS_PER_BATCH or characters + len(doc.text) > CHARACTERS_PER_BATCH):
            yield batch
            batch, characters = [], 0
        batch.append(doc)
        characters += len(doc.text)
    if batch:
        yield batch


WHOLE_DOCUMENT_STAGES = ("merge", "acled")  # what a long document does once, over the events of all its windows


def extract_windowed(doc: Document, options: ExtractOptions, resources: Resources) -> Document:
    """A document longer than `options.window`, read a window of paragraphs at a time (annotate/windows.py):
    each window goes through the stages up to attach and merges its own mentions of each event; what it
    found is moved to the document's offsets and let go of but for its events (the document keeps no mentions,
    and only its events' triggers; its sentences find their tokens again when asked). The events of all
    windows are then merged as one document's are."""
    blocks = BLANK_LINE.search(doc.text) is not None
    doc.sentences, doc.triggers, doc.mentions, doc.events, doc.quotes = [], [], [], [], []
    paragraph = 0
    for start, end in paragraph_windows(doc.text, options.window, blocks):
        window = Window(doc.id, doc.text[start:end], doc.published, doc.source, doc.url, doc.title,
                        offset=start, blocks=blocks, first_paragraph=paragraph)
        batch = Batch([window], options, resources)
        for step in STAGES:
            if step.name not in WHOLE_DOCUMENT_STAGES:
                step.run(batch)
        events = absorb_mentions(window, window.events)
        shift([*window.triggers, *events, *window.quotes], start, len(doc.sentences), set())
        if window.sentences:
            paragraph = window.sentences[-1].paragraph + 1
        doc.sentences += [ReadSentence(s, doc.text, start) for s in window.sentences]
        doc.triggers += sorted((t for e in events for t in e.triggers), key=lambda t: t.start)
        doc.events += events
        doc.quotes += window.quotes
    batch = Batch([doc], options, resources, reporting=[doc] if doc.events else [])
    for step in STAGES:
        if step.name in WHOLE_DOCUMENT_STAGES:
            step.run(batch)
    return doc


def extract(doc: Document, options: ExtractOptions = DEFAULT_OPTIONS, resources: Resources | None = None) -> Document:
    return next(extract_all([doc], options, resources))

