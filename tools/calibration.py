"""The confidence as a probability: an event's evidence score (`merge.evidence_score`), its
class (some classes of trigger are right more often than others) and whether the evidence
rules accept it (`merge.supported`), through a logistic model fitted on events whose
rightness is known.

    python tools/calibration.py --gold ../shared/gold --corpus ../shared/corpus/ru.jsonl \\
        --stream ../shared/corpus/stream.jsonl --judged docs/calibration/stream_judged.jsonl [--write]

The events with a known answer are every actual candidate event svodka finds
in a gold document, set aside by the evidence rules or not (right when it
matches a gold event, as score.py matches them), and the stream candidates a
person judged (`--judged`: post id, event type, the first trigger's offsets,
verdict). The fit is printed with its leave-one-out
calibration table; `--write` puts the model in data/confidence.tsv.
"""
from __future__ import annotations

import argparse
import json
import math
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

import numpy as np

import svodka
from svodka.evaluation.scoring import (
    CONFIDENCE_BINS,
    actual_events,
    load_gold,
    match_events,
    parse_day,
    scored_predictions,
)
from svodka.ingest.readers import read_documents
from svodka.merge.merging import ConfidenceModel, evidence_score
from svodka.options import ExtractOptions
from svodka.pipeline import extract_all
from svodka.records import event_json


class KnownEvent(NamedTuple):
    score: float  # merge.evidence_score
    kind: str  # the event class
    supported: bool  # merge.supported
    right: bool


Labelled = list[KnownEvent]
EVERY_CANDIDATE = 0.0  # the min_confidence that keeps the candidates the evidence rules set aside
NEWTON_STEPS = 25
SHRINKAGE = 1.0  # the L2 penalty that pulls a class seldom seen towards no offset at all


def gold_labelled(gold_dir: str, corpus: str) -> Labelled:
    gold = load_gold(sorted(Path(gold_dir).glob("*.json")))
    wanted = (doc for doc in read_documents(corpus) if doc.id in gold)
    labelled = []
    for doc in extract_all(wanted, ExtractOptions(min_confidence=EVERY_CANDIDATE)):
        events = []
        for event in doc.events:
            scored = event_json(event)
            scored["known"] = (evidence_score(event), event.kind, event.supported)
            events.append(scored)
        truth = actual_events(gold[doc.id].get("events"))
        predicted = scored_predictions({"events": events}, parse_day(gold[doc.id].get("published")))
        matched = {i for i, _ in match_events(predicted, truth)}
        labelled += [KnownEvent(*e["known"], i in matched) for i, e in enumerate(predicted)]
    return labelled


def judged_labelled(stream: str, judged: str) -> tuple[Labelled, int]:
    """The judged events svodka still finds, and how many it no longer finds."""
    with open(judged, encoding="utf-8") as f:
        verdicts = {(j["id"], j["event_type"], tuple(j["trigger"])): j["verdict"] == "right" for j in map(json.loads, f) if j}
    posts = {post_id for post_id, _, _ in verdicts}
    labelled = []
    for doc in extract_all((doc for doc in read_documents(stream) if doc.id in posts), ExtractOptions(min_confidence=EVERY_CANDIDATE)):
        for event in doc.events:
            key = (doc.id, event.event_type, (event.triggers[0].start, event.triggers[0].end))
            if event.modality == "actual" and key in verdicts:
                labelled.append(KnownEvent(evidence_score(event), event.kind, event.supported, verdicts[key]))
    return labelled, len(verdicts) - len(labelled)


def design(labelled: Labelled, classes: list[str]) -> np.ndarray:
    """One row per event: 1, its evidence score, 1 if the evidence rules set it aside, then one
    column per class (1 for its own)."""
    rows = np.zeros((len(labelled), 3 + len(classes)))
    rows[:, 0] = 1.0
    column = {kind: 3 + i for i, kind in enumerate(classes)}
    for i, event in enumerate(labelled):
        rows[i, 1] = event.score
        rows[i, 2] = 0.0 if event.supported else 1.0
        rows[i, column[event.kind]] = 1.0
    return rows


def fit(labelled: Labelled) -> ConfidenceModel:
    """The model of the greatest likelihood, class offsets shrunk towards zero (Newton's method)."""
    classes = sorted({event.kind for event in labelled})
    x = design(labelled, classes)
    y = np.array([event.right for event in labelled], dtype=float)
    penalty = np.diag([0.0, 0.0, 0.0] + [SHRINKAGE] * len(classes))
    weights = np.zeros(x.shape[1])
    for _ in range(NEWTON_STEPS):
        p = 1 / (1 + np.exp(-x @ weights))
        gradient = x.T @ (y - p) - penalty @ weights
        hessian = (x.T * (p * (1 - p))) @ x + penalty
        step = np.linalg.lstsq(hessian, gradient, rcond=None)[0]
        weights += step
        if np.abs(step).max() < 1e-9:
            break
    return ConfidenceModel(
        float(weights[0]), float(weights[1]), {kind: float(w) for kind, w in zip(classes, weights[3:])}, float(weights[2])
    )


