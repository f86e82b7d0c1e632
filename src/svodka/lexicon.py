"""Patterns read from the data files, and matching them over tokens: the one phrase matcher.

A pattern is a sequence of elements separated by spaces. An element is one
alternative or several joined by "|"; an alternative is a lemma ("митинг"),
or with "=" before it the written form, lowercase with ё as е ("=них"); a
trailing "*" makes either a prefix ("мародер*", "=подтвержд*"; a written
prefix of six letters or more also takes the form with one letter mistyped).
"~N" between two elements lets up to N other words stand between them ("…"
is "~8").

`PatternSet.find` looks for every match over the words of a token list, as
triggers are found: punctuation is invisible, and each element takes the
first word that fits. `PatternSet.longest_at`, `first_in` and `ending_at`
match over all tokens, punctuation counted, forward from or backward to a
position, trying every word a gap allows (as cues and fixed phrases are
matched).
"""
from __future__ import annotations

from collections.abc import Callable
from itertools import compress
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import Levenshtein

from .model import Token
from .resources import shared_resources  # which imports no module of the package before it is asked for a resource

GAP = "…"  # a gap of a few words: "~8"
MAX_GAP = 8
TYPO_MIN_PREFIX = 6  # a written prefix this long takes one mistyped letter


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


def written(token: Token) -> str:
    """The token as written, lowercase with ё as е: what a "=form" element compares."""
    return written_form(token.text)


@lru_cache(maxsize=50_000)
def written_form(text: str) -> str:
    """`written` of a token's text (remembered: matching asks it of a word many times)."""
    return fold_yo(text.lower())


def _written_prefix(prefix: str, form: str) -> bool:
    if form.startswith(prefix):
        return True
    return (
        len(prefix) >= TYPO_MIN_PREFIX and len(form) >= len(prefix) - 1
        and Levenshtein.distance(form[: len(prefix)], prefix, score_cutoff=1) <= 1
    )


@dataclass(frozen=True)
class Element:
    lemmas: frozenset[str]
    prefixes: tuple[str, ...]
    gap: int  # words allowed before this element
    forms: frozenset[str] = frozenset()  # "=form": written forms
    form_prefixes: tuple[str, ...] = ()  # "=form*"

    def matches(self, lemma: str) -> bool:
        return lemma in self.lemmas or lemma.startswith(self.prefixes)  # startswith of () is False

    def matches_form(self, form: str) -> bool:
        return form in self.forms or any(_written_prefix(p, form) for p in self.form_prefixes)

    def matches_token(self, token: Token) -> bool:
        return self.matches(token.lemma) or bool(self.forms or self.form_prefixes) and self.matches_form(written(token))


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
            if part == GAP:
                gap = MAX_GAP
                continue
            if part.startswith("~"):
                gap = int(part[1:])
                continue
            alternatives = fold_yo(part.lower()).split("|")
            lemmas = [a for a in alternatives if not a.startswith("=")]
            forms = [a[1:] for a in alternatives if a.startswith("=")]
            elements.append(
                Element(
                    frozenset(a for a in lemmas if not a.endswith("*")),
                    tuple(a[:-1] for a in lemmas if a.endswith("*")),
                    gap,
                    frozenset(a for a in forms if not a.endswith("*")),
                    tuple(a[:-1] for a in forms if a.endswith("*")),
                )
            )
            gap = 0
        return Pattern(tuple(elements), label, weight, source)


@dataclass(frozen=True)
class Match:
    pattern: Pattern
    first: int  # index of the first matched word in the token list
    last: int  # index of the last matched word (inclusive)


def _end_from(
    pattern: Pattern, tokens: list[Token], position: int, k: int, limit: int | None = None,
    skip: Callable[[Token], bool] | None = None,
) -> int | None:
    """The last token of the pattern's elements from the k-th on, matched after `position` and
    before `limit`, trying every token each gap allows (punctuation counts). `skip` admits the
    tokens that may stand before the second element ("по официальным данным"): they are passed
    up to the first that is that element or is not admitted."""
    if k == len(pattern.elements):
        return position
    limit = len(tokens) if limit is None else limit
    element = pattern.elements[k]
    if k == 1 and skip is not None:
        j = position + 1
        while j < limit and skip(tokens[j]) and not element.matches_token(tokens[j]):
            j += 1
        position = j - 1
    for candidate in range(position + 1, min(limit, position + 2 + element.gap)):
        if element.matches_token(tokens[candidate]):
            end = _end_from(pattern, tokens, candidate, k + 1, limit)
            if end is not None:
                return end
    return None


