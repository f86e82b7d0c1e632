"""The confidence and the acceptance of candidate events, learned: a logistic model over each candidate's
features (`merge.acceptance_features`: trigger class and weight, mentions, headline, place, date, counts,
sources, actors, commentary cues, the document's genre, the evidence rules' verdict), fitted on every
candidate whose rightness is known, with its threshold and regularisation chosen by cross-validation over
the three folds of tools/folds.py.

    python tools/calibration.py --shared ../shared --judged docs/calibration/stream_judged.jsonl [--write]

The candidates with a known answer are every actual candidate event svodka finds (set aside by the
evidence rules or not) in the documents of the news gold (`gold/`, texts in `corpus/ru.jsonl`), the stream
gold (`gold-stream/`, `corpus/stream-gold.jsonl`) and the project's war sample (`evaluation/war-stream/`,
texts in `corpus/stream.jsonl` by id): right when it matches a gold event as score.py matches them. To
them come the stream candidates a person judged (`--judged`: post id, event type, the first trigger's
offsets, verdict), found again in `corpus/stream.jsonl`.

For every regularisation and threshold the model is fitted on two folds and judged on the third, and the
event F1 of each set's held-out fold is measured (score.py) against the evidence rules alone on that same
fold. The pair with the best out-of-fold F1 (the mean over the three sets) is kept if it beats the rules out
of fold, also when each held-out fold's pair is chosen on the other two folds alone (nested), by more than
MARGIN; otherwise the model only gives the confidence and the rules decide. The shipped model is fitted on
everything; `--write` puts it in data/merge/confidence.tsv. Deterministic: no sampling anywhere.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import svodka  # noqa: E402
from svodka.evaluation.scoring import CONFIDENCE_BINS, actual_events, match_events, parse_day, scored_predictions  # noqa: E402
from svodka.ingest.readers import read_documents  # noqa: E402
from svodka.merge.merging import ConfidenceModel, acceptance_features, confidence_model, document_features  # noqa: E402
from svodka.model import Document, Modality  # noqa: E402
from svodka.options import ExtractOptions  # noqa: E402
from svodka.pipeline import extract_all  # noqa: E402
from svodka.records import document_json  # noqa: E402
from tools.folds import EVALUATION, fold_of, load_scorer  # noqa: E402

EVERY_CANDIDATE = 0.0  # the min_confidence that keeps the candidates the evidence rules set aside
FOLDS = 3
NEWTON_STEPS = 50
PENALTIES = (0.3, 1.0, 3.0, 10.0, 30.0)  # the L2 penalties tried (none on the bias)
# the learned acceptance replaces the rules only when its honest (nested) out-of-fold F1 beats theirs by more
# than this: about one event of a set, below which a gain is the luck of the draw
MARGIN = 0.005
THRESHOLDS = tuple(round(0.25 + 0.05 * k, 2) for k in range(11))  # 0.25 .. 0.75
SETS = (("news", "gold", "corpus/ru.jsonl"), ("stream", "gold-stream", "corpus/stream-gold.jsonl"), ("war", None, "corpus/stream.jsonl"))
OLD_FEATURES = ("bias", "evidence", "unsupported")  # the model before: evidence score, class, the rules' verdict
# the features the model weighs (with every class's offset), of those merge.acceptance_features computes:
# the document's genre (length, candidates, types, share), the actors and the finer place features made the
# out-of-fold log loss worse; a question mark and "мы"/"наш" are no commentary cue here (war reports'
# "наши военные", a post's "Что известно?": 8 of 9 and 12 of 19 such candidates are right)
MODEL_FEATURES = OLD_FEATURES + ("weight", "mentions", "headline", "place_in_sentence", "date_stated", "counts",
                                 "modal", "opinion", "recap")


class Candidate(NamedTuple):
    set: str  # news, stream, war or judged
    doc: str  # the document's id
    index: int  # the event's position among the document's candidates
    features: dict[str, float]
    supported: bool  # the evidence rules accept it
    actual: bool
    right: bool | None  # None: not scored (not actual, or background a month older than the document)


class GoldSet(NamedTuple):
    name: str
    gold: dict  # score.py's gold, by document id
    records: dict  # document id -> document_json with every candidate
    candidates: list[Candidate]


def candidates_of(documents: Iterable[Document]) -> Iterator[tuple[Document, list[dict[str, float]]]]:
    """Each document extracted with every candidate kept, and each candidate's features as merge saw them."""
    model = confidence_model()
    for doc in extract_all(documents, ExtractOptions(min_confidence=EVERY_CANDIDATE)):
        of_document = document_features(doc, doc.events)
        features = [acceptance_features(doc, event, doc.events, of_document) for event in doc.events]
        for event, values in zip(doc.events, features):  # the features are those merge computed the confidence from
            assert round(model.probability(values), 2) == event.confidence, (doc.id, event.id)
        yield doc, features


