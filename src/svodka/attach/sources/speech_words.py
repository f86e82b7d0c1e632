"""The speech lexicons: speech verbs, according and reference phrases, cues, unnamed sources,
responsibility cues (data/attach/speech_verbs.tsv, unnamed_sources.tsv, responsibility.tsv)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ...annotate.analysis import tokens_of
from ...lexicon import Pattern, PatternSet, data_rows
from ...model import Token, Verification
from ...resources import shared_resources

def lemmas_of(phrase: str) -> tuple[str, ...]:
    return tuple(t.lemma for t in tokens_of(phrase))


@dataclass(frozen=True)
class Lexicon:
    words: dict[str, frozenset[str]]  # kind -> lemmas
    according: PatternSet  # "=по =данным"
    references: PatternSet  # "=со =ссылкой =на"
    backward: PatternSet  # "=об =этом"
    cues: tuple[tuple[str, Pattern], ...]  # (unconfirmed | disputed, the cue)
    unnamed: tuple[tuple[str, ...], ...]

    @cached_property
    def according_openers(self) -> frozenset[str]:
        return frozenset(form for pattern in self.according.patterns for form in pattern.elements[0].forms)

    @cached_property
    def unnamed_phrases(self) -> PatternSet:
        """The unnamed-source phrases as lemma patterns ("ряд сми")."""
        return PatternSet([Pattern.parse(" ".join(lemmas), "unnamed") for lemmas in self.unnamed])

    @cached_property
    def offices(self) -> PatternSet:
        """The offices one person holds as lemma patterns ("глава регион"), labelled by their kind ("region_head")."""
        return PatternSet([
            Pattern.parse(entry, kind) for kind in sorted(k for k in self.words if k.endswith("_head"))
            for entry in sorted(self.words[kind], key=len, reverse=True)
        ])

    def has(self, kind: str, token: Token) -> bool:
        return token.lemma in self.words.get(kind, ()) or token.text.lower() in self.words.get(kind, ())


def lexicon() -> Lexicon:
    return shared_resources().speech_lexicon


def load_lexicon() -> Lexicon:
    words: dict[str, set[str]] = {}
    according, references, backward, cues = [], [], [], []
    for kind, entry in data_rows("attach/speech_verbs.tsv", strip=True):
        if kind == "according":
            according.append(Pattern.parse(entry, kind))
        elif kind == "reference":
            references.append(Pattern.parse(entry, kind))
        elif kind == "backward":
            backward.append(Pattern.parse(entry, kind))
        elif kind in (Verification.UNCONFIRMED, Verification.DISPUTED):
            cues.append((kind, Pattern.parse(entry, kind)))
        else:
            words.setdefault(kind, set()).add(entry)
    unnamed = tuple(lemmas_of(row[0]) for row in data_rows("attach/unnamed_sources.tsv", strip=True))
    return Lexicon(
        {k: frozenset(v) for k, v in words.items()}, PatternSet(according), PatternSet(references), PatternSet(backward),
        tuple(cues), unnamed,
    )


def responsibility_lexicon() -> tuple[tuple[Pattern, ...], frozenset[str]]:
    return shared_resources().responsibility_lexicon


def load_responsibility_lexicon() -> tuple[tuple[Pattern, ...], frozenset[str]]:
    rows = data_rows("attach/responsibility.tsv", strip=True)
    cues = tuple(Pattern.parse(entry, kind) for kind, entry in rows if kind == "cue")
    return cues, frozenset(entry for kind, entry in rows if kind == "event_type")
