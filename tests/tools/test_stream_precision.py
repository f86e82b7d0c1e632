"""Per-topic share of posts with an actual event, on a tiny composed stream."""
import json

import pytest

from tools.stream_precision import main, measure

PROTEST = "В центре Минска прошел митинг оппозиции. Полиция задержала пятерых участников акции."
POSTS = [
    {"id": "w1", "text": "Завтра в Москве ожидается снег, температура опустится до минус десяти градусов.", "topic_auto": "weather"},
    {"id": "b1", "text": PROTEST, "topic_auto": "business"},
    {"id": "p1", "text": PROTEST, "topic_auto": "political"},
    {"id": "s1", "text": "Учёные открыли новый вид лягушек в Бразилии.", "topic_auto": "science"},
    {"id": "i1", "text": "Оппозиция планирует провести митинг в Минске в субботу.", "topic_auto": "it"},  # planned, not actual
    {"id": "x1", "topic_auto": "it"},  # no text: skipped
]


@pytest.fixture
def stream(tmp_path):
    path = tmp_path / "stream.jsonl"
    path.write_text("\n".join(json.dumps(dict(p, published="2024-12-01"), ensure_ascii=False) for p in POSTS) + "\n", encoding="utf-8")
    return path


def test_topics_count_posts_with_an_actual_event(stream, tmp_path):
    out = tmp_path / "fp.jsonl"
    with out.open("w", encoding="utf-8") as sink:
        result = measure(stream, out=sink)
    assert {topic: (t.posts, t.with_event) for topic, t in result.topics.items()} == {
        "weather": (1, 0), "business": (1, 1), "political": (1, 1), "science": (1, 0), "it": (1, 0)}
    combined = result.non_conflict()
    assert (combined.posts, combined.with_event, combined.share) == (4, 1, 0.25)
    assert result.skipped == 1
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert (record["id"], record["topic"]) == ("b1", "business")
    (event,) = record["events"]
    assert event["event_type"] == "Protests" and "митинг" in event["triggers"]
    assert any("митинг оппозиции" in sentence for sentence in event["sentences"])
    assert result.false_positive_triggers["митинг"] == 1


def test_limit_reads_only_the_first_posts(stream):
    result = measure(stream, limit=2)
    assert {topic: t.posts for topic, t in result.topics.items()} == {"weather": 1, "business": 1}


def test_main_prints_the_non_conflict_share_and_common_triggers(stream, capsys):
    assert main(["--stream", str(stream)]) == 0
    printed = " ".join(capsys.readouterr().out.split())
    assert "1 of 4 posts = 25.00%" in printed and "митинг 1" in printed


def test_a_missing_stream_is_one_line_error(tmp_path, capsys):
    assert main(["--stream", str(tmp_path / "missing.jsonl")]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("svodka: error:")