def gold_set(name: str, gold: dict, corpus: Path) -> GoldSet:
    records, candidates = {}, []
    wanted = (doc for doc in read_documents(str(corpus)) if doc.id in gold)
    for doc, features in candidates_of(wanted):
        record = document_json(doc)
        records[doc.id] = record
        for i, event in enumerate(record["events"]):
            event["_index"] = i
        truth = actual_events(gold[doc.id].get("events"))
        scored = scored_predictions(record, parse_day(gold[doc.id].get("published")))
        matched = {scored[i]["_index"] for i, _ in match_events(scored, truth)}
        scored_ids = {e["_index"] for e in scored}
        for i, event in enumerate(doc.events):
            actual = event.modality == Modality.ACTUAL
            right = (i in matched) if i in scored_ids else None
            candidates.append(Candidate(name, doc.id, i, features[i], event.supported, actual, right))
    return GoldSet(name, gold, records, candidates)


def judged_candidates(stream: Path, judged: Path, skip: set[str]) -> tuple[list[Candidate], int]:
    """The judged events svodka still finds (posts of a gold set left out), and how many it no longer finds."""
    with judged.open(encoding="utf-8") as f:
        verdicts = {(j["id"], j["event_type"], tuple(j["trigger"])): j["verdict"] == "right"
                    for j in map(json.loads, f) if j and j["id"] not in skip}
    posts = {post_id for post_id, _, _ in verdicts}
    found = []
    for doc, features in candidates_of(doc for doc in read_documents(str(stream)) if doc.id in posts):
        for i, event in enumerate(doc.events):
            key = (doc.id, event.event_type, (event.triggers[0].start, event.triggers[0].end))
            if event.modality == Modality.ACTUAL and key in verdicts:
                found.append(Candidate("judged", doc.id, i, features[i], event.supported, True, verdicts[key]))
    return found, len(verdicts) - len(found)


# --- the model ---------------------------------------------------------------


def feature_names(candidates: list[Candidate], base: tuple[str, ...] = MODEL_FEATURES) -> list[str]:
    kinds = sorted({name for c in candidates for name in c.features if name.startswith("kind=")})
    return list(base) + kinds


def design(candidates: list[Candidate], names: list[str]) -> np.ndarray:
    column = {name: k for k, name in enumerate(names)}
    x = np.zeros((len(candidates), len(names)))
    for i, c in enumerate(candidates):
        for name, value in c.features.items():
            if name in column:
                x[i, column[name]] = value
    return x


def fit(candidates: list[Candidate], penalty: float, names: list[str] | None = None) -> ConfidenceModel:
    """The weights of the greatest penalised likelihood (L2 on all but the bias; Newton's method)."""
    names = names or feature_names(candidates)
    x = design(candidates, names)
    y = np.array([bool(c.right) for c in candidates], dtype=float)
    shrink = np.full(len(names), penalty)
    shrink[names.index("bias")] = 0.0
    weights = np.zeros(len(names))
    for _ in range(NEWTON_STEPS):
        p = 1 / (1 + np.exp(-np.clip(x @ weights, -30, 30)))
        gradient = x.T @ (y - p) - shrink * weights
        hessian = (x.T * (p * (1 - p))) @ x + np.diag(shrink) + 1e-9 * np.eye(len(names))
        step = np.linalg.solve(hessian, gradient)
        weights += step
        if np.abs(step).max() < 1e-9:
            break
    return ConfidenceModel({name: float(w) for name, w in zip(names, weights)})


def labelled(candidates: Iterable[Candidate]) -> list[Candidate]:
    return [c for c in candidates if c.actual and c.right is not None]


