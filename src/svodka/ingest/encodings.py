"""Bytes to text: declared encodings checked, undeclared legacy Cyrillic (cp1251, koi8-r, cp866) told by its letter frequencies, never mojibake stored silently."""
from __future__ import annotations

import codecs
import math

import charset_normalizer

from ..errors import InputError
from ..lexicon import data_rows
from .common import (
    BINARY_PROBE_BYTES,
    CAPITAL_ODDS,
    CONTROL_BYTES,
    HIGH_BYTES,
    MAX_GUESS_CHAOS,
    RUSSIAN_CODEC_NAMES,
    RUSSIAN_ENCODINGS,
    RUSSIAN_MIN_SCORE,
    RUSSIAN_MIN_WORD_SHARE,
    UNLISTED_CHARACTER_ODDS,
    UTF8_MAX_BAD_SHARE,
    WORD,
    ErrorHandler,
    warn_to_stderr,
)
from ..resources import shared_resources


def decode_text(data: bytes, label: str, declared: str | None = None, on_warning: ErrorHandler = warn_to_stderr) -> str:
    """The text of `data`, newlines as "\\n": UTF-8 (BOM or not) or UTF-16 with a BOM,
    else the `declared` charset (unless the text reads as Russian in another one: a
    Latin charset declared for Cyrillic bytes), else the Russian single-byte encoding
    that reads most like Russian, else charset-normalizer's guess when it is a clean one.
    A UTF-8 text with a few damaged bytes is read with U+FFFD in their place, and said."""
    if data.startswith(codecs.BOM_UTF8):
        return decode_strictly(data, "utf-8-sig", label)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_strictly(data, "utf-16", label)
    if is_binary(data):
        raise InputError(f"{label} is not text (binary data)")
    try:
        return normalize_newlines(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        first_bad = error.start
    if declared and not is_utf8_name(declared):
        text = decode_declared(data, declared, label, on_warning)
        if text is not None:
            return normalize_newlines(text)
    if mostly_utf8(data):
        on_warning(f"{label}: undecodable bytes in UTF-8 text replaced with U+FFFD (the first at byte {first_bad})")
        return normalize_newlines(data.decode("utf-8", errors="replace"))
    encoding = best_russian_encoding(data)
    if encoding is not None:
        return normalize_newlines(data.decode(encoding, errors="replace"))
    encoding = guessed_encoding(data, label)
    on_warning(f"{label}: no declared encoding; read as {encoding} (charset-normalizer's guess)")
    return normalize_newlines(data.decode(encoding, errors="replace"))


def decode_declared(data: bytes, declared: str, label: str, on_warning: ErrorHandler) -> str | None:
    """`data` in its declared charset, or in a Russian one when the declared one is a Latin
    charset that makes the Cyrillic mojibake; None when it does not decode."""
    try:
        text = data.decode(declared)
    except (UnicodeDecodeError, LookupError):
        return None
    if codecs.lookup(declared).name in RUSSIAN_CODEC_NAMES:
        return text
    russian = best_russian_encoding(data)
    if russian is not None:
        on_warning(f"{label}: declared {declared}, but its letters read as Russian in {russian}: read as {russian}")
        return data.decode(russian, errors="replace")
    return text


def is_utf8_name(name: str) -> bool:
    try:
        return codecs.lookup(name).name == "utf-8"
    except LookupError:
        return False


def mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few damaged bytes: most non-ASCII bytes form valid UTF-8 sequences."""
    non_ascii = len(data) - len(data.translate(None, HIGH_BYTES))
    if not non_ascii:
        return False
    bad = data.decode("utf-8", errors="replace").count("\ufffd") - data.count("\ufffd".encode())
    return bad <= non_ascii * UTF8_MAX_BAD_SHARE


def guessed_encoding(data: bytes, label: str) -> str:
    """charset-normalizer's encoding of `data`, when its decoding is clean; else InputError."""
    guess = charset_normalizer.from_bytes(data).best()
    if guess is None or guess.chaos > MAX_GUESS_CHAOS:
        raise InputError(f"{label}: cannot tell the text encoding (not UTF-8, cp1251, koi8-r or any other known)")
    return guess.encoding


def decode_strictly(data: bytes, encoding: str, label: str) -> str:
    try:
        return normalize_newlines(data.decode(encoding))
    except UnicodeDecodeError as error:
        raise InputError(f"{label}: invalid {encoding} text at byte {error.start}") from None


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def is_binary(data: bytes) -> bool:
    probe = data[:BINARY_PROBE_BYTES]
    return b"\0" in probe or sum(byte in CONTROL_BYTES for byte in probe) > len(probe) * 0.05


def best_russian_decoding(data: bytes) -> str | None:
    """`data` in best_russian_encoding, or None when no Russian encoding reads like Russian."""
    encoding = best_russian_encoding(data)
    return None if encoding is None else data.decode(encoding, errors="replace")


def best_russian_encoding(data: bytes) -> str | None:
    """The encoding among the Russian single-byte encodings whose non-ASCII
    characters read most like Russian text, or None when none does.

    charset-normalizer often mistakes short cp1251 and koi8-r texts for each
    other (or for Chinese): the wrong one turns lower case into capitals and
    common letters into rare ones, which letter frequencies catch.
    """
    scored = []
    for encoding in RUSSIAN_ENCODINGS:
        score = russian_score(data.decode(encoding, errors="replace"))
        if score is not None:
            scored.append((score, encoding))
    if not scored:
        return None
    score, encoding = max(scored, key=lambda pair: pair[0])
    return encoding if score >= RUSSIAN_MIN_SCORE else None


def russian_score(text: str) -> float | None:
    """Mean log-odds of the non-ASCII characters under Russian character
    frequencies; None when the text has no non-ASCII words, or too many of
    them mix Cyrillic with Latin (Latin-1 accents decoded as Cyrillic)."""
    words = [w for w in WORD.findall(text) if not w.isascii()]
    cyrillic_words = [w for w in words if all(is_cyrillic(ch) for ch in w)]
    if not words or len(cyrillic_words) < len(words) * RUSSIAN_MIN_WORD_SHARE:
        return None
    frequencies = character_frequencies()
    odds = [
        frequencies.get(ch.lower(), UNLISTED_CHARACTER_ODDS) * (CAPITAL_ODDS if ch.isupper() else 1.0)
        for ch in text
        if not ch.isascii()
    ]
    return sum(math.log(p) for p in odds) / len(odds)


def is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def load_character_frequencies() -> dict[str, float]:
    return {row[0]: float(row[1]) / 100 for row in data_rows("ingest/letter_frequencies.tsv")}


# --- the shared Resources' attributes, for code not handed a Resources (see resources.py) ---


def character_frequencies():
    return shared_resources().character_frequencies
