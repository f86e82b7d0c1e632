"""Score predicted events against gold files written to CONTRACT.md.

The definitions are those of the project's shared scorer (shared/tools/score.py),
so that a user's figures and the project's own are the same numbers:

- only `actual` events count (a missing modality is actual), and predicted
  events dated more than 30 days before the gold's publication day are
  background and not scored;
- a predicted event matches a gold one when its event_type is the gold's or
  one of its alt_types, its date is within a day (a missing date on either
  side does not block) and its place is the gold place (same country; a whole
  country, or within 50 km, or the same name). Matching is one-to-one, the
  pairs that also agree on event type and sub-type first;
- a count is right when the predicted interval overlaps the gold one, and
  null (or zero) where the gold is null;
- place accuracy is the share of events matched on type and date alone whose
  place is also right.

Only documents with a gold file are scored.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from ..errors import InputError
from ..ingest.common import ErrorHandler
from ..ingest.readers import read_documents
from ..lexicon import fold_yo
from ..model import COUNT_SLOTS, GeoPrecision, Modality, Verification
from ..options import ExtractOptions
from ..pipeline import extract_all
from ..records import document_json

SAME_PLACE_KM = 50
DATE_SLACK_DAYS = 1
BACKGROUND_DAYS = 30
EARTH_RADIUS_KM = 6371
STEM_LENGTH = 5
CONFIDENCE_BINS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.0))  # the last one includes 1.0

GoldSet = dict[str, dict]
Predictions = dict[str, dict]


# --- reading ----------------------------------------------------------------


def load_gold(paths: Iterable[str | Path]) -> GoldSet:
    """Gold documents by id: the file name of the gold's `doc` without ".txt"."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(path.glob("*.json"))
            if not found:
                raise InputError(f"{path} has no gold files (*.json)")
            files += found
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"no such file or folder: {path}")
    gold = {}
    for file in files:
        record = parse_json(read_text(file), str(file))
        if not isinstance(record, dict) or not isinstance(record.get("doc"), str):
            raise InputError(f"{file}: not a gold file (expected an object with 'doc' and 'events')")
        check_events(record, str(file))
        gold[doc_id_of(record["doc"])] = record
    return gold


def doc_id_of(doc_path: str) -> str:
    return Path(doc_path).name.removesuffix(".txt")


def load_predictions(path: str | Path) -> Predictions:
    """What `svodka extract` prints: one document, a list of them, or JSON Lines."""
    label = str(path)
    text = read_text(Path(path)).strip()
    if not text:
        return {}
    try:
        parsed = json.loads(text)
        docs = parsed if isinstance(parsed, list) else [parsed]
    except json.JSONDecodeError:
        docs = [parse_json(line, f"{label}:{number}") for number, line in enumerate(text.split("\n"), start=1) if line.strip()]
    predictions = {}
    for doc in docs:
        if not isinstance(doc, dict) or not isinstance(doc.get("id"), str):
            raise InputError(f"{label}: expected documents with an 'id' and 'events'")
        check_events(doc, label)
        predictions[doc["id"]] = doc
    return predictions


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read ({error})") from None