def out_of_fold(candidates: list[Candidate], penalty: float, base: tuple[str, ...] = MODEL_FEATURES) -> dict[tuple, float]:
    """Each candidate's probability (by set, document and index) from the model fitted on the other folds."""
    probabilities = {}
    folds = sorted({fold_of(c.doc, FOLDS) for c in candidates})
    for k in folds:
        train = labelled(c for c in candidates if fold_of(c.doc, FOLDS) != k)
        model = fit(train, penalty, feature_names(train, base))
        for c in candidates:
            if fold_of(c.doc, FOLDS) == k:
                probabilities[(c.set, c.doc, c.index)] = model.probability(c.features)
    return probabilities


def choose(scorer, sets: list[GoldSet], candidates: list[Candidate], folds: set[int]) -> tuple[float, float, float]:
    """(mean F1, penalty, threshold) of the best pair by cross-validation over `folds` alone."""
    mine = [c for c in candidates if fold_of(c.doc, FOLDS) in folds]
    best = None
    for penalty in PENALTIES:
        probabilities = out_of_fold(mine, penalty)
        for threshold in THRESHOLDS:
            keep = model_keep(probabilities, threshold)
            score = sum(pooled_f1([r for k, r in enumerate(tallies(scorer, s, keep)) if k in folds]) for s in sets) / len(sets)
            if best is None or score > best[0] + 1e-12:
                best = (score, penalty, threshold)
    return best


def nested(scorer, sets: list[GoldSet], candidates: list[Candidate]) -> tuple[dict[str, list], list[tuple[float, float]]]:
    """The honest out-of-fold figures: for each held-out fold, the penalty and threshold are chosen by
    cross-validation on the other two folds alone, the model fitted on them, and the fold measured."""
    rows = {s.name: [None] * FOLDS for s in sets}
    chosen = []
    for k in range(FOLDS):
        _, penalty, threshold = choose(scorer, sets, candidates, set(range(FOLDS)) - {k})
        chosen.append((penalty, threshold))
        train = labelled(c for c in candidates if fold_of(c.doc, FOLDS) != k)
        model = fit(train, penalty)
        probabilities = {(c.set, c.doc, c.index): model.probability(c.features) for c in candidates if fold_of(c.doc, FOLDS) == k}
        keep = model_keep(probabilities, threshold)
        for s in sets:
            part = GoldSet(s.name, s.gold, s.records, [c for c in s.candidates if fold_of(c.doc, FOLDS) == k])
            rows[s.name][k] = tallies(scorer, part, keep)[k]
    return rows, chosen


# --- event F1 as score.py counts it --------------------------------------------


def chosen_records(gold_set: GoldSet, keep) -> dict:
    """Every document's record with only the candidates `keep(candidate)` accepts."""
    by_doc: dict[str, list[Candidate]] = {}
    for c in gold_set.candidates:
        by_doc.setdefault(c.doc, []).append(c)
    records = {}
    for doc_id, record in gold_set.records.items():
        kept = {c.index for c in by_doc.get(doc_id, []) if keep(c)}
        records[doc_id] = dict(record, events=[e for i, e in enumerate(record["events"]) if i in kept])
    return records


def tallies(scorer, gold_set: GoldSet, keep) -> list[tuple[int, int, int]]:
    """(tp, fp, fn) of each fold."""
    pred = chosen_records(gold_set, keep)
    rows = []
    for k in range(FOLDS):
        part = {doc_id: g for doc_id, g in gold_set.gold.items() if fold_of(doc_id, FOLDS) == k}
        totals, _ = scorer.score(part, pred)
        rows.append((totals["tp"], totals["fp"], totals["fn"]))
    return rows


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def pooled_f1(rows: list[tuple[int, int, int]]) -> float:
    return f1(*(sum(r[i] for r in rows) for i in range(3)))


def rules_keep(c: Candidate) -> bool:
    return c.supported


def model_keep(probabilities: dict, threshold: float):
    def keep(c: Candidate) -> bool:
        if not c.actual:
            return c.supported
        return round(probabilities.get((c.set, c.doc, c.index), 0.0), 2) >= threshold
    return keep


# --- figures of a probability ------------------------------------------------------


def calibration_table(probabilities: list[float], rights: list[bool]) -> list[tuple[str, int, int]]:
    """(bin, events, right) over CONFIDENCE_BINS."""
    rows = []
    pairs = list(zip(probabilities, rights))
    for low, high in CONFIDENCE_BINS:
        inside = [right for p, right in pairs if low <= p < high or (p == high == CONFIDENCE_BINS[-1][1])]
        rows.append((f"[{low:.2f}, {high:.2f}{']' if high == CONFIDENCE_BINS[-1][1] else ')'}", len(inside), sum(inside)))
    return rows


