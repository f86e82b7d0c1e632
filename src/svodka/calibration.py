"""The confidence as a probability: an event's evidence score (`merge.evidence_score`)
mapped through a logistic curve fitted on events whose rightness is known.

    python -m svodka.calibration --gold ../shared/gold --corpus ../shared/corpus/ru.jsonl \\
        --stream ../shared/corpus/stream.jsonl --judged docs/calibration/stream_judged.jsonl [--write]

The events with a known answer are every actual event svodka finds in a gold
document (right when it matches a gold event, as score.py matches them) and
the stream events a person judged (`--judged`: post id, event type, the first
trigger's offsets, verdict). The fit is printed with its leave-one-out
calibration table; `--write` puts the curve in data/confidence.tsv.
"""
from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from pathlib import Path

from .evaluate import CONFIDENCE_BINS, actual_events, load_gold, match_events, parse_day, scored_predictions
from .ingest import read_documents
from .merge import evidence_score, probability
from .output import event_json
from .pipeline import extract_all

Labelled = list[tuple[float, bool]]  # (evidence score, right)
NEWTON_STEPS = 25


def gold_labelled(gold_dir: str, corpus: str) -> Labelled:
    gold = load_gold(sorted(Path(gold_dir).glob("*.json")))
    wanted = (doc for doc in read_documents(corpus) if doc.id in gold)
    labelled = []
    for doc in extract_all(wanted):
        events = []
        for event in doc.events:
            scored = event_json(event)
            scored["evidence_score"] = evidence_score(event)
            events.append(scored)
        truth = actual_events(gold[doc.id].get("events"))
        predicted = scored_predictions({"events": events}, parse_day(gold[doc.id].get("published")))
        matched = {i for i, _ in match_events(predicted, truth)}
        labelled += [(e["evidence_score"], i in matched) for i, e in enumerate(predicted)]
    return labelled


def judged_labelled(stream: str, judged: str) -> tuple[Labelled, int]:
    """The judged events svodka still finds, and how many it no longer finds."""
    with open(judged, encoding="utf-8") as f:
        verdicts = {(j["id"], j["event_type"], tuple(j["trigger"])): j["verdict"] == "right" for j in map(json.loads, f) if j}
    posts = {post_id for post_id, _, _ in verdicts}
    labelled = []
    for doc in extract_all(doc for doc in read_documents(stream) if doc.id in posts):
        for event in doc.events:
            key = (doc.id, event.event_type, (event.triggers[0].start, event.triggers[0].end))
            if event.modality == "actual" and key in verdicts:
                labelled.append((evidence_score(event), verdicts[key]))
    return labelled, len(verdicts) - len(labelled)


def fit_logistic(labelled: Labelled) -> tuple[float, float]:
    """Intercept and slope of P(right) = 1 / (1 + exp(-(intercept + slope * score))), by Newton's method."""
    a = b = 0.0
    for _ in range(NEWTON_STEPS):
        ga = gb = haa = hab = hbb = 0.0
        for score, right in labelled:
            p = probability(score, a, b)
            ga, gb = ga + (right - p), gb + (right - p) * score
            w = p * (1 - p)
            haa, hab, hbb = haa + w, hab + w * score, hbb + w * score * score
        determinant = haa * hbb - hab * hab
        if determinant <= 1e-12:
            break
        a += (hbb * ga - hab * gb) / determinant
        b += (haa * gb - hab * ga) / determinant
    return a, b


def leave_one_out(labelled: Labelled) -> list[float]:
    """Each event's probability from the curve fitted on all the others."""
    return [probability(score, *fit_logistic(labelled[:i] + labelled[i + 1 :])) for i, (score, _) in enumerate(labelled)]


def calibration_table(probabilities: Iterable[float], labelled: Labelled) -> list[tuple[str, int, int]]:
    """(bin, events, right) over CONFIDENCE_BINS."""
    rows = []
    pairs = list(zip(probabilities, (right for _, right in labelled)))
    for low, high in CONFIDENCE_BINS:
        inside = [right for p, right in pairs if low <= p < high or (p == high == CONFIDENCE_BINS[-1][1])]
        rows.append((f"[{low:.2f}, {high:.2f}{']' if high == CONFIDENCE_BINS[-1][1] else ')'}", len(inside), sum(inside)))
    return rows


def write_curve(path: Path, intercept: float, slope: float, events: int) -> None:
    path.write_text(
        "# The confidence: P(right) = 1 / (1 + exp(-(intercept + slope * evidence score))),\n"
        f"# fitted by `python -m svodka.calibration` on {events} events whose rightness is known.\n"
        "# name\tvalue\n"
        f"intercept\t{intercept:.4f}\nslope\t{slope:.4f}\n",
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="Fit the confidence curve on events whose rightness is known.")
    parser.add_argument("--gold", required=True, help="directory of gold JSON files (CONTRACT.md format)")
    parser.add_argument("--corpus", required=True, help="the gold documents' texts (JSON Lines)")
    parser.add_argument("--stream", help="JSON Lines of the posts the judged events come from")
    parser.add_argument("--judged", help="JSON Lines of judged events: id, event_type, trigger, verdict")
    parser.add_argument("--write", action="store_true", help="write the curve to data/confidence.tsv")
    args = parser.parse_args()
    labelled = gold_labelled(args.gold, args.corpus)
    print(f"gold: {len(labelled)} events, {sum(r for _, r in labelled)} right")
    if args.stream and args.judged:
        judged, gone = judged_labelled(args.stream, args.judged)
        print(f"judged: {len(judged)} events, {sum(r for _, r in judged)} right ({gone} judged events no longer found)")
        labelled += judged
    intercept, slope = fit_logistic(labelled)
    print(f"curve: intercept {intercept:.4f}, slope {slope:.4f}")
    print("leave-one-out calibration: bin, events, right, share right")
    for label, events, right in calibration_table(leave_one_out(labelled), labelled):
        print(f"  {label}\t{events}\t{right}\t{right / events:.2f}" if events else f"  {label}\t0\t0\t-")
    if args.write:
        write_curve(Path(__file__).parent / "data" / "confidence.tsv", intercept, slope, len(labelled))


if __name__ == "__main__":
    main()