def parse_json(text: str, label: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{label}: invalid JSON: {error.msg} at line {error.lineno} column {error.colno}") from None


def check_events(doc: dict, label: str) -> None:
    events = doc.get("events")
    if events is not None and not (isinstance(events, list) and all(isinstance(e, dict) for e in events)):
        raise InputError(f"{label}: 'events' must be a list of objects")


# --- matching ---------------------------------------------------------------


def name_stems(name: str | None) -> set[str]:
    name = fold_yo((name or "").lower())
    return {word[:STEM_LENGTH] for word in re.findall(r"\w+", name) if len(word) > 1 or word.isdigit()}


def same_name(a: str | None, b: str | None) -> bool:
    """One name's word stems all occur in the other's: "Алматы" ~ "город Алматы"."""
    stems_a, stems_b = name_stems(a), name_stems(b)
    if not stems_a or not stems_b:
        return False
    return stems_a <= stems_b if len(stems_a) <= len(stems_b) else stems_b <= stems_a


def parse_day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def distance_km(a: dict, b: dict) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return EARTH_RADIUS_KM * 2 * math.asin(math.sqrt(min(1.0, h)))


def has_coordinates(location: dict) -> bool:
    return all(isinstance(location.get(key), (int, float)) for key in ("lat", "lon"))


def place_right(pred: dict, gold: dict) -> bool:
    pred_place, gold_place = pred.get("location") or {}, gold.get("location") or {}
    if not gold_place:
        return True
    if (pred_place.get("country") or "").upper() != (gold_place.get("country") or "").upper():
        return False
    if gold_place.get("precision") == GeoPrecision.COUNTRY:
        return True
    if has_coordinates(pred_place) and has_coordinates(gold_place) and distance_km(pred_place, gold_place) <= SAME_PLACE_KM:
        return True
    return same_name(pred_place.get("name"), gold_place.get("name"))


def date_close(pred: dict, gold: dict) -> bool:
    pred_day, gold_day = parse_day(pred.get("date")), parse_day(gold.get("date"))
    return pred_day is None or gold_day is None or abs((pred_day - gold_day).days) <= DATE_SLACK_DAYS


def type_right(pred: dict, gold: dict) -> bool:
    return pred.get("event_type") in {gold.get("event_type"), *(gold.get("alt_types") or [])}


def interval(count: dict | None) -> tuple[float, float] | None:
    if not count or (count.get("min") is None and count.get("max") is None):
        return None
    low, high = count.get("min"), count.get("max")
    return (0 if low is None else low, math.inf if high is None else high)


def count_right(pred: dict | None, gold: dict | None) -> bool:
    pred_range, gold_range = interval(pred), interval(gold)
    if gold_range is None:
        return pred_range is None or pred_range == (0, 0)
    if pred_range is None:
        return False
    return pred_range[0] <= gold_range[1] and gold_range[0] <= pred_range[1]


def actual_events(events: list[dict] | None) -> list[dict]:
    return [e for e in events or [] if (e.get("modality") or Modality.ACTUAL) == Modality.ACTUAL]


def scored_predictions(pred_doc: dict | None, published: date | None) -> list[dict]:
    """The actual predicted events, without background older than a month before publication."""
    events = actual_events((pred_doc or {}).get("events"))
    if published is None:
        return events
    oldest = published - timedelta(days=BACKGROUND_DAYS)
    return [e for e in events if not ((day := parse_day(e.get("date"))) and day < oldest)]


def source_names(event: dict) -> list[str]:
    """Every name in a predicted event's source chains (gold lists plain names)."""
    names = []
    for source in event.get("sources") or []:
        names += source.get("chain", []) if isinstance(source, dict) else [source]
    return names


def match_events(predicted: list[dict], gold: list[dict], use_place: bool = True) -> list[tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs, best agreeing pairs first."""
    candidates = []
    for i, pred in enumerate(predicted):
        for j, truth in enumerate(gold):
            if type_right(pred, truth) and date_close(pred, truth) and (not use_place or place_right(pred, truth)):
                agreement = 2 * (pred.get("event_type") == truth.get("event_type")) + (pred.get("sub_event_type") == truth.get("sub_event_type"))
                candidates.append((-agreement, i, j))
    used_pred, used_gold, pairs = set(), set(), []
    for _, i, j in sorted(candidates):
        if i not in used_pred and j not in used_gold:
            used_pred.add(i)
            used_gold.add(j)
            pairs.append((i, j))
    return pairs


# --- tallying ---------------------------------------------------------------


@dataclass
class Ratio:
    right: int = 0
    total: int = 0

    def add(self, right: bool) -> None:
        self.right += bool(right)
        self.total += 1

    @property
    def value(self) -> float | None:
        return rounded(self.right, self.total)


def rounded(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


@dataclass
class DocumentScore:
    doc_id: str
    gold: int
    predicted: int
    tp: int
    in_predictions: bool

    @property
    def fp(self) -> int:
        return self.predicted - self.tp

    @property
    def fn(self) -> int:
        return self.gold - self.tp


@dataclass
class CalibrationBin:
    low: float
    high: float
    events: int = 0
    matched: int = 0

    @property
    def label(self) -> str:
        closing = "]" if self.high >= CONFIDENCE_BINS[-1][1] else ")"
        return f"[{self.low:.2f}, {self.high:.2f}{closing}"

    @property
    def match_rate(self) -> float | None:
        return rounded(self.matched, self.events)

    def holds(self, confidence: float) -> bool:
        return self.low <= confidence < self.high or (confidence == self.high == CONFIDENCE_BINS[-1][1])


@dataclass
class Evaluation:
    documents: list[DocumentScore] = field(default_factory=list)
    sub_event: Ratio = field(default_factory=Ratio)
    date: Ratio = field(default_factory=Ratio)
    counts: Ratio = field(default_factory=Ratio)
    slots: dict[str, Ratio] = field(default_factory=lambda: {slot: Ratio() for slot in COUNT_SLOTS})
    source_recall: Ratio = field(default_factory=Ratio)
    source_precision: Ratio = field(default_factory=Ratio)
    unconfirmed: Ratio = field(default_factory=Ratio)
    loose_documents: list[DocumentScore] = field(default_factory=list)
    place: Ratio = field(default_factory=Ratio)  # over the pairs matched without place
    calibration: list[CalibrationBin] = field(default_factory=lambda: [CalibrationBin(low, high) for low, high in CONFIDENCE_BINS])

    def summary(self) -> dict:
        precision, recall, f1 = detection_figures(self.documents)
        figures = {
            "docs": len(self.documents),
            "missing_docs": sum(not d.in_predictions for d in self.documents),
            "tp": sum(d.tp for d in self.documents),
            "fp": sum(d.fp for d in self.documents),
            "fn": sum(d.fn for d in self.documents),
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "sub_event_accuracy": self.sub_event.value,
            "date_accuracy": self.date.value,
            "place_accuracy": self.place.value,
            "count_accuracy": self.counts.value,
        }
        figures |= {f"{slot}_accuracy": self.slots[slot].value for slot in COUNT_SLOTS}
        figures |= {
            "source_recall": self.source_recall.value,
            "source_precision": self.source_precision.value,
            "unconfirmed_recall": self.unconfirmed.value,
            "f1_ignoring_place": detection_figures(self.loose_documents)[2],
        }
        return figures

    def supports(self) -> dict[str, Ratio]:
        """The right/total behind each accuracy in the summary."""
        return {
            "sub_event_accuracy": self.sub_event,
            "date_accuracy": self.date,
            "place_accuracy": self.place,
            "count_accuracy": self.counts,
            **{f"{slot}_accuracy": self.slots[slot] for slot in COUNT_SLOTS},
            "source_recall": self.source_recall,
            "source_precision": self.source_precision,
            "unconfirmed_recall": self.unconfirmed,
        }


def detection_figures(documents: list[DocumentScore]) -> tuple[float | None, float | None, float]:
    tp = sum(d.tp for d in documents)
    precision = rounded(tp, sum(d.predicted for d in documents))
    recall = rounded(tp, sum(d.gold for d in documents))
    # F1 from the rounded precision and recall, as the shared scorer computes it,
    # so that the two agree to the last digit
    f1 = round(2 * precision * recall / (precision + recall), 3) if precision and recall else 0.0
    return precision, recall, f1


def evaluate(gold: GoldSet, predictions: Predictions) -> Evaluation:
    result = Evaluation()
    for doc_id, gold_doc in sorted(gold.items()):
        truth = actual_events(gold_doc.get("events"))
        predicted = scored_predictions(predictions.get(doc_id), parse_day(gold_doc.get("published")))
        pairs = match_events(predicted, truth)
        result.documents.append(DocumentScore(doc_id, len(truth), len(predicted), len(pairs), doc_id in predictions))
        for i, j in pairs:
            tally_pair(result, predicted[i], truth[j])
        matched = {i for i, _ in pairs}
        for i, event in enumerate(predicted):
            tally_confidence(result.calibration, event, i in matched)
        loose_pairs = match_events(predicted, truth, use_place=False)
        result.loose_documents.append(DocumentScore(doc_id, len(truth), len(predicted), len(loose_pairs), doc_id in predictions))
        for i, j in loose_pairs:
            result.place.add(place_right(predicted[i], truth[j]))
    return result


def tally_pair(result: Evaluation, pred: dict, truth: dict) -> None:
    result.sub_event.add(pred.get("sub_event_type") == truth.get("sub_event_type"))
    if truth.get("date"):
        result.date.add(parse_day(pred.get("date")) == parse_day(truth.get("date")))
    for slot in COUNT_SLOTS:
        if truth.get(slot) or pred.get(slot):  # a slot both sides leave empty is not scored
            right = count_right(pred.get(slot), truth.get(slot))
            result.counts.add(right)
            result.slots[slot].add(right)
    gold_sources, pred_sources = truth.get("sources") or [], source_names(pred)
    for name in gold_sources:
        result.source_recall.add(any(same_name(name, other) for other in pred_sources))
    for name in pred_sources:
        result.source_precision.add(any(same_name(name, other) for other in gold_sources))
    if truth.get("verification") == Verification.UNCONFIRMED:
        result.unconfirmed.add(pred.get("verification") == Verification.UNCONFIRMED)


def tally_confidence(bins: list[CalibrationBin], event: dict, matched: bool) -> None:
    confidence = event.get("confidence")
    if not isinstance(confidence, (int, float)):
        return
    for calibration_bin in bins:
        if calibration_bin.holds(confidence):
            calibration_bin.events += 1
            calibration_bin.matched += matched
            return


def extracted_predictions(path: str, on_error: ErrorHandler, min_confidence: float | None = None) -> Predictions:
    """Run the extractor over the documents in `path`, as `svodka extract` would."""
    documents = read_documents(path, on_error=on_error)
    return {doc.id: document_json(doc) for doc in extract_all(documents, ExtractOptions(min_confidence=min_confidence))}
