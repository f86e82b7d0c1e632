"""`svodka eval`: the shared scorer's definitions, on gold and predictions composed here."""
import json
import subprocess
import sys

import pytest

from svodka.evaluation.scoring import (
    evaluate,
    load_gold,
    load_predictions,
    match_events,
)
from tests.helpers import SHARED, needs_shared

MINSK = {"name": "Минск", "country": "BY", "lat": 53.9, "lon": 27.567, "precision": "city"}
GOMEL = {"name": "Гомель", "country": "BY", "lat": 52.43, "lon": 30.98, "precision": "city"}
DONETSK = {"name": "Донецк", "country": "UA", "lat": 48.0, "lon": 37.8, "precision": "city"}
LVIV = {"name": "Львов", "country": "UA", "lat": 49.84, "lon": 24.03, "precision": "city"}
KHARKIV = {"name": "Харьков", "country": "UA", "lat": 49.99, "lon": 36.23, "precision": "city"}


def event(event_type, sub_event_type, **fields):
    return {"event_type": event_type, "sub_event_type": sub_event_type, **fields}


def exact(n):
    return {"min": n, "max": n}


GOLD = {
    "a": {
        "doc": "corpus/ru/a.txt",
        "published": "2024-03-10",
        "events": [
            event("Protests", "Peaceful protest", date="2024-03-09", location=MINSK, arrested=exact(5),
                  sources=["Вясна"], verification="unconfirmed"),
            event("Battles", "Armed clash", alt_types=["Riots"], date="2024-03-08", location=GOMEL,
                  fatalities=exact(2), verification="unconfirmed"),
            event("Protests", "Peaceful protest", modality="planned", date="2024-03-12", location=MINSK),
        ],
    },
    "b": {
        "doc": "corpus/ru/b.txt",
        "events": [
            event("Violence against civilians", "Attack", date=None,
                  location={"name": "Украина", "country": "UA", "precision": "country"}, sources=["ООН"]),
            event("Battles", "Armed clash", date="2024-02-01", location=DONETSK),
        ],
    },
    "c": {
        "doc": "corpus/ru/c.txt",
        "events": [event("Protests", "Peaceful protest", location={"name": "Москва", "country": "RU", "lat": 55.75, "lon": 37.62, "precision": "city"})],
    },
}

PRED = [
    {"id": "a", "events": [
        event("Protests", "Protest with intervention", modality="actual", date="2024-03-10", location=dict(MINSK, lat=53.91),
              arrested={"min": 3, "max": 6}, crowd=exact(100), sources=[{"chain": ["Вясна", "РБК"]}],
              verification="unconfirmed", confidence=1.0),
        event("Riots", "Violent demonstration", date="2024-03-08", location={"name": "г. Гомель", "country": "BY"}, confidence=0.6),
        event("Battles", "Armed clash", date="2024-01-01", location=GOMEL, confidence=0.95),  # background: over 30 days old
        event("Explosions/Remote violence", "Shelling/artillery/missile attack", date="2024-03-10",
              location={"name": "Витебск", "country": "BY", "lat": 55.19, "lon": 30.2}, confidence=0.3),
        event("Protests", "Peaceful protest", modality="denied", location=MINSK, confidence=0.9),
    ]},
    {"id": "b", "events": [
        event("Violence against civilians", "Attack", date="2024-02-02", location=KHARKIV, injured={"min": 0, "max": 0},
              sources=[{"chain": ["Reuters"]}], confidence=0.75),
        event("Battles", "Armed clash", date="2024-02-01", location=LVIV, confidence=0.55),
    ]},
    {"id": "z", "events": [event("Protests", "Peaceful protest", location=MINSK, confidence=0.99)]},
]

