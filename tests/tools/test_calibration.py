"""The confidence curve is fitted, checked and written as `python -m svodka.calibration` does."""
import json
import math
import random

from svodka.merge.merging import ConfidenceModel
from tests.helpers import SHARED, needs_shared
from tools.calibration import (
    KnownEvent,
    area_under_curve,
    calibration_table,
    fit,
    judged_labelled,
    leave_one_out,
    log_loss,
    write_model,
)


def sampled(model: ConfidenceModel, n: int = 6000) -> list[KnownEvent]:
    rng = random.Random(7)
    labelled = []
    for _ in range(n):
        score, kind, supported = rng.random(), rng.choice(["arrest", "attack"]), rng.random() < 0.7
        labelled.append(KnownEvent(score, kind, supported, rng.random() < model.probability(score, kind, supported)))
    return labelled


def test_the_fit_recovers_the_model_the_events_were_drawn_from():
    model = fit(sampled(ConfidenceModel(-2.0, 4.0, {"arrest": 0.8, "attack": -0.8}, unsupported=-1.5)))
    assert abs(model.slope - 4.0) < 0.5
    assert abs(model.unsupported + 1.5) < 0.3
    assert abs((model.class_offsets["arrest"] - model.class_offsets["attack"]) - 1.6) < 0.3
    assert abs(model.probability(0.5, "arrest") - ConfidenceModel(-2.0, 4.0, {"arrest": 0.8}).probability(0.5, "arrest")) < 0.05


def test_events_right_as_often_whatever_their_score_give_a_flat_model_at_their_share():
    labelled = [KnownEvent(s / 10, "protest", True, i % 4 != 0) for i, s in enumerate(range(10)) for _ in range(8)]
    model = fit(labelled)
    assert abs(model.slope) < 1.0
    assert abs(model.probability(0.5, "protest") - sum(e.right for e in labelled) / len(labelled)) < 0.05


def test_events_the_rules_set_aside_that_are_mostly_wrong_fall_below_one_half():
    accepted = [KnownEvent(0.6, "attack", True, i % 5 != 0) for i in range(100)]
    set_aside = [KnownEvent(0.6, "attack", False, i % 4 == 0) for i in range(100)]
    model = fit(accepted + set_aside)
    assert model.probability(0.6, "attack", False) < 0.5 < model.probability(0.6, "attack", True)


def test_a_class_seen_once_is_pulled_towards_no_offset():
    labelled = [KnownEvent(0.5, "arrest", True, i % 5 != 0) for i in range(200)] + [KnownEvent(0.5, "regain", True, False)]
    assert -1.0 < fit(labelled).class_offsets["regain"] < 0.0


def test_the_table_counts_events_and_right_ones_per_bin():
    labelled = [KnownEvent(0.0, "arrest", True, right) for right in (False, True, False, True)]
    rows = calibration_table([0.2, 0.3, 0.6, 1.0], labelled)
    assert rows == [("[0.00, 0.50)", 2, 1), ("[0.50, 0.70)", 1, 0), ("[0.70, 0.85)", 0, 0), ("[0.85, 1.00]", 1, 1)]


def test_ranking_figures():
    labelled = [KnownEvent(0.0, "arrest", True, right) for right in (False, True, False, True)]
    assert area_under_curve([0.1, 0.9, 0.2, 0.8], labelled) == 1.0
    assert area_under_curve([0.9, 0.1, 0.8, 0.2], labelled) == 0.0
    assert area_under_curve([0.5, 0.5, 0.5, 0.5], labelled) == 0.5
    assert math.isclose(log_loss([0.5] * 4, labelled), math.log(2))
    assert log_loss([0.1, 0.9, 0.2, 0.8], labelled) < log_loss([0.5] * 4, labelled)


def test_leave_one_out_predicts_each_event_without_it():
    labelled = sampled(ConfidenceModel(-1.0, 3.0, {"attack": -0.5}, unsupported=-1.0), 200)
    held_out = leave_one_out(labelled)
    first = labelled[0]
    assert len(held_out) == 200
    assert math.isclose(held_out[0], fit(labelled[1:]).probability(first.score, first.kind, first.supported))


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
    assert [(e.kind, e.supported, e.right) for e in labelled] == [("intervention", True, True)] and gone == 1


def test_a_judged_event_the_rules_set_aside_is_found_too(tmp_path):
    text = "Жители вышли на улицу в Барнауле."
    stream = tmp_path / "stream.jsonl"
    stream.write_text(json.dumps({"id": "p2", "text": text, "published": "2024-11-20"}, ensure_ascii=False) + "\n", encoding="utf-8")
    start = text.index("вышли")
    judged = tmp_path / "judged.jsonl"
    judged.write_text(json.dumps({"id": "p2", "event_type": "Protests", "trigger": [start, start + len("вышли на улицу")],
                                  "verdict": "wrong"}) + "\n", encoding="utf-8")
    labelled, gone = judged_labelled(str(stream), str(judged))
    assert [(e.kind, e.supported, e.right) for e in labelled] == [("protest", False, False)] and gone == 0


def test_the_written_model_is_the_one_confidence_reads(tmp_path, monkeypatch):
    import svodka.lexicon
    import svodka.merge.merging

    path = tmp_path / "confidence.tsv"
    written = ConfidenceModel(-1.25, 3.5, {"arrest": 0.5, "attack": -0.75}, unsupported=-2.0)
    write_model(path, written, 10)
    monkeypatch.setattr(svodka.lexicon, "data_rows", lambda name: [line.split("\t") for line in path.read_text().splitlines() if not line.startswith("#")])
    monkeypatch.setattr(svodka.merge.merging, "data_rows", svodka.lexicon.data_rows)
    assert svodka.merge.merging.load_confidence_model() == written  # what Resources.confidence_model holds


@needs_shared()
def test_on_the_gold_the_events_of_the_top_bin_are_right_more_often_than_the_rest():
    from svodka.merge.merging import confidence_model
    from tools.calibration import gold_labelled

    labelled = gold_labelled(str(SHARED / "gold"), str(SHARED / "corpus" / "ru.jsonl"))
    model = confidence_model()
    top = [e.right for e in labelled if model.probability(e.score, e.kind, e.supported) >= 0.85]
    rest = [e.right for e in labelled if model.probability(e.score, e.kind, e.supported) < 0.85]
    assert top and rest and sum(top) / len(top) > sum(rest) / len(rest)


@needs_shared()
def test_on_the_gold_the_candidates_below_one_half_are_mostly_wrong():
    from svodka.merge.merging import confidence_model
    from tools.calibration import gold_labelled

    labelled = gold_labelled(str(SHARED / "gold"), str(SHARED / "corpus" / "ru.jsonl"))
    model = confidence_model()
    low = [e.right for e in labelled if model.probability(e.score, e.kind, e.supported) < 0.5]
    assert low and sum(low) < len(low) / 2
