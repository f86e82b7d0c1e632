"""The confidence model is fitted, cross-validated, checked and written as `python tools/calibration.py` does."""
import json
import math
import random

from svodka.merge.merging import ConfidenceModel
from tests.helpers import SHARED, needs_shared
from tools.calibration import (
    Candidate,
    GoldSet,
    MODEL_FEATURES,
    area_under_curve,
    calibration_table,
    fit,
    judged_candidates,
    log_loss,
    model_keep,
    out_of_fold,
    rules_keep,
    tallies,
    write_model,
)

DRAWN = ConfidenceModel({"bias": -2.0, "evidence": 4.0, "unsupported": -1.5, "modal": -2.0, "kind=arrest": 0.8, "kind=attack": -0.8})


def features(rng: random.Random) -> dict[str, float]:
    return {"bias": 1.0, "evidence": rng.random(), "unsupported": float(rng.random() < 0.3), "modal": float(rng.random() < 0.2),
            f"kind={rng.choice(['arrest', 'attack'])}": 1.0}


def sampled(model: ConfidenceModel, n: int = 6000) -> list[Candidate]:
    rng = random.Random(7)
    drawn = []
    for i in range(n):
        f = features(rng)
        drawn.append(Candidate("news", f"d{i}", 0, f, f["unsupported"] == 0.0, True, rng.random() < model.probability(f)))
    return drawn


def test_the_fit_recovers_the_model_the_events_were_drawn_from():
    model = fit(sampled(DRAWN), penalty=1.0)
    assert abs(model.weights["evidence"] - 4.0) < 0.5
    assert abs(model.weights["unsupported"] + 1.5) < 0.3 and abs(model.weights["modal"] + 2.0) < 0.4
    assert abs((model.weights["kind=arrest"] - model.weights["kind=attack"]) - 1.6) < 0.3
    probe = {"bias": 1.0, "evidence": 0.5, "kind=arrest": 1.0}
    assert abs(model.probability(probe) - DRAWN.probability(probe)) < 0.05


def test_a_class_seen_once_is_pulled_towards_no_offset():
    rng = random.Random(3)
    drawn = [Candidate("news", f"d{i}", 0, {"bias": 1.0, "evidence": 0.5, "kind=arrest": 1.0}, True, True, rng.random() < 0.8) for i in range(200)]
    drawn.append(Candidate("news", "x", 0, {"bias": 1.0, "evidence": 0.5, "kind=regain": 1.0}, True, True, False))
    assert -1.0 < fit(drawn, penalty=1.0).weights["kind=regain"] < 0.0


def test_out_of_fold_probabilities_come_from_models_that_never_saw_the_fold():
    drawn = sampled(DRAWN, 300)
    probabilities = out_of_fold(drawn, 1.0, ("bias", "evidence", "unsupported", "modal"))
    assert len(probabilities) == 300
    flipped = [c._replace(right=not c.right) if c.doc == "d0" else c for c in drawn]  # d0's own label does not move its probability
    assert math.isclose(out_of_fold(flipped, 1.0, ("bias", "evidence", "unsupported", "modal"))[("news", "d0", 0)], probabilities[("news", "d0", 0)])


def test_the_table_counts_events_and_right_ones_per_bin():
    rows = calibration_table([0.2, 0.3, 0.6, 1.0], [False, True, False, True])
    assert rows == [("[0.00, 0.50)", 2, 1), ("[0.50, 0.70)", 1, 0), ("[0.70, 0.85)", 0, 0), ("[0.85, 1.00]", 1, 1)]


def test_ranking_figures():
    rights = [False, True, False, True]
    assert area_under_curve([0.1, 0.9, 0.2, 0.8], rights) == 1.0
    assert area_under_curve([0.9, 0.1, 0.8, 0.2], rights) == 0.0
    assert area_under_curve([0.5, 0.5, 0.5, 0.5], rights) == 0.5
    assert math.isclose(log_loss([0.5] * 4, rights), math.log(2))
    assert log_loss([0.1, 0.9, 0.2, 0.8], rights) < log_loss([0.5] * 4, rights)


@needs_shared()
def test_tallies_score_the_candidates_each_choice_keeps():
    from tools.folds import fold_of, load_scorer

    scorer = load_scorer(SHARED)
    event = {"event_type": "Protests", "sub_event_type": "Peaceful protest", "date": "2024-11-20", "modality": "actual",
             "location": {"name": "Бишкек", "country": "KG", "lat": 42.87, "lon": 74.59}}
    gold = {"p": {"doc": "p", "published": "2024-11-20", "events": [event]}}
    records = {"p": {"id": "p", "events": [event, dict(event, event_type="Riots")]}}
    right = Candidate("news", "p", 0, {}, False, True, True)
    wrong = Candidate("news", "p", 1, {}, True, True, False)
    gold_set = GoldSet("news", gold, records, [right, wrong])
    k = fold_of("p", 3)
    assert tallies(scorer, gold_set, rules_keep)[k] == (0, 1, 1)
    keep = model_keep({("news", "p", 0): 0.9, ("news", "p", 1): 0.2}, 0.5)
    assert tallies(scorer, gold_set, keep)[k] == (1, 0, 0)


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
    found, gone = judged_candidates(stream, judged, set())
    assert [(c.features.get("kind=intervention"), c.supported, c.right) for c in found] == [(1.0, True, True)] and gone == 1
    assert judged_candidates(stream, judged, {"p1"}) == ([], 0)  # a post of a gold set is left to its gold


def test_the_written_model_is_the_one_confidence_reads(tmp_path, monkeypatch):
    import svodka.lexicon
    import svodka.merge.merging

    path = tmp_path / "confidence.tsv"
    for written in (ConfidenceModel({"bias": -1.25, "evidence": 3.5, "kind=arrest": 0.5}),
                    ConfidenceModel({"bias": -1.25, "modal": -2.0}, threshold=0.45)):
        write_model(path, written, 10, "a test.")
        monkeypatch.setattr(svodka.lexicon, "data_rows", lambda name: [line.split("\t") for line in path.read_text().splitlines() if not line.startswith("#")])
        monkeypatch.setattr(svodka.merge.merging, "data_rows", svodka.lexicon.data_rows)
        assert svodka.merge.merging.load_confidence_model() == written  # what Resources.confidence_model holds


def test_the_model_weighs_the_features_it_names():
    assert {"bias", "evidence", "unsupported"} <= set(MODEL_FEATURES)
    drawn = sampled(DRAWN, 400)
    assert set(fit(drawn, 1.0, ["bias", "evidence"]).weights) == {"bias", "evidence"}


@needs_shared()
def test_on_the_news_gold_the_confident_candidates_are_right_more_often_than_the_rest():
    from svodka.merge.merging import confidence_model
    from tools.calibration import gold_set, labelled
    from tools.folds import load_scorer

    scorer = load_scorer(SHARED)
    known = labelled(gold_set("news", scorer.load_gold([str(SHARED / "gold")]), SHARED / "corpus" / "ru.jsonl").candidates)
    model = confidence_model()
    top = [c.right for c in known if model.probability(c.features) >= 0.85]
    low = [c.right for c in known if model.probability(c.features) < 0.5]
    rest = [c.right for c in known if model.probability(c.features) < 0.85]
    assert top and rest and sum(top) / len(top) > sum(rest) / len(rest)
    assert low and sum(low) / len(low) < sum(top) / len(top)
