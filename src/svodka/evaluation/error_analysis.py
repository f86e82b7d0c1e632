"""Why each false positive and false negative is wrong.

Every predicted event left unmatched by the scorer, and every gold event it
missed, gets one cause, found by relaxing one matching condition at a time:
the right type and day but another place is a place error, the right place
and day but another type a type error, and so on. An unmatched event that
agrees with the gold on everything but was not paired is a merge/split
error: the gold counts one event where svodka counted two, or the reverse.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Modality
from .scoring import (
    GoldSet,
    Predictions,
    date_close,
    match_events,
    parse_day,
    place_right,
    scored_predictions,
    type_right,
)

ACTUAL = Modality.ACTUAL


@dataclass
class ErrorCase:
    doc_id: str
    kind: str  # fp | fn
    cause: str
    event: dict


def describe(event: dict) -> str:
    location = event.get("location") or {}
    return f"{event.get('event_type')} / {event.get('sub_event_type')}, {location.get('name')}, {event.get('date')}"


# Relaxing one condition at a time, in this order: (cause, whether type, day and place must agree)
RELAXATIONS = (
    ("merge/split", (True, True, True)),
    ("wrong place", (True, True, False)),
    ("wrong date", (True, False, True)),
    ("wrong type", (False, True, True)),
)


def agreement(pred: dict, truth: dict) -> tuple[bool, bool, bool]:
    return type_right(pred, truth), date_close(pred, truth), place_right(pred, truth)


def relaxed_cause(agreements: list[tuple[bool, bool, bool]]) -> str | None:
    for cause, needed in RELAXATIONS:
        if any(all(agrees for agrees, must in zip(found, needed) if must) for found in agreements):
            return cause
    return None


def cause_of_false_positive(pred: dict, truth: list[dict]) -> str:
    if not truth:
        return "non-conflict text"
    return relaxed_cause([agreement(pred, g) for g in truth]) or "spurious or background"


def cause_of_false_negative(truth: dict, predicted: list[dict], all_predicted: list[dict]) -> str:
    cause = relaxed_cause([agreement(p, truth) for p in predicted])
    if cause:
        return cause
    not_actual = [p for p in all_predicted if (p.get("modality") or ACTUAL) != ACTUAL]
    if any(type_right(p, truth) and place_right(p, truth) for p in not_actual):
        return "modality"
    return "trigger missed"


def classify_errors(gold: GoldSet, predictions: Predictions) -> list[ErrorCase]:
    cases = []
    for doc_id, gold_doc in sorted(gold.items()):
        truth = [e for e in gold_doc.get("events") or [] if (e.get("modality") or ACTUAL) == ACTUAL]
        predicted = scored_predictions(predictions.get(doc_id), parse_day(gold_doc.get("published")))
        pairs = match_events(predicted, truth)
        matched_pred = {i for i, _ in pairs}
        matched_gold = {j for _, j in pairs}
        for i, pred in enumerate(predicted):
            if i not in matched_pred:
                cases.append(ErrorCase(doc_id, "fp", cause_of_false_positive(pred, truth), pred))
        all_predicted = (predictions.get(doc_id) or {}).get("events") or []
        for j, event in enumerate(truth):
            if j not in matched_gold:
                cases.append(ErrorCase(doc_id, "fn", cause_of_false_negative(event, predicted, all_predicted), event))
    return cases


def cause_table(cases: list[ErrorCase]) -> dict[tuple[str, str], int]:
    return dict(Counter((case.kind, case.cause) for case in cases))