def leave_one_out(labelled: Labelled) -> list[float]:
    """Each event's probability from the model fitted on all the others."""
    return [
        fit(labelled[:i] + labelled[i + 1 :]).probability(event.score, event.kind, event.supported) for i, event in enumerate(labelled)
    ]


def calibration_table(probabilities: Iterable[float], labelled: Labelled) -> list[tuple[str, int, int]]:
    """(bin, events, right) over CONFIDENCE_BINS."""
    rows = []
    pairs = list(zip(probabilities, (event.right for event in labelled)))
    for low, high in CONFIDENCE_BINS:
        inside = [right for p, right in pairs if low <= p < high or (p == high == CONFIDENCE_BINS[-1][1])]
        rows.append((f"[{low:.2f}, {high:.2f}{']' if high == CONFIDENCE_BINS[-1][1] else ')'}", len(inside), sum(inside)))
    return rows


def area_under_curve(probabilities: list[float], labelled: Labelled) -> float:
    """The chance that a right event is more confident than a wrong one (ties count half): how well it ranks."""
    right = [p for p, event in zip(probabilities, labelled) if event.right]
    wrong = [p for p, event in zip(probabilities, labelled) if not event.right]
    if not right or not wrong:
        return float("nan")
    return sum((r > w) + 0.5 * (r == w) for r in right for w in wrong) / (len(right) * len(wrong))


def log_loss(probabilities: list[float], labelled: Labelled) -> float:
    """The mean surprise at the answers: lower is better; always saying the base rate sets the bar."""
    return -sum(math.log(p if event.right else 1 - p) for p, event in zip(probabilities, labelled)) / len(labelled)


def write_model(path: Path, model: ConfidenceModel, events: int) -> None:
    lines = [
        "# The confidence: P(right) = 1 / (1 + exp(-(intercept + slope * evidence score + offset of the event's class",
        "# + the unsupported offset if the evidence rules set the event aside))),",
        f"# fitted by `python tools/calibration.py` on {events} events whose rightness is known.",
        "# A class not listed has no offset.",
        "# name\tvalue",
        f"intercept\t{model.intercept:.4f}",
        f"slope\t{model.slope:.4f}",
        f"unsupported\t{model.unsupported:.4f}",
    ]
    lines += [f"{kind}\t{offset:.4f}" for kind, offset in sorted(model.class_offsets.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description="Fit the confidence model on events whose rightness is known.")
    parser.add_argument("--gold", required=True, help="directory of gold JSON files (CONTRACT.md format)")
    parser.add_argument("--corpus", required=True, help="the gold documents' texts (JSON Lines)")
    parser.add_argument("--stream", help="JSON Lines of the posts the judged events come from")
    parser.add_argument("--judged", help="JSON Lines of judged events: id, event_type, trigger, verdict")
    parser.add_argument("--write", action="store_true", help="write the model to data/confidence.tsv")
    args = parser.parse_args()
    labelled = gold_labelled(args.gold, args.corpus)
    print(f"gold: {len(labelled)} events, {sum(e.right for e in labelled)} right")
    if args.stream and args.judged:
        judged, gone = judged_labelled(args.stream, args.judged)
        print(f"judged: {len(judged)} events, {sum(e.right for e in judged)} right ({gone} judged events no longer found)")
        labelled += judged
    model = fit(labelled)
    set_aside = [e for e in labelled if not e.supported]
    print(f"model: intercept {model.intercept:.4f}, slope {model.slope:.4f}, "
          f"unsupported {model.unsupported:+.4f} ({len(set_aside)} events, {sum(e.right for e in set_aside)} right)")
    for kind, offset in sorted(model.class_offsets.items(), key=lambda item: item[1]):
        print(f"  {kind}\t{offset:+.4f}\t{sum(1 for e in labelled if e.kind == kind)} events")
    held_out = leave_one_out(labelled)
    base_rate = sum(e.right for e in labelled) / len(labelled)
    print(f"leave-one-out: area under the ROC curve {area_under_curve(held_out, labelled):.3f}, "
          f"log loss {log_loss(held_out, labelled):.3f} (the base rate's: {log_loss([base_rate] * len(labelled), labelled):.3f})")
    print("leave-one-out calibration: bin, events, right, share right")
    for label, events, right in calibration_table(held_out, labelled):
        print(f"  {label}\t{events}\t{right}\t{right / events:.2f}" if events else f"  {label}\t0\t0\t-")
    if args.write:
        write_model(Path(svodka.__file__).parent / "data" / "merge" / "confidence.tsv", model, len(labelled))


if __name__ == "__main__":
    main()
