"""Lemma patterns read from the data files, and matching them over tokens.

A pattern is a sequence of elements separated by spaces; an element is one
lemma or several joined by "|", a trailing "*" matches a lemma prefix, and
"~N" between two elements lets up to N other words stand between them.
Punctuation is invisible to patterns.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from .model import Token


def fold_yo(text: str) -> str:
    """"ё" written as "е", as lemmas, patterns and lexicons are compared (pymorphy3 writes "е")."""
    return text.replace("ё", "е")


def data_rows(name: str, columns: tuple[str, ...] | None = None, strip: bool = False) -> list:
    """The tab-separated rows of a data file (`data/<stage>/<file>.tsv`), without comments and blank lines:
    lists of cells; with `strip`, each cell stripped; with `columns`, each row a dict by those column
    names, cells stripped and a missing trailing cell "" (`data_rows("detect/event_classes.tsv",
    columns=("name", "type", ...))`). The one reader of the package's data files."""
    text = resources.files("svodka").joinpath("data", name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if strip or columns:
        rows = [[cell.strip() for cell in row] for row in rows]
    if columns:
        return [dict(zip(columns, row + [""] * (len(columns) - len(row)))) for row in rows]
    return rows


@dataclass(frozen=True)
class Element:
    lemmas: frozenset[str]
    prefixes: tuple[str, ...]
    gap: int  # words allowed before this element

    def matches(self, lemma: str) -> bool:
        return lemma in self.lemmas or any(lemma.startswith(p) for p in self.prefixes)


@dataclass(frozen=True)
class Pattern:
    elements: tuple[Element, ...]
    label: str
    weight: float
    source: str

    @staticmethod
    def parse(source: str, label: str, weight: float = 1.0) -> "Pattern":
        elements, gap = [], 0
        for part in source.split():
            if part.startswith("~"):
                gap = int(part[1:])
                continue
            alternatives = fold_yo(part.lower()).split("|")
            elements.append(
                Element(
                    frozenset(a for a in alternatives if not a.endswith("*")),
                    tuple(a[:-1] for a in alternatives if a.endswith("*")),
                    gap,
                )
            )
            gap = 0
        return Pattern(tuple(elements), label, weight, source)


@dataclass(frozen=True)
class Match:
    pattern: Pattern
    first: int  # index of the first matched word in the token list
    last: int  # index of the last matched word (inclusive)


def is_word(token: Token) -> bool:
    return token.text.isalnum() or any(ch.isalnum() for ch in token.text)


class PatternSet:
    def __init__(self, patterns: list[Pattern]):
        self.patterns = patterns
        self.by_first_lemma: dict[str, list[Pattern]] = {}
        self.by_first_prefix: list[tuple[str, Pattern]] = []
        for pattern in patterns:
            first = pattern.elements[0]
            for lemma in first.lemmas:
                self.by_first_lemma.setdefault(lemma, []).append(pattern)
            self.by_first_prefix += [(prefix, pattern) for prefix in first.prefixes]
        self._starting: dict[str, list[Pattern]] = {}

    @classmethod
    def from_file(cls, name: str) -> "PatternSet":
        patterns = []
        for row in data_rows(name):
            weight = float(row[2]) if len(row) > 2 and row[2].strip() else 1.0
            patterns.append(Pattern.parse(row[0], row[1].strip(), weight))
        return cls(patterns)

    def find(self, tokens: list[Token]) -> list[Match]:
        """All matches, each pattern anchored at every word; indices are into `tokens`."""
        starting = self._starting
        for t in tokens:  # most token lists open no pattern of a set: tell that by the remembered first lemmas
            opened = starting.get(t.lemma)
            if opened is None:
                opened = self.starting_with(t.lemma)
            if opened and is_word(t):
                break
        else:
            return []
        words = [i for i, t in enumerate(tokens) if is_word(t)]
        lemmas = [tokens[i].lemma for i in words]
        found = []
        for start, lemma in enumerate(lemmas):
            for pattern in self.starting_with(lemma):
                end = self._match_rest(pattern, lemmas, start)
                if end is not None:
                    found.append(Match(pattern, words[start], words[end]))
        return found

    def starting_with(self, lemma: str) -> list[Pattern]:
        """The patterns whose first element the lemma matches (remembered: a text repeats its words)."""
        found = self._starting.get(lemma)
        if found is None:
            found = self.by_first_lemma.get(lemma, []) + [p for prefix, p in self.by_first_prefix if lemma.startswith(prefix)]
            self._starting[lemma] = found
        return found

    @staticmethod
    def _match_rest(pattern: Pattern, lemmas: list[str], start: int) -> int | None:
        position = start
        for element in pattern.elements[1:]:
            for candidate in range(position + 1, min(len(lemmas), position + 2 + element.gap)):
                if element.matches(lemmas[candidate]):
                    position = candidate
                    break
            else:
                return None
        return position


def longest_non_overlapping(matches: list[Match]) -> list[Match]:
    """Prefer the more specific of overlapping matches: the wider, then more elements, then heavier."""
    ranked = sorted(matches, key=lambda m: (m.first - m.last, -len(m.pattern.elements), -m.pattern.weight, m.first))
    taken: list[Match] = []
    for m in ranked:
        if all(m.last < t.first or m.first > t.last for t in taken):
            taken.append(m)
    return sorted(taken, key=lambda m: m.first)


def pattern_set(name: str) -> PatternSet:
    """The shared Resources' PatternSet of a data file (`Resources.patterns`)."""
    from .resources import shared_resources

    return shared_resources().patterns(name)