# Worked out by hand from the fixture above (see the comments in each test).
EXPECTED_SUMMARY = {
    "docs": 3, "missing_docs": 1, "tp": 3, "fp": 2, "fn": 2,
    "precision": 0.6, "recall": 0.6, "f1": 0.6,
    "sub_event_accuracy": 0.333, "date_accuracy": 0.5, "place_accuracy": 0.75,
    "count_accuracy": 0.5, "fatalities_accuracy": 0.0, "injured_accuracy": 1.0, "arrested_accuracy": 1.0, "crowd_accuracy": 0.0,
    "source_recall": 0.5, "source_precision": 0.333, "unconfirmed_recall": 0.5, "f1_ignoring_place": 0.8,
}


@pytest.fixture
def files(tmp_path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for name, gold in GOLD.items():
        (gold_dir / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in PRED) + "\n", encoding="utf-8")
    return gold_dir, pred


def svodka(*args):
    return subprocess.run([sys.executable, "-m", "svodka.cli.main", *args], capture_output=True, text=True, timeout=300)


def test_summary_matches_the_hand_count(files):
    # a: P1~G1 (Minsk, 1 km), P2~G2 (Riots is an alt type; same name), P4 unmatched; the background
    #    and the denied event are not scored, nor the planned gold event.
    # b: P6~G4 (the gold place is the whole country); P7 is Lviv for Donetsk: a match only ignoring place.
    # c: no prediction, one event missed.  z: no gold, not scored.
    gold_dir, pred = files
    summary = evaluate(load_gold([gold_dir]), load_predictions(pred)).summary()
    assert summary == EXPECTED_SUMMARY


def test_each_count_slot_is_scored_where_either_side_has_it(files):
    # arrested 3..6 overlaps 5; crowd 100 where the gold has none; fatalities missed;
    # injured 0..0 where the gold has none is right
    gold_dir, pred = files
    slots = evaluate(load_gold([gold_dir]), load_predictions(pred)).slots
    assert {slot: (r.right, r.total) for slot, r in slots.items()} == {
        "fatalities": (0, 1), "injured": (1, 1), "arrested": (1, 1), "crowd": (0, 1)}


def test_calibration_bins_only_scored_events_on_gold_documents(files):
    # scored: P1 1.0 hit, P2 0.6 hit, P4 0.3 miss, P6 0.75 hit, P7 0.55 miss;
    # the background (0.95), the denied event (0.9) and document z (0.99) are left out
    gold_dir, pred = files
    bins = evaluate(load_gold([gold_dir]), load_predictions(pred)).calibration
    assert [(b.label, b.events, b.matched) for b in bins] == [
        ("[0.00, 0.50)", 1, 0), ("[0.50, 0.70)", 2, 1), ("[0.70, 0.85)", 1, 1), ("[0.85, 1.00]", 1, 1)]
    assert [b.match_rate for b in bins] == [0.0, 0.5, 1.0, 1.0]


def test_per_document_breakdown(files):
    gold_dir, pred = files
    docs = evaluate(load_gold([gold_dir]), load_predictions(pred)).documents
    assert [(d.doc_id, d.gold, d.predicted, d.tp, d.fp, d.fn, d.in_predictions) for d in docs] == [
        ("a", 2, 3, 2, 1, 0, True), ("b", 2, 2, 1, 1, 1, True), ("c", 1, 0, 0, 0, 1, False)]


def test_the_best_agreeing_pair_is_matched_first():
    predicted = [event("Protests", "Peaceful protest")]
    gold = [event("Riots", "Mob violence", alt_types=["Protests"]), event("Protests", "Peaceful protest")]
    assert match_events(predicted, gold) == [(0, 1)]


def test_predictions_load_as_one_document_a_list_or_json_lines(tmp_path):
    single, listed = tmp_path / "one.json", tmp_path / "list.json"
    single.write_text(json.dumps(PRED[0], ensure_ascii=False, indent=2), encoding="utf-8")
    listed.write_text(json.dumps(PRED, ensure_ascii=False, indent=2), encoding="utf-8")
    assert list(load_predictions(single)) == ["a"]
    assert list(load_predictions(listed)) == ["a", "b", "z"]


