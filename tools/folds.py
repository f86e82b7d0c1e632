"""Score the extractor fold by fold on the visible gold, for out-of-fold discipline.

    python tools/folds.py --shared ../shared [--folds 3] [--svodka .venv/bin/svodka] [--json]

Every gold document (``gold/`` and ``gold-stream/``) falls into one of K folds
by a hash of its id, so the split never changes and needs no list. A rule is
written against the errors of one fold (its "dev" fold) and kept only when it
does not lower the others. The tool runs ``svodka extract`` once on
``corpus/ru.jsonl`` and ``corpus/stream-gold.jsonl`` and prints score.py's
summary for every fold of each gold set, and for the whole set. The project's
own war sample (``evaluation/war-stream/``: stream posts coded blind by
ANNOTATION.md, ids and offsets only) is scored the same way, its texts read
from ``corpus/stream.jsonl`` by id, and so is its held-out sample
(``evaluation/war-stream-heldout/``), which no rule is written from.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

SETS = (("news", "gold", "corpus/ru.jsonl"), ("stream", "gold-stream", "corpus/stream-gold.jsonl"))
EVALUATION = Path(__file__).resolve().parents[1] / "evaluation"
OWN_SETS = (("war", EVALUATION / "war-stream"), ("heldout", EVALUATION / "war-stream-heldout"))
OWN_CORPUS = "corpus/stream.jsonl"
FIGURES = ("f1", "precision", "recall", "count_accuracy", "date_accuracy", "sub_event_accuracy",
           "source_recall", "place_accuracy", "unconfirmed_recall")


def fold_of(doc_id: str, folds: int) -> int:
    """The fold a document belongs to: stable across runs and machines."""
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % folds


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("score", shared / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def summarise(scorer, gold: dict, pred: dict) -> dict:
    totals, _ = scorer.score(gold, pred)
    summary = scorer.summary(totals)
    loose = scorer.score(gold, pred, use_place=False)[0]
    summary["place_accuracy"] = scorer.ratio(loose["place_ok"], loose["tp"])
    return summary


def extract(svodka: str, corpus: Path, out: Path) -> None:
    with out.open("w", encoding="utf-8") as sink:
        subprocess.run([svodka, "extract", str(corpus), "--format", "jsonl"], stdout=sink, check=True)


def select_documents(corpus: Path, ids: set[str], out: Path) -> None:
    """The lines of a JSON Lines corpus whose id is one of `ids`, copied to `out`."""
    with corpus.open(encoding="utf-8") as lines, out.open("w", encoding="utf-8") as sink:
        for line in lines:
            if json.loads(line)["id"] in ids:
                sink.write(line)


def fold_table(scorer, gold_dir: Path, pred_path: Path, folds: int) -> dict[str, dict]:
    gold = scorer.load_gold([str(gold_dir)])
    pred = scorer.load_pred(str(pred_path))
    table = {"all": summarise(scorer, gold, pred)}
    for k in range(folds):
        part = {doc_id: g for doc_id, g in gold.items() if fold_of(doc_id, folds) == k}
        table[f"fold{k}"] = summarise(scorer, part, pred)
    return table


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--svodka", default=str(Path(sys.executable).with_name("svodka")))
    parser.add_argument("--json", action="store_true", help="print the tables as JSON")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.shared)
    result = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, gold_dir, corpus in SETS:
            pred = Path(tmp) / f"{name}.jsonl"
            extract(args.svodka, args.shared / corpus, pred)
            result[name] = fold_table(scorer, args.shared / gold_dir, pred, args.folds)
        for name, gold_dir in OWN_SETS:
            if not gold_dir.is_dir():
                continue
            posts, pred = Path(tmp) / f"{name}-posts.jsonl", Path(tmp) / f"{name}.jsonl"
            select_documents(args.shared / OWN_CORPUS, {p.stem for p in gold_dir.glob("*.json")}, posts)
            extract(args.svodka, posts, pred)
            result[name] = fold_table(scorer, gold_dir, pred, args.folds)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return
    for name, table in result.items():
        print(f"{name:7s} {'part':6s} " + " ".join(f"{f[:9]:>9s}" for f in FIGURES) + "   tp  fp  fn")
        for part, s in table.items():
            cells = " ".join(f"{s[f]:9.3f}" if s[f] is not None else f"{'-':>9s}" for f in FIGURES)
            print(f"{'':7s} {part:6s} {cells}  {s['tp']:3d} {s['fp']:3d} {s['fn']:3d}")


if __name__ == "__main__":
    main()
