"""The confidence curve is fitted, checked and written as `python -m svodka.calibration` does."""
import json
import math
import random

from svodka.calibration import calibration_table, fit, judged_labelled, leave_one_out, write_model
from svodka.merge import ConfidenceModel

from .conftest import SHARED, needs_shared


def sampled(model: ConfidenceModel, n: int = 6000) -> list[tuple[float, str, bool]]:
    rng = random.Random(7)
    labelled = []
    for _ in range(n):
        score, kind = rng.random(), rng.choice(["arrest", "attack"])
        labelled.append((score, kind, rng.random() < model.probability(score, kind)))
    return labelled


def test_the_fit_recovers_the_model_the_events_were_drawn_from():
    model = fit(sampled(ConfidenceModel(-2.0, 4.0, {"arrest": 0.8, "attack": -0.8})))
    assert abs(model.slope - 4.0) < 0.5
    assert abs((model.class_offsets["arrest"] - model.class_offsets["attack"]) - 1.6) < 0.3
    assert abs(model.probability(0.5, "arrest") - ConfidenceModel(-2.0, 4.0, {"arrest": 0.8}).probability(0.5, "arrest")) < 0.05


def test_events_right_as_often_whatever_their_score_give_a_flat_model_at_their_share():
    labelled = [(s / 10, "protest", i % 4 != 0) for i, s in enumerate(range(10)) for _ in range(8)]
    model = fit(labelled)
    assert abs(model.slope) < 1.0
    assert abs(model.probability(0.5, "protest") - sum(r for _, _, r in labelled) / len(labelled)) < 0.05


def test_a_class_seen_once_is_pulled_towards_no_offset():
    labelled = [(0.5, "arrest", i % 5 != 0) for i in range(200)] + [(0.5, "regain", False)]
    assert -1.0 < fit(labelled).class_offsets["regain"] < 0.0


def test_the_table_counts_events_and_right_ones_per_bin():
    labelled = [(0.0, "arrest", False), (0.0, "arrest", True), (0.0, "arrest", False), (1.0, "arrest", True)]
    rows = calibration_table([0.2, 0.3, 0.6, 1.0], labelled)
    assert rows == [("[0.00, 0.50)", 2, 1), ("[0.50, 0.70)", 1, 0), ("[0.70, 0.85)", 0, 0), ("[0.85, 1.00]", 1, 1)]


def test_leave_one_out_predicts_each_event_without_it():
    labelled = sampled(ConfidenceModel(-1.0, 3.0, {"attack": -0.5}), 200)
    held_out = leave_one_out(labelled)
    assert len(held_out) == 200
    assert math.isclose(held_out[0], fit(labelled[1:]).probability(labelled[0][0], labelled[0][1]))


def test_a_judged_event_is_found_again_by_its_post_type_and_trigger(tmp_path):
    text = "В Новосибирске полиция задержала двух участников пикета. Пикет прошел у здания мэрии."
    stream = tmp_path / "stream.jsonl"
    stream.write_text(json.dumps({"id": "p1", "text": text, "published": "2024-11-20"}, ensure_ascii=False) + "\n", encoding="utf-8")
    start = text.index("задержала")  # the first trigger of the protest with detentions
    judged = tmp_path / "judged.jsonl"
    judged.write_text(
        json.dumps({"id": "p1", "event_type": "Protests", "trigger": [start, start + len("задержала")], "verdict": "right"}) + "\n"
        + json.dumps({"id": "p1", "event_type": "Riots", "trigger": [0, 5], "verdict": "wrong"}) + "\n",
        encoding="utf-8",
    )
    labelled, gone = judged_labelled(str(stream), str(judged))
    assert [(kind, right) for _, kind, right in labelled] == [("intervention", True)] and gone == 1


def test_the_written_model_is_the_one_confidence_reads(tmp_path, monkeypatch):
    import svodka.lexicon
    import svodka.merge

    path = tmp_path / "confidence.tsv"
    written = ConfidenceModel(-1.25, 3.5, {"arrest": 0.5, "attack": -0.75})
    write_model(path, written, 10)
    monkeypatch.setattr(svodka.lexicon, "data_rows", lambda name: [line.split("\t") for line in path.read_text().splitlines() if not line.startswith("#")])
    monkeypatch.setattr(svodka.merge, "data_rows", svodka.lexicon.data_rows)
    svodka.merge.confidence_model.cache_clear()
    try:
        assert svodka.merge.confidence_model() == written
    finally:
        svodka.merge.confidence_model.cache_clear()


@needs_shared()
def test_on_the_gold_the_events_of_the_top_bin_are_right_more_often_than_the_rest():
    from svodka.calibration import gold_labelled
    from svodka.merge import confidence_model

    labelled = gold_labelled(str(SHARED / "gold"), str(SHARED / "corpus" / "ru.jsonl"))
    top = [right for score, kind, right in labelled if confidence_model().probability(score, kind) >= 0.85]
    rest = [right for score, kind, right in labelled if confidence_model().probability(score, kind) < 0.85]
    assert top and rest and sum(top) / len(top) > sum(rest) / len(rest)
