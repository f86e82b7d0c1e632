"""The confidence curve is fitted, checked and written as `python -m svodka.calibration` does."""
import json
import random

from svodka.calibration import calibration_table, fit_logistic, judged_labelled, leave_one_out, write_curve
from svodka.merge import probability

from .conftest import SHARED, needs_shared


def sampled(intercept: float, slope: float, n: int = 4000) -> list[tuple[float, bool]]:
    rng = random.Random(7)
    scores = [rng.random() for _ in range(n)]
    return [(s, rng.random() < probability(s, intercept, slope)) for s in scores]


def test_the_fit_recovers_the_curve_the_events_were_drawn_from():
    intercept, slope = fit_logistic(sampled(-2.0, 4.0))
    assert abs(intercept + 2.0) < 0.3 and abs(slope - 4.0) < 0.5


def test_events_all_right_or_all_wrong_alike_give_a_flat_curve_at_their_share():
    labelled = [(s / 10, i % 4 != 0) for i, s in enumerate(range(10)) for _ in range(8)]
    intercept, slope = fit_logistic(labelled)
    assert abs(slope) < 1.0
    assert abs(probability(0.5, intercept, slope) - sum(r for _, r in labelled) / len(labelled)) < 0.05


def test_the_table_counts_events_and_right_ones_per_bin():
    labelled = [(0.0, False), (0.0, True), (0.0, False), (1.0, True)]
    rows = calibration_table([0.2, 0.3, 0.6, 1.0], labelled)
    assert rows == [("[0.00, 0.50)", 2, 1), ("[0.50, 0.70)", 1, 0), ("[0.70, 0.85)", 0, 0), ("[0.85, 1.00]", 1, 1)]


def test_leave_one_out_predicts_each_event_without_it():
    labelled = sampled(-1.0, 3.0, 200)
    held_out = leave_one_out(labelled)
    assert len(held_out) == 200
    assert held_out[0] == probability(labelled[0][0], *fit_logistic(labelled[1:]))


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
    assert [right for _, right in labelled] == [True] and gone == 1


def test_the_written_curve_is_the_one_confidence_reads(tmp_path, monkeypatch):
    import svodka.lexicon
    import svodka.merge

    path = tmp_path / "confidence.tsv"
    write_curve(path, -1.25, 3.5, 10)
    monkeypatch.setattr(svodka.lexicon, "data_rows", lambda name: [line.split("\t") for line in path.read_text().splitlines() if not line.startswith("#")])
    monkeypatch.setattr(svodka.merge, "data_rows", svodka.lexicon.data_rows)
    svodka.merge.confidence_curve.cache_clear()
    try:
        assert svodka.merge.confidence_curve() == (-1.25, 3.5)
    finally:
        svodka.merge.confidence_curve.cache_clear()


@needs_shared()
def test_on_the_gold_the_events_of_the_top_bin_are_right_more_often_than_the_rest():
    from svodka.calibration import gold_labelled
    from svodka.merge import confidence_curve

    labelled = gold_labelled(str(SHARED / "gold"), str(SHARED / "corpus" / "ru.jsonl"))
    top = [right for score, right in labelled if probability(score, *confidence_curve()) >= 0.85]
    rest = [right for score, right in labelled if probability(score, *confidence_curve()) < 0.85]
    assert top and rest and sum(top) / len(top) > sum(rest) / len(rest)