def last_token_at(pattern: Pattern, tokens: list[Token], i: int) -> int | None:
    """The last token of the pattern matched from token i on, if it matches there."""
    if not pattern.elements[0].matches_token(tokens[i]):
        return None
    return _end_from(pattern, tokens, i, 1)


def is_word(token: Token) -> bool:
    text = token.text
    return text.isalnum() or is_word_text(text)  # most tokens are all letters or digits: no call for them


@lru_cache(maxsize=50_000)
def is_word_text(text: str) -> bool:
    """Whether a token written so is a word (holds a letter or digit), remembered per text."""
    return text.isalnum() or any(ch.isalnum() for ch in text)


WORDS_REMEMBERED = 20_000  # the words each PatternSet remembers the patterns of: a long run meets ever more
# words (names, misspellings), and its memos, one entry a word in each of some forty sets, grew without bound
NO_PATTERNS: list = []  # shared by the words that begin none (never changed by a caller)


def remember(memo: dict, key, found: list) -> None:
    """Remember what a word found, forgetting all once WORDS_REMEMBERED are (the common words come back at once)."""
    if len(memo) >= WORDS_REMEMBERED:
        memo.clear()
    memo[key] = found or NO_PATTERNS


class PatternSet:
    def __init__(self, patterns: list[Pattern]):
        self.patterns = patterns
        self.by_first_lemma: dict[str, list[Pattern]] = {}
        self.by_first_prefix: list[tuple[str, Pattern]] = []
        self.by_first_form: dict[str, list[Pattern]] = {}
        self.by_first_form_prefix: list[tuple[str, Pattern]] = []
        for pattern in patterns:
            first = pattern.elements[0]
            for lemma in first.lemmas:
                self.by_first_lemma.setdefault(lemma, []).append(pattern)
            self.by_first_prefix += [(prefix, pattern) for prefix in first.prefixes]
            for form in first.forms:
                self.by_first_form.setdefault(form, []).append(pattern)
            self.by_first_form_prefix += [(prefix, pattern) for prefix in first.form_prefixes]
        self.lengths = sorted({len(p.elements) for p in patterns}, reverse=True)
        self.opens_by_form = bool(self.by_first_form or self.by_first_form_prefix)
        # with no prefix opening a pattern, only these lemmas open one: `find` tells by one set operation
        # that a token list opens none (most lists open none of a set's patterns)
        self.opening_lemmas = None if self.by_first_prefix else frozenset(self.by_first_lemma)
        self._starting: dict[str, list[Pattern]] = {}
        self._starting_form: dict[str, list[Pattern]] = {}
        self._longest_first: dict[tuple[str, str], list[Pattern]] = {}

    @classmethod
    def from_file(cls, name: str) -> "PatternSet":
        patterns = []
        for row in data_rows(name):
            weight = float(row[2]) if len(row) > 2 and row[2].strip() else 1.0
            patterns.append(Pattern.parse(row[0], row[1].strip(), weight))
        return cls(patterns)

    def find(self, tokens: list[Token]) -> list[Match]:
        """All matches, each pattern anchored at every word; indices are into `tokens`."""
        every_lemma = [t.lemma for t in tokens]
        if self.opening_lemmas is not None and self.opening_lemmas.isdisjoint(every_lemma):
            return []
        # the patterns each token opens, read off the memory by map; the words are listed (is_word_text asked
        # only of a token not all letters or digits) from the first word that opens one: no match starts before
        opening = list(map(self._starting.get, every_lemma))
        if None in opening:
            opening = [self.starting_with(lemma) if patterns is None else patterns for lemma, patterns in zip(every_lemma, opening)]
        first = next((i for i in compress(range(len(tokens)), opening) if is_word(tokens[i])), None)
        if first is None:
            return []
        words = [i for i in range(first, len(tokens)) if tokens[i].text.isalnum() or is_word_text(tokens[i].text)]
        lemmas = [every_lemma[i] for i in words]
        found = []
        for start, i in enumerate(words):
            for pattern in opening[i]:
                end = self._match_rest(pattern, lemmas, start)
                if end is not None:
                    found.append(Match(pattern, i, words[end]))
        return found

    def starting_with(self, lemma: str) -> list[Pattern]:
        """The patterns whose first element the lemma matches (remembered: a text repeats its words)."""
        found = self._starting.get(lemma)
        if found is None:
            found = self.by_first_lemma.get(lemma, []) + [p for prefix, p in self.by_first_prefix if lemma.startswith(prefix)]
            remember(self._starting, lemma, found)
        return found

    def starting_with_form(self, form: str) -> list[Pattern]:
        """The patterns whose first element the written form matches."""
        found = self._starting_form.get(form)
        if found is None:
            found = self.by_first_form.get(form, []) + [
                p for prefix, p in self.by_first_form_prefix
                if form.startswith(prefix) or len(prefix) >= TYPO_MIN_PREFIX and _written_prefix(prefix, form)
            ]
            remember(self._starting_form, form, found)
        return found

    def starting_with_token(self, token: Token) -> list[Pattern]:
        """The patterns whose first element the token matches, by lemma or written form, longest first."""
        key = (token.lemma, token.text) if self.opens_by_form else token.lemma  # the written form follows from the text
        found = self._longest_first.get(key)
        if found is None:
            by_form = self.starting_with_form(written(token)) if self.opens_by_form else []
            found = list(dict.fromkeys(self.starting_with(token.lemma) + by_form))
            found.sort(key=lambda p: -len(p.elements))
            remember(self._longest_first, key, found)
        return found

    def longest_at(
        self, tokens: list[Token], i: int, limit: int | None = None, skip: Callable[[Token], bool] | None = None
    ) -> int | None:
        """The end (exclusive) of the longest match starting at token i and ending by `limit`,
        over all tokens (see `_end_from` for `skip`)."""
        found = self.longest_match_at(tokens, i, limit, skip)
        return found[1] if found else None

    def longest_match_at(
        self, tokens: list[Token], i: int, limit: int | None = None, skip: Callable[[Token], bool] | None = None
    ) -> tuple[Pattern, int] | None:
        """The longest pattern matching from token i by `limit`, and the end (exclusive) of its match."""
        if i >= (len(tokens) if limit is None else limit):
            return None
        token = tokens[i]  # starting_with_token's memory read here: most tokens are asked about again and open none
        patterns = self._longest_first.get((token.lemma, token.text) if self.opens_by_form else token.lemma)
        for pattern in self.starting_with_token(token) if patterns is None else patterns:
            last = _end_from(pattern, tokens, i, 1, limit, skip)
            if last is not None:
                return pattern, last + 1
        return None

    def ending_at(self, tokens: list[Token], end: int) -> int | None:
        """The start of a match of n tokens ending just before token `end`, the longest n first,
        where the longest match at that start ends there too."""
        for length in self.lengths:
            start = end - length
            if start >= 0 and self.longest_at(tokens, start) == end:
                return start
        return None

    def opened_in(self, tokens: list[Token]) -> set[int]:
        """The ids of the patterns some token of the list opens: only those can match there."""
        return {id(p) for t in tokens for p in self.starting_with_token(t)}

    def openings(self, tokens: list[Token]) -> dict[int, list[int]]:
        """`opened_in` with, for each pattern's id, the tokens that open it, in order: a match can
        start only there (`first_in`'s `starts`)."""
        found: dict[int, list[int]] = {}
        remembered, by_form = self._longest_first, self.opens_by_form  # starting_with_token's memory, read here
        for i, t in enumerate(tokens):
            patterns = remembered.get((t.lemma, t.text) if by_form else t.lemma)
            for p in self.starting_with_token(t) if patterns is None else patterns:
                found.setdefault(id(p), []).append(i)
        return found

    @staticmethod
    def first_in(pattern: Pattern, tokens: list[Token], starts: list[int] | None = None) -> tuple[int, int] | None:
        """The first match of the pattern in the tokens, punctuation counted: (first, last) token indices.
        `starts`, the tokens that open the pattern (from `openings`), spares testing the others."""
        for i in range(len(tokens)) if starts is None else starts:
            last = last_token_at(pattern, tokens, i)
            if last is not None:
                return i, last
        return None

    @staticmethod
    def _match_rest(pattern: Pattern, lemmas: list[str], start: int) -> int | None:
        position, size = start, len(lemmas)
        for element in pattern.elements[1:]:
            fixed, prefixes = element.lemmas, element.prefixes  # Element.matches, inlined
            for candidate in range(position + 1, min(size, position + 2 + element.gap)):
                lemma = lemmas[candidate]
                if lemma in fixed or lemma.startswith(prefixes):
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
    return shared_resources().patterns(name)
