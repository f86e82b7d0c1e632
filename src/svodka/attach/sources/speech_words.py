"""The speech lexicons: speech verbs, according and reference phrases, cues, unnamed sources,
responsibility cues (data/attach/speech_verbs.tsv, unnamed_sources.tsv, responsibility.tsv)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from ...annotate.analysis import tokens_of
from ...lexicon import Pattern, PatternSet
from ...model import Token, Verification

DATA = Path(__file__).parents[2] / "data"


def table_rows(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


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


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    words: dict[str, set[str]] = {}
    according, references, backward, cues = [], [], [], []
    for kind, entry in table_rows("attach/speech_verbs.tsv"):
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
    unnamed = tuple(lemmas_of(row[0]) for row in table_rows("attach/unnamed_sources.tsv"))
    return Lexicon(
        {k: frozenset(v) for k, v in words.items()}, PatternSet(according), PatternSet(references), PatternSet(backward),
        tuple(cues), unnamed,
    )


@lru_cache(maxsize=1)
def responsibility_lexicon() -> tuple[tuple[Pattern, ...], frozenset[str]]:
    rows = table_rows("attach/responsibility.tsv")
    cues = tuple(Pattern.parse(entry, kind) for kind, entry in rows if kind == "cue")
    return cues, frozenset(entry for kind, entry in rows if kind == "event_type")
