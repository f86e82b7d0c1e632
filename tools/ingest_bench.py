"""Ingest throughput: `python tools/ingest_bench.py --shared /work/shared`.

Stores the shared corpus, repeated until it holds at least --documents
documents (each copy ends with its own line, so none is a duplicate), in a
temporary store, and prints documents/s and the peak resident memory.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from itertools import count
from pathlib import Path

from svodka.dataset.store import Store
from svodka.dataset.writer import ingest
from svodka.errors import SvodkaError


def repeated_corpus(corpus: Path, target: int, out: Path) -> int:
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    written = 0
    with out.open("w", encoding="utf-8") as stream:
        for copy in count():
            for record in records:
                if written >= target:
                    return written
                text = f"{record['text']}\n\nКопия {copy} для замера скорости."
                stream.write(json.dumps({**record, "id": f"{record['id']}#{copy}", "text": text}, ensure_ascii=False) + "\n")
                written += 1
    return written


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default="../shared", help="the shared folder holding corpus/ru.jsonl")
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=0)
    args = parser.parse_args(argv)
    corpus = Path(args.shared) / "corpus" / "ru.jsonl"
    if not corpus.is_file():
        print(f"ingest_bench: no corpus at {corpus}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "corpus.jsonl"
        total = repeated_corpus(corpus, args.documents, source)
        started = time.perf_counter()
        try:
            with Store.open(str(Path(folder) / "bench.db")) as store:
                summary = ingest([str(source)], store, workers=args.workers,
                                 on_error=lambda message: print(f"skipped: {message}", file=sys.stderr))
                linked = store.counts()["linked_events"]
        except SvodkaError as error:
            print(f"ingest_bench: {error}", file=sys.stderr)
            return 2
        elapsed = time.perf_counter() - started
    print(f"documents: {summary.stored} of {total} stored, events: {summary.events}, linked events: {linked}")
    print(f"time: {elapsed:.1f} s, {summary.stored / elapsed:.2f} documents/s")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
