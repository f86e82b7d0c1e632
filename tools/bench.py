"""Throughput and memory of `extract`, next to natasha's own segmentation + NER.

    python tools/bench.py [--shared ../shared] [--corpus ru|stream|both] [--repeat-to N] [--limit N]

Each engine runs in its own process over the same texts, so its peak RSS is
its own; models are loaded before the clock starts, except on the Dask
cluster, whose workers start and load theirs inside the timed run (the
startup column says how long that takes alone). Every process does its
numeric work on one BLAS thread: on a shared machine OpenBLAS's own thread
pool spends more time waiting than working, for natasha as for svodka.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator

ENGINES = ("natasha", "svodka", "svodka-dask")
DASK_WORKERS = 2


def load_texts(path: str, repeat_to: int, limit: int | None) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    out = list(docs)
    while len(out) < repeat_to:
        out += docs[: repeat_to - len(out)]
    return out[:limit] if limit else out


def documents_of(records: list[dict]) -> Iterator:
    """Documents made one at a time, so that a run holds only the batch in hand, as a real one does."""
    from svodka.ingest.common import parse_published
    from svodka.model import Document

    return (Document(str(d["id"]), d["text"], parse_published(d.get("published"))) for d in records)


def run_natasha(records: list[dict]) -> tuple[float, dict]:
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter, ner = Segmenter(), NewsNERTagger(NewsEmbedding())
    start, cpu = time.perf_counter(), time.process_time()
    for d in records:
        nat = Doc(d["text"])
        nat.segment(segmenter)
        nat.tag_ner(ner)
    return time.perf_counter() - start, {"cpu_seconds": time.process_time() - cpu}


def run_svodka(records: list[dict]) -> tuple[float, dict]:
    from svodka.pipeline import extract_all
    from svodka.resources import Resources

    Resources.shared().preload()
    events = tokenised = reached_ner = 0
    start, cpu = time.perf_counter(), time.process_time()
    for doc in extract_all(documents_of(records)):
        events += len(doc.events)
        tokenised += bool(doc.sentences)
        reached_ner += bool(doc.triggers)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    share = len(records) or 1
    return seconds, {"cpu_seconds": cpu, "events": events, "tokenised": tokenised / share, "reached_ner": reached_ner / share}


def run_dask(records: list[dict]) -> tuple[float, dict]:
    from svodka.scale import extract_records

    startup = time.perf_counter()
    try:
        list(extract_records(documents_of(records[:1]), workers=DASK_WORKERS))
    except NotImplementedError as error:
        return 0.0, {"unavailable": str(error)}
    startup = time.perf_counter() - startup
    start = time.perf_counter()
    events = sum(len(r["result"]["events"]) for r in extract_records(documents_of(records), workers=DASK_WORKERS))
    return time.perf_counter() - start, {"events": events, "startup_s": startup}


RUNNERS = {"natasha": run_natasha, "svodka": run_svodka, "svodka-dask": run_dask}


def child(engine: str, path: str, repeat_to: int, limit: int | None) -> None:
    records = load_texts(path, repeat_to, limit)
    seconds, extra = RUNNERS[engine](records)
    # RUSAGE_CHILDREN: the largest reaped descendant, i.e. a Dask worker.
    peak_kb = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    result = {"engine": engine, "docs": len(records), "seconds": seconds, "peak_rss_mb": peak_kb / 1024, **extra}
    result["docs_per_s"] = len(records) / seconds if seconds else None
    print(json.dumps(result))


def measure(engine: str, path: str, repeat_to: int, limit: int | None) -> dict:
    command = [sys.executable, __file__, "--child", engine, "--input", path, "--repeat-to", str(repeat_to)]
    if limit:
        command += ["--limit", str(limit)]
    environment = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    result = subprocess.run(command, capture_output=True, text=True, env=environment)
    if result.returncode:
        return {"engine": engine, "unavailable": result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed"}
    return json.loads(result.stdout.strip().splitlines()[-1])


def notes(row: dict) -> str:
    if "unavailable" in row:
        return f"n/a: {row['unavailable']}"
    parts = []
    if "events" in row:
        parts.append(f"events={row['events']}")
    if "reached_ner" in row:
        parts.append(f"tokenised={row['tokenised']:.1%} reached NER={row['reached_ner']:.1%}")
    if "startup_s" in row:
        parts.append(f"startup={row['startup_s']:.1f}s (included)")
    return " ".join(parts)


def print_table(name: str, rows: list[dict]) -> None:
    """Wall-clock docs/s and its ratio to natasha; then the ratio of CPU seconds, which a machine
    shared with other jobs disturbs less (a Dask cluster's CPU is in its workers: not shown)."""
    base, base_cpu = rows[0].get("docs_per_s"), rows[0].get("cpu_seconds")
    print(f"\n{name} ({rows[0].get('docs', '?')} documents)")
    print(f"{'engine':14s} {'docs/s':>8s} {'x natasha':>10s} {'x (CPU)':>8s} {'peak RSS MB':>12s}  notes")
    for r in rows:
        if r.get("docs_per_s") is None:
            print(f"{r['engine']:14s} {'n/a':>8s} {'n/a':>10s} {'n/a':>8s} {'n/a':>12s}  {notes(r)}")
            continue
        ratio = f"{r['docs_per_s'] / base:10.2f}" if base else f"{'n/a':>10s}"
        cpu = f"{base_cpu / r['cpu_seconds']:8.2f}" if base_cpu and r.get("cpu_seconds") else f"{'n/a':>8s}"
        print(f"{r['engine']:14s} {r['docs_per_s']:8.1f} {ratio} {cpu} {r['peak_rss_mb']:12.0f}  {notes(r)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--corpus", choices=["ru", "stream", "both"], default="both")
    ap.add_argument("--repeat-to", type=int, default=500, help="repeat ru.jsonl up to this many documents")
    ap.add_argument("--limit", type=int, help="use only the first N documents of each corpus, for a quick run")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--input", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.input, args.repeat_to, args.limit)
        return
    corpora = {"ru.jsonl": (os.path.join(args.shared, "corpus", "ru.jsonl"), args.repeat_to),
               "stream.jsonl": (os.path.join(args.shared, "corpus", "stream.jsonl"), 0)}
    chosen = ["ru.jsonl", "stream.jsonl"] if args.corpus == "both" else [f"{args.corpus}.jsonl"]
    for name in chosen:
        path, repeat_to = corpora[name]
        if not os.path.exists(path):
            print(f"{path}: not found, skipped")
            continue
        print_table(name, [measure(engine, path, repeat_to, args.limit) for engine in ENGINES])


if __name__ == "__main__":
    main()
