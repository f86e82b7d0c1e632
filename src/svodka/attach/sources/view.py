"""The document's tokens as one list, with its outlets, quotes, links and mentions located."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cached_property

from ...model import Document, Mention, Span, Token
from .outlets import find_outlets
from .quotes import LINK, LINK_MARK, find_quote_spans


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
        self.outlets = find_outlets(self)
        self.outlet_at = {i: o for o in self.outlets for i in range(o.first, o.last)}
        self.named_body_at: dict[tuple[str, int], tuple[int, int] | None] = {}

    def _link_tokens(self) -> set[int]:
        """Tokens of web addresses and markdown link targets ("https://t.me/…", "site.ru/a.html"): never a name."""
        inside: set[int] = set()
        if LINK_MARK.search(self.doc.text) is None:
            return inside
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