def area_under_curve(probabilities: list[float], rights: list[bool]) -> float:
    """The chance that a right event is more confident than a wrong one (ties count half): how well it ranks."""
    order = sorted(zip(probabilities, rights))
    right_total = sum(rights)
    wrong_total = len(rights) - right_total
    if not right_total or not wrong_total:
        return float("nan")
    wins, wrong_below, k = 0.0, 0, 0
    while k < len(order):
        j = k
        while j < len(order) and order[j][0] == order[k][0]:
            j += 1
        tied_right = sum(r for _, r in order[k:j])
        tied_wrong = (j - k) - tied_right
        wins += tied_right * (wrong_below + 0.5 * tied_wrong)
        wrong_below += tied_wrong
        k = j
    return wins / (right_total * wrong_total)


def log_loss(probabilities: list[float], rights: list[bool]) -> float:
    """The mean surprise at the answers: lower is better; always saying the base rate sets the bar."""
    eps = 1e-6
    return -sum(math.log(max(p, eps) if r else max(1 - p, eps)) for p, r in zip(probabilities, rights)) / len(rights)


def write_model(path: Path, model: ConfidenceModel, events: int, note: str) -> None:
    lines = [
        "# The confidence: P(right) = 1 / (1 + exp(-(the sum of weight * value over the features of",
        "# merge.acceptance_features))): bias is the intercept, kind=<class> a class's offset (a class not",
        "# listed has none). With a threshold, an actual event is output when P >= threshold; without one,",
        "# the evidence rules (merge.supported) decide.",
        f"# Fitted by `python tools/calibration.py --write` on {events} candidate events whose rightness is known;",
        f"# {note}",
        "# name\tvalue",
    ]
    if model.threshold is not None:
        lines.append(f"threshold\t{model.threshold:.2f}")
    lines += [f"{name}\t{weight:.4f}" for name, weight in model.weights.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--judged", type=Path, help="JSON Lines of judged stream events: id, event_type, trigger, verdict")
    parser.add_argument("--write", action="store_true", help="write the model to data/merge/confidence.tsv")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.shared)
    sets = []
    for name, gold_dir, corpus in SETS:
        gold = scorer.load_gold([str(args.shared / gold_dir if gold_dir else EVALUATION / "war-stream")])
        sets.append(gold_set(name, gold, args.shared / corpus))
    everything = [c for s in sets for c in s.candidates]
    if args.judged:
        judged, gone = judged_candidates(args.shared / "corpus/stream.jsonl", args.judged, {c.doc for c in everything} | {d for s in sets for d in s.gold})
        print(f"judged: {len(judged)} events, {sum(c.right for c in judged)} right ({gone} judged events no longer found or in a gold set)")
        everything += judged
    known = labelled(everything)
    for s in sets:
        mine = labelled(s.candidates)
        print(f"{s.name}: {len(s.gold)} documents, {len(mine)} scored candidates, {sum(c.right for c in mine)} right, "
              f"{sum(not c.supported for c in mine)} set aside by the rules")

    # cross-validation: every penalty and threshold, fitted on two folds, measured on the third
    rules = {s.name: tallies(scorer, s, rules_keep) for s in sets}
    rules_score = sum(pooled_f1(rules[s.name]) for s in sets) / len(sets)
    print(f"\nrules alone, out-of-fold event F1 (mean of the sets' F1): {rules_score:.4f}")
    print("penalty threshold  news  stream  war   mean")
    best = None
    cache = {}
    for penalty in PENALTIES:
        cache[penalty] = probabilities = out_of_fold(everything, penalty)
        for threshold in THRESHOLDS:
            rows = {s.name: tallies(scorer, s, model_keep(probabilities, threshold)) for s in sets}
            per_set = [pooled_f1(rows[s.name]) for s in sets]
            score = sum(per_set) / len(per_set)
            print(f"{penalty:7.1f} {threshold:9.2f} " + " ".join(f"{v:6.3f}" for v in per_set) + f" {score:6.4f}")
            if best is None or score > best[0] + 1e-12:
                best = (score, penalty, threshold, rows)
    score, penalty, threshold, rows = best
    print(f"\nbest: penalty {penalty}, threshold {threshold}: out-of-fold F1 {score:.4f} (rules {rules_score:.4f})")
    print_table(sets, rules, rows, "the best pair")
    honest, chosen = nested(scorer, sets, everything)
    honest_score = sum(pooled_f1(honest[s.name]) for s in sets) / len(sets)
    print(f"\nnested: each held-out fold's penalty and threshold chosen on the other two folds alone: "
          f"{', '.join(f'fold {k}: {p} / {t}' for k, (p, t) in enumerate(chosen))}; out-of-fold F1 {honest_score:.4f} (rules {rules_score:.4f})")
    print_table(sets, rules, honest, "nested")

    keep = score > rules_score + MARGIN and honest_score > rules_score + MARGIN
    # the confidence out of fold: the learned model against the one before (evidence score, class, verdict);
    # when the rules keep deciding, the penalty is the one of the best out-of-fold log loss
    rights = [bool(c.right) for c in known]
    losses = {p: log_loss([cache[p][(c.set, c.doc, c.index)] for c in known], rights) for p in PENALTIES}
    print("\nout-of-fold log loss by penalty: " + ", ".join(f"{p}: {v:.4f}" for p, v in losses.items()))
    if not keep:
        penalty = min(PENALTIES, key=losses.get)
    learned = [cache[penalty][(c.set, c.doc, c.index)] for c in known]
    old = out_of_fold(everything, 1.0, OLD_FEATURES)
    before = [old[(c.set, c.doc, c.index)] for c in known]
    base_rate = sum(rights) / len(rights)
    print(f"out-of-fold confidence (penalty {penalty}) over {len(known)} candidates: AUC {area_under_curve(learned, rights):.3f} "
          f"(before {area_under_curve(before, rights):.3f}), log loss {log_loss(learned, rights):.3f} "
          f"(before {log_loss(before, rights):.3f}, base rate {log_loss([base_rate] * len(rights), rights):.3f})")
    print("out-of-fold calibration: bin, events, right, share right")
    for label, events, right in calibration_table(learned, rights):
        print(f"  {label}\t{events}\t{right}\t{right / events:.2f}" if events else f"  {label}\t0\t0\t-")

    model = fit(known, penalty)
    if keep:
        model = ConfidenceModel(model.weights, threshold)
        note = (f"acceptance P >= {threshold} (penalty {penalty}): out-of-fold F1 {score:.4f}, nested {honest_score:.4f}, "
                f"the rules' {rules_score:.4f}.")
    else:
        note = (f"penalty {penalty}; the rules decide acceptance: the learned one did not beat them out of fold "
                f"({score:.4f}, nested {honest_score:.4f}, against {rules_score:.4f}).")
    print(f"\nshipped: {note}")
    for name, weight in sorted(model.weights.items(), key=lambda item: item[1]):
        print(f"  {name}\t{weight:+.3f}")
    if args.write:
        write_model(Path(svodka.__file__).parent / "data" / "merge" / "confidence.tsv", model, len(known), note)


