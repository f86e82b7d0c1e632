"""How often the extractor finds an event where there is none: a news stream
labelled by topic, the share of posts per topic with at least one actual event.

    python tools/stream_precision.py --stream STREAM.jsonl [--out FP.jsonl] [--limit N]

STREAM is JSON Lines in CONTRACT.md's input form plus a `topic_auto` label.
Posts on weather, science, gaming, IT, advertising, finances and business
should yield no event: each of them that does is a false positive, written to
--out with the events' types, triggers and sentences for reading.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.table import Table

from svodka.errors import SvodkaError
from svodka.ingest.common import Metadata, read_bytes
from svodka.ingest.encodings import decode_text
from svodka.ingest.jsonl import document_from_json
from svodka.model import Document, Event
from svodka.pipeline import extract

NON_CONFLICT_TOPICS = frozenset({"weather", "science", "gaming", "it", "advertisement", "finances", "business"})
TARGET_SHARE = 0.01
TOP_TRIGGERS = 20
UNLABELLED = "(none)"


@dataclass
class TopicTally:
    posts: int = 0
    with_event: int = 0

    @property
    def share(self) -> float:
        return self.with_event / self.posts if self.posts else 0.0


@dataclass
class StreamResult:
    topics: dict[str, TopicTally] = field(default_factory=dict)
    false_positive_triggers: Counter = field(default_factory=Counter)
    skipped: int = 0

    def non_conflict(self) -> TopicTally:
        chosen = [t for topic, t in self.topics.items() if topic in NON_CONFLICT_TOPICS]
        return TopicTally(sum(t.posts for t in chosen), sum(t.with_event for t in chosen))


def labelled_posts(path: Path, limit: int | None, result: StreamResult) -> Iterator[tuple[Document, str]]:
    """The stream's posts with their topics; a post that is not a valid document is counted as skipped."""
    lines = decode_text(read_bytes(path), str(path)).split("\n")
    taken = 0
    for line in lines:
        if not line.strip():
            continue
        if limit is not None and taken >= limit:
            return
        taken += 1
        try:
            document = document_from_json(line, Metadata())
        except ValueError:
            result.skipped += 1
            continue
        yield document, json.loads(line).get("topic_auto") or UNLABELLED


def actual_events(doc: Document) -> list[Event]:
    return [e for e in doc.events if e.modality == "actual"]


def false_positive_record(doc: Document, topic: str, events: list[Event]) -> dict:
    return {
        "id": doc.id,
        "topic": topic,
        "events": [
            {
                "event_type": e.event_type,
                "sub_event_type": e.sub_event_type,
                "triggers": [t.text for t in e.triggers],
                "sentences": [doc.sentence_text(i).strip() for i in e.sentences],
            }
            for e in events
        ],
    }


def measure(path: Path, limit: int | None = None, out: TextIO | None = None) -> StreamResult:
    result = StreamResult()
    for doc, topic in labelled_posts(path, limit, result):
        events = actual_events(extract(doc))
        tally = result.topics.setdefault(topic, TopicTally())
        tally.posts += 1
        tally.with_event += bool(events)
        if events and topic in NON_CONFLICT_TOPICS:
            result.false_positive_triggers.update(t.text.lower() for e in events for t in e.triggers)
            if out is not None:
                out.write(json.dumps(false_positive_record(doc, topic, events), ensure_ascii=False) + "\n")
    return result


def render(result: StreamResult, console: Console) -> None:
    table = Table(title="Posts with at least one actual event, by topic")
    for column in ("topic", "posts", "with event", "share"):
        table.add_column(column, justify="left" if column == "topic" else "right")
    for topic, tally in sorted(result.topics.items(), key=lambda item: -item[1].share):
        name = f"[bold]{topic}[/bold]" if topic in NON_CONFLICT_TOPICS else topic
        table.add_row(name, str(tally.posts), str(tally.with_event), f"{tally.share:.1%}")
    console.print(table)
    combined = result.non_conflict()
    colour = "green" if combined.share <= TARGET_SHARE else "red"
    console.print(
        f"Non-conflict topics ({', '.join(sorted(NON_CONFLICT_TOPICS))}): "
        f"[{colour}]{combined.with_event} of {combined.posts} posts = {combined.share:.2%}[/{colour}] "
        f"(target at most {TARGET_SHARE:.0%})"
    )
    if result.false_positive_triggers:
        common = ", ".join(f"{word} {n}" for word, n in result.false_positive_triggers.most_common(TOP_TRIGGERS))
        console.print(f"Most common triggers in those posts: {common}")
    if result.skipped:
        console.print(f"{result.skipped} line(s) skipped: not a valid post")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python tools/stream_precision.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stream", required=True, help="JSON Lines of posts with a topic_auto label")
    ap.add_argument("--out", help="write each non-conflict post with an actual event here (JSON Lines)")
    ap.add_argument("--limit", type=int, help="read only the first N posts")
    args = ap.parse_args(argv)
    try:
        with open(args.out, "w", encoding="utf-8") if args.out else nullcontext(None) as out:
            result = measure(Path(args.stream), args.limit, out)
    except (SvodkaError, OSError) as error:
        print(f"svodka: error: {error}", file=sys.stderr)
        return 2
    render(result, Console())
    return 0


if __name__ == "__main__":
    sys.exit(main())
