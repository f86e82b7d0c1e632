"""Throughput and memory of `extract`, next to natasha's own segmentation + NER.

    python -m svodka.bench [--shared ../shared] [--corpus ru|stream|both] [--repeat-to N]

Each engine runs in its own process over the same texts, so its peak RSS is
its own; models are loaded before the clock starts in both.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time


def load_texts(path: str, repeat_to: int) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    out = list(docs)
    while len(out) < repeat_to:
        out += docs[: repeat_to - len(out)]
    return out


def run_natasha(docs: list[dict]) -> int:
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter, ner = Segmenter(), NewsNERTagger(NewsEmbedding())
    start = time.perf_counter()
    for d in docs:
        nat = Doc(d["text"])
        nat.segment(segmenter)
        nat.tag_ner(ner)
    return time.perf_counter() - start


def run_svodka(docs: list[dict]) -> tuple[float, dict]:
    from .annotate import entity_tagger
    from .ingest import parse_published
    from .model import Document
    from .pipeline import extract
    from .places import gazetteer

    entity_tagger(), gazetteer()
    start = time.perf_counter()
    events = expensive = 0
    for d in docs:
        doc = Document(str(d["id"]), d["text"], parse_published(d.get("published")))
        extract(doc)
        events += len(doc.events)
        expensive += bool(doc.triggers)
    return time.perf_counter() - start, {"events": events, "expensive_share": round(expensive / max(1, len(docs)), 3)}


def child(engine: str, path: str, repeat_to: int) -> None:
    docs = load_texts(path, repeat_to)
    extra: dict = {}
    if engine == "natasha":
        seconds = run_natasha(docs)
    else:
        seconds, extra = run_svodka(docs)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"engine": engine, "docs": len(docs), "seconds": seconds, "docs_per_s": len(docs) / seconds, "peak_rss_mb": peak_mb, **extra}))


def measure(engine: str, path: str, repeat_to: int) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "svodka.bench", "--child", engine, "--input", path, "--repeat-to", str(repeat_to)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--corpus", choices=["ru", "stream", "both"], default="both")
    ap.add_argument("--repeat-to", type=int, default=500, help="repeat ru.jsonl up to this many documents")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--input", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.input, args.repeat_to)
        return
    corpora = {"ru": (os.path.join(args.shared, "corpus", "ru.jsonl"), args.repeat_to),
               "stream": (os.path.join(args.shared, "corpus", "stream.jsonl"), 0)}
    chosen = ["ru", "stream"] if args.corpus == "both" else [args.corpus]
    for name in chosen:
        path, repeat_to = corpora[name]
        if not os.path.exists(path):
            print(f"{path}: not found, skipped")
            continue
        rows = [measure(engine, path, repeat_to) for engine in ("natasha", "svodka")]
        base = rows[0]["docs_per_s"]
        print(f"\n{name}.jsonl ({rows[0]['docs']} documents)")
        print(f"{'engine':24s} {'docs/s':>9s} {'x natasha':>10s} {'peak RSS MB':>12s}  notes")
        for r in rows:
            notes = f"events={r['events']} reached expensive stages={r['expensive_share']:.1%}" if "events" in r else ""
            print(f"{r['engine']:24s} {r['docs_per_s']:9.1f} {r['docs_per_s'] / base:10.2f} {r['peak_rss_mb']:12.0f}  {notes}")


if __name__ == "__main__":
    main()
