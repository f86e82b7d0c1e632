"""Clause bounds around a speech verb: punctuation, topic words, linking "и", glosses in brackets;
fixed phrases ("по данным", "со ссылкой на") at a token."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicon import PatternSet
from .grammar import is_modifier
from .speech_words import lexicon

if TYPE_CHECKING:
    from .view import View

TOPIC_WORDS = {"о", "об", "обо", "про", "что", "чтобы", "если", "как"}
CLAUSE_PUNCTUATION = {",", ":", ";", "–", "—", "-", ".", "!", "?", "…", ")"}
BRACKET_MAX_TOKENS = 8  # "(Abdul Wali Sahmi)": a name given again in brackets


def is_boundary(view: View, i: int) -> bool:
    t = view.tokens[i]
    if i in view.in_link:
        return False  # "[сообщил](https://…) губернатор": the link target stands outside the clause
    return i not in view.outlet_at and (t.text in CLAUSE_PUNCTUATION or t.text.lower() in TOPIC_WORDS)


def clause_end(view: View, i: int, last: int) -> int:
    while i < last and not is_boundary(view, i) and not opens_gloss(view, i, last):
        i += 1
    return i


def opens_gloss(view: View, i: int, last: int) -> bool:
    """ "(объявлена нежелательной организацией)", "(деятельность запрещена в РФ)": a bracket
    with a verb or a short participle says something of the name before it, and ends its clause."""
    tokens = view.tokens
    if tokens[i].text != "(":
        return False
    for j in range(i + 1, min(last, i + 1 + BRACKET_MAX_TOKENS)):
        if tokens[j].text == ")":
            return False
        if tokens[j].pos in ("PRTS", "VERB"):
            return True
    return False


def clause_start(view: View, i: int, first: int) -> int:
    while i > first:
        opening = bracket_opening(view, i - 1, first)
        if opening is not None:
            i = opening  # "Абдул Сахми (Abdul Sahmi) сказал": a bracket does not end the clause
            continue
        if is_boundary(view, i - 1) or links_clauses(view, i - 1):
            break
        i -= 1
    return i


def bracket_opening(view: View, k: int, first: int) -> int | None:
    """The "(" of a short bracket closing at token k, if k closes one."""
    tokens = view.tokens
    if tokens[k].text != ")":
        return None
    for j in range(k - 1, max(first, k - BRACKET_MAX_TOKENS) - 1, -1):
        if tokens[j].text == "(":
            return j if j < k - 1 else None
        if tokens[j].text in ".!?;:)":
            return None
    return None


def links_clauses(view: View, k: int) -> bool:
    """ "и" opens a clause, except between two names: "издания X и Y сообщают"."""
    if not lexicon().has("clause_link", view.tokens[k]):
        return False
    return not (0 < k < len(view.tokens) - 1 and is_name(view, k - 1) and is_name(view, k + 1))


def is_name(view: View, i: int) -> bool:
    return i in view.outlet_at or any(view.mention_at(i, kind) for kind in ("ORG", "PER"))


def phrase_at(view: View, i: int, phrases: PatternSet, limit: int, modifiers: bool = False) -> int | None:
    """The token after a fixed phrase ("по данным") starting at i and ending by `limit`, if one
    does; with `modifiers`, adjectives may stand after its first word ("по официальным данным")."""
    return phrases.longest_at(view.tokens, i, limit, is_modifier if modifiers else None)