def test_cli_json_has_summary_documents_and_calibration(files):
    gold_dir, pred = files
    result = svodka("eval", "--gold", str(gold_dir), "--pred", str(pred), "--json", "--per-doc", "--calibration")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["summary"] == EXPECTED_SUMMARY
    assert [d["id"] for d in report["documents"]] == ["a", "b", "c"]
    assert [b["events"] for b in report["calibration"]] == [1, 2, 1, 1]


def test_cli_tables_name_every_figure(files):
    gold_dir, pred = files
    result = svodka("eval", "--gold", str(gold_dir / "a.json"), "--gold", str(gold_dir / "b.json"), "--pred", str(pred),
                    "--per-doc", "--calibration")
    assert result.returncode == 0, result.stderr
    for text in ("arrested_accuracy", "f1_ignoring_place", "share matched", "[0.85, 1.00]", "2 gold documents"):
        assert text in result.stdout


@pytest.mark.parametrize(
    "gold, pred, message",
    [
        ("missing", "pred", "no such file"),
        ("gold", "missing", "no such file"),
        ("gold", "broken", "invalid JSON"),
        ("broken", "pred", "invalid JSON"),
        ("gold", "not_documents", "expected documents"),
        ("empty_dir", "pred", "no gold files"),
        ("gold", None, "exactly one of --pred and --input"),
    ],
)
def test_bad_input_gets_one_line_and_a_non_zero_exit(files, tmp_path, gold, pred, message):
    gold_dir, pred_file = files
    (tmp_path / "broken").write_text('{"doc": "x", "events": [', encoding="utf-8")
    (tmp_path / "not_documents").write_text("[1, 2]", encoding="utf-8")
    (tmp_path / "empty_dir").mkdir()
    paths = {"gold": gold_dir, "pred": pred_file}
    args = ["eval", "--gold", str(paths.get(gold, tmp_path / gold))]
    if pred is not None:
        args += ["--pred", str(paths.get(pred, tmp_path / pred))]
    result = svodka(*args)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("svodka: error:") and message in lines[0], result.stderr


def test_input_runs_the_extractor(tmp_path):
    text = tmp_path / "minsk.txt"
    text.write_text("В центре Минска прошел митинг оппозиции. Полиция задержала пятерых участников акции.\n", encoding="utf-8")
    gold = tmp_path / "minsk.json"
    gold.write_text(json.dumps({"doc": "corpus/minsk.txt", "events": [
        event("Protests", "Protest with intervention", location=MINSK, arrested=exact(5))]}, ensure_ascii=False), encoding="utf-8")
    result = svodka("eval", "--gold", str(gold), "--input", str(text), "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)["summary"]
    assert (summary["tp"], summary["missing_docs"], summary["arrested_accuracy"]) == (1, 0, 1.0)


def shared_scorer(gold, pred) -> dict:
    result = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "--gold", str(gold), "--pred", str(pred), "--json"],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def assert_agrees_with_shared_scorer(gold, pred) -> None:
    ours = evaluate(load_gold([gold]), load_predictions(pred)).summary()
    theirs = shared_scorer(gold, pred)
    assert {key: ours[key] for key in theirs} == theirs


@needs_shared()
def test_agrees_with_the_shared_scorer_on_the_composed_files(files):
    assert_agrees_with_shared_scorer(*files)


@needs_shared()
def test_agrees_with_the_shared_scorer_on_the_shared_gold(tmp_path):
    pred = tmp_path / "pred.jsonl"
    extracted = svodka("extract", str(SHARED / "corpus" / "ru.jsonl"), "--format", "jsonl")
    assert extracted.returncode == 0, extracted.stderr
    pred.write_text(extracted.stdout, encoding="utf-8")
    assert_agrees_with_shared_scorer(SHARED / "gold", pred)
