"""razdel's word tokenisation, run without its per-split objects.

razdel's tokenizer cuts a text into atoms (runs of Cyrillic or Latin letters,
digits, single punctuation marks) and then decides, at each place where two
atoms touch, whether they join into one token ("что-то", "1,5", "?!", ":-)").
Its rules read two atoms either side, and it builds a record for every split to
let them do so, which makes it the costliest step before NER. This module
applies the same rules, with razdel's own patterns and character classes, to
plain tuples: the tokens are razdel's (a test compares them over random text
and the corpus), several times faster.

One departure: razdel joins a symbol to the word it touches, and Telegram
posts glue an emoji to the first word of a line ("🔻В Пакистане",
"❗️Задержан"). An emoji (pictographs, dingbats, arrows, geometric shapes,
with their variation selectors and joiners) at either end of a token is a
token of its own, so the word keeps its own lemma.
"""
from __future__ import annotations

import re

from razdel.segmenters.punct import DASHES, ENDINGS
from razdel.segmenters.tokenize import ATOM, INT, LAT, OTHER, PUNCT, RU, SMILE

Atom = tuple[int, int, str, str]  # start, stop, type, text
WORDLIKE = (OTHER, RU, LAT)
EMOJI = "\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2190-\u21FF\u25A0-\u25FF\uFE0F\u200D\u20E3"
EMOJI_ENDS = re.compile(f"([{EMOJI}]*)(.*?)([{EMOJI}]*)$", re.DOTALL)


def token_spans(text: str) -> list[tuple[int, int]]:
    """The (start, stop) of every token razdel.tokenize finds in the text."""
    atoms = [(m.start(), m.end(), m.lastgroup, m.group()) for m in ATOM.finditer(text)]
    if not atoms:
        return []
    spans = []
    start = atoms[0][0]
    for i in range(1, len(atoms)):
        previous_stop, atom_start = atoms[i - 1][1], atoms[i][0]
        if previous_stop == atom_start and joins(atoms, i, text[start:previous_stop]):
            continue
        spans += without_emoji(text, start, previous_stop)
        start = atom_start
    spans += without_emoji(text, start, atoms[-1][1])
    return spans


def without_emoji(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The token, with an emoji glued to either end of a word split off as a token of its own."""
    if text[start].isalnum() and text[stop - 1].isalnum():
        return [(start, stop)]
    lead, word, trail = EMOJI_ENDS.match(text, start, stop).groups()
    if not word or not (lead or trail):
        return [(start, stop)]
    middle = start + len(lead)
    parts = [(start, middle)] if lead else []
    parts.append((middle, middle + len(word)))
    return parts + ([(middle + len(word), stop)] if trail else [])


def joins(atoms: list[Atom], i: int, buffer: str) -> bool:
    """Whether atom i joins the token before it (`buffer`), which it touches."""
    left_2 = atoms[i - 2] if i > 1 else None
    left_1, right_1 = atoms[i - 1], atoms[i]
    right_2 = atoms[i + 1] if i + 1 < len(atoms) else None
    for delimiters, fits in ((DASHES, not_punct), ("_", not_punct), (".,", integers), ("/\\", integers)):
        if left_1[3] in delimiters:
            pair = (left_2, right_1)
        elif right_1[3] in delimiters:
            pair = (left_1, right_2)
        else:
            continue
        if pair[0] and pair[1] and fits(*pair):
            return True
    if left_1[2] == PUNCT and right_1[2] == PUNCT:
        if SMILE.match(buffer + right_1[3]):
            return True
        if left_1[3] in ENDINGS and right_1[3] in ENDINGS or left_1[3] + right_1[3] in ("--", "**"):
            return True
    if (left_1[2] == OTHER and right_1[2] in WORDLIKE) or (left_1[2] in WORDLIKE and right_1[2] == OTHER):
        return True
    return left_1[3].lower() == "yahoo" and right_1[3] == "!"


def not_punct(left: Atom, right: Atom) -> bool:
    return left[2] != PUNCT and right[2] != PUNCT


def integers(left: Atom, right: Atom) -> bool:
    return left[2] == INT and right[2] == INT