def print_table(sets: list[GoldSet], rules: dict, rows: dict, label: str) -> None:
    print(f"held-out fold  set     rules F1 (P / R)        {label}: F1 (P / R)     tp/fp/fn rules -> learned")
    for s in sets:
        for k in range(FOLDS):
            a, b = rules[s.name][k], rows[s.name][k]
            print(f"fold {k}        {s.name:7s} {f1(*a):.3f} ({prec(a):.3f} / {rec(a):.3f})   "
                  f"{f1(*b):.3f} ({prec(b):.3f} / {rec(b):.3f})   {a} -> {b}")
        a = tuple(sum(r[i] for r in rules[s.name]) for i in range(3))
        b = tuple(sum(r[i] for r in rows[s.name]) for i in range(3))
        print(f"all folds     {s.name:7s} {f1(*a):.3f} ({prec(a):.3f} / {rec(a):.3f})   {f1(*b):.3f} ({prec(b):.3f} / {rec(b):.3f})   {a} -> {b}")


def prec(row: tuple[int, int, int]) -> float:
    return row[0] / (row[0] + row[1]) if row[0] + row[1] else 0.0


def rec(row: tuple[int, int, int]) -> float:
    return row[0] / (row[0] + row[2]) if row[0] + row[2] else 0.0


if __name__ == "__main__":
    main()
