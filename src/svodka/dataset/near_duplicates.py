"""Near-duplicate documents: the same story syndicated or lightly edited.

A document's normalised words are cut into overlapping shingles of SHINGLE
words; a MinHash signature of PERMUTATIONS values estimates the Jaccard
similarity of two documents' shingles, and its BANDS bands of ROWS values are
the keys of a locality-sensitive index kept in the store, so a new document is
compared only with the stored documents that share a band with it, whatever
the store's size. A candidate is a near-duplicate when rapidfuzz's similarity
of the two normalised texts reaches MIN_SIMILARITY and their publication days
are at most MAX_PUBLISHED_GAP apart (or either is unknown).

The events of a near-duplicate are matched one to one to the original's
(`match_events`): same event type, modality and a compatible sub-event type,
the same place or no place, and the same stated date; events without a date
only when the documents were published at most MAX_DAY_GAP days apart (a
daily report's template published two days running is two events). A matched event
is stored as a copy of the original's: it joins whatever linked event the
original's event is in, and never makes an event of its own, dated or not.
"""
from __future__ import annotations

import hashlib
import re
import zlib
from datetime import date

import numpy as np
from rapidfuzz import fuzz

from ..lexicon import fold_yo
from ..resources import shared_resources

SHINGLE = 4  # words per shingle
PERMUTATIONS = 64
BANDS, ROWS = 16, 4  # PERMUTATIONS = BANDS * ROWS; candidates from a Jaccard similarity of about 0.5
MIN_SIMILARITY = 80.0  # rapidfuzz ratio of the normalised texts, 0-100 (copies score 92+, distinct reports of one event under 50)
MIN_WORDS = 12  # shorter texts (a headline, a one-line post) are too alike by chance to tell copies apart
MAX_PUBLISHED_GAP = 2  # days
PRIME = (1 << 31) - 1
SHINGLE_BASE = 1_000_003
WORD = re.compile(r"\w+")


def normalised(text: str) -> str:
    """Lower case, ё as е, words only: what syndication and light editing leave alone."""
    return " ".join(WORD.findall(fold_yo(text.lower())))


def load_permutations() -> tuple[np.ndarray, np.ndarray]:
    generator = np.random.default_rng(20241106)  # fixed: signatures are stored and compared across runs
    a = generator.integers(1, PRIME, size=(PERMUTATIONS, 1), dtype=np.uint64)
    b = generator.integers(0, PRIME, size=(PERMUTATIONS, 1), dtype=np.uint64)
    return a, b


def signature(text: str) -> np.ndarray | None:
    """The MinHash of the text's word shingles; None for a text too short to compare."""
    words = normalised(text).split()
    if len(words) < MIN_WORDS:
        return None
    hashed = np.fromiter((zlib.crc32(word.encode("utf-8")) for word in words), dtype=np.uint64, count=len(words))
    count = len(words) - SHINGLE + 1
    shingles = np.zeros(count, dtype=np.uint64)
    for offset in range(SHINGLE):  # a polynomial hash of each run of SHINGLE words, below 2^32
        shingles = (shingles * np.uint64(SHINGLE_BASE) + hashed[offset:offset + count]) & np.uint64(0xFFFFFFFF)
    a, b = permutations()
    return ((a * (np.unique(shingles)[None, :] % np.uint64(PRIME)) + b) % np.uint64(PRIME)).min(axis=1)


def bands(sig: np.ndarray) -> list[int]:
    """The signature's band keys (signed 63-bit, as SQLite stores integers)."""
    keys = []
    for band in range(BANDS):
        chunk = sig[band * ROWS:(band + 1) * ROWS].astype("<u8").tobytes()
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def similarity(text_a: str, text_b: str) -> float:
    """rapidfuzz's ratio of the normalised texts (0-100; 0 below MIN_SIMILARITY)."""
    return similarity_to(normalised(text_a), text_b)


def similarity_to(normalised_a: str, text_b: str) -> float:
    """`similarity` with the first text normalised already (one text compared with many)."""
    return fuzz.ratio(normalised_a, normalised(text_b), score_cutoff=MIN_SIMILARITY)


def published_close(a: date | None, b: date | None, gap: int = MAX_PUBLISHED_GAP) -> bool:
    return a is None or b is None or abs((a - b).days) <= gap


# --- matching events ----------------------------------------------------------


def match_events(copy_events: list[dict], original_events: list[dict], *, undated: bool = True) -> dict[str, str]:
    """Copy event id -> original event id, one to one, in the copy's order; the
    first compatible original event not yet taken, the same sub-event type
    preferred. Events without a date match only when `undated` (the two
    documents were published within linking's day window, or either date is unknown)."""
    from .link import sub_types_compatible

    taken: set[str] = set()
    matches = {}
    for event in copy_events:
        candidates = [
            original for original in original_events
            if original["id"] not in taken
            and original["event_type"] == event["event_type"]
            and original["modality"] == event["modality"]
            and sub_types_compatible(event["event_type"], event["sub_event_type"], original["sub_event_type"])
            and original.get("date") == event.get("date")
            and (undated or event.get("date") is not None)
            and same_place(event.get("location"), original.get("location"))
        ]
        if candidates:
            best = min(candidates, key=lambda original: (original["sub_event_type"] != event["sub_event_type"],
                                                         original_events.index(original)))
            taken.add(best["id"])
            matches[event["id"]] = best["id"]
    return matches


def same_place(a: dict | None, b: dict | None) -> bool:
    if not a or not b:
        return not a and not b
    if a.get("geonameid") is not None or b.get("geonameid") is not None:
        return a.get("geonameid") == b.get("geonameid")
    return (a.get("name"), a.get("country")) == (b.get("name"), b.get("country"))


# --- the shared Resources' attributes, for code not handed a Resources (see resources.py) ---


def permutations():
    return shared_resources().minhash_permutations
