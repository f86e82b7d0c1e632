"""The confidence model: the features merge computes for each candidate event, the shipped model file,
and what it makes of a clear report and of commentary (texts composed for these tests)."""
from datetime import date

import pytest

import svodka.merge.merging as merging
from svodka.merge.merging import ACCEPTANCE_FEATURES, ConfidenceModel, acceptance_features, confidence_model
from svodka.model import Document, Modality
from svodka.options import ExtractOptions
from svodka.pipeline import extract_all
from svodka.resources import Resources

REPORT = (
    "В Бишкеке полиция задержала 15 участников митинга у здания парламента.\n\n"
    "Митинг против повышения тарифов прошёл в среду, сообщило МВД Киргизии. Участники митинга требовали отставки мэра."
)
COMMENTARY = (
    "Мне кажется, власти должны были бы думать, прежде чем разгонять митинг. "
    "Нельзя так обращаться с людьми, считаю я."
)
PUBLISHED = date(2024, 11, 21)


def candidates(text: str):
    (doc,) = extract_all([Document("t", text, PUBLISHED)], ExtractOptions(min_confidence=0.0))
    return doc, [e for e in doc.events if e.modality == Modality.ACTUAL]


def test_the_shipped_model_loads_with_a_weight_for_what_it_was_fitted_on():
    model = confidence_model()
    assert {"bias", "evidence", "unsupported", "weight", "mentions", "modal"} <= set(model.weights)
    assert set(model.weights) - {f"kind={k}" for k in merging.event_classes()} <= set(ACCEPTANCE_FEATURES)
    assert model.threshold is None or 0 < model.threshold < 1
    assert model.weights["modal"] < 0 < model.weights["weight"]


def test_the_features_of_a_clear_report():
    doc, (event,) = candidates(REPORT)
    features = acceptance_features(doc, event, doc.events)
    assert set(ACCEPTANCE_FEATURES) <= set(features) and features[f"kind={event.kind}"] == 1.0
    assert all(0.0 <= value <= 1.5 for value in features.values())
    assert features["headline"] == features["place_in_sentence"] == features["date_stated"] == features["counts"] == 1.0
    assert features["mentions"] == 1.0  # told four times or more
    assert features["modal"] == features["opinion"] == features["no_place"] == features["unsupported"] == 0.0
    assert features["sources"] == 1.0 and features["candidates"] == 0.1


def test_commentary_cues_are_read_in_the_events_own_sentences():
    doc, (event,) = candidates(COMMENTARY)
    features = acceptance_features(doc, event, doc.events)
    assert features["modal"] == features["opinion"] == 1.0  # "должны", "кажется"
    assert features["counts"] == features["date_stated"] == 0.0


def test_the_shipped_model_is_sure_of_a_clear_report_and_doubts_commentary():
    _, (report,) = candidates(REPORT)
    doc, (comment,) = candidates(COMMENTARY)
    assert report.confidence >= 0.85 > 0.5 > comment.confidence
    # and for its features: the same commentary without its cues would be more probable
    features = acceptance_features(doc, comment, doc.events)
    plain = dict(features, modal=0.0, opinion=0.0)
    assert confidence_model().probability(plain) > confidence_model().probability(features) + 0.2


def test_min_confidence_keeps_the_report_and_drops_the_commentary():
    docs = [Document("a", REPORT, PUBLISHED), Document("b", COMMENTARY, PUBLISHED)]
    kept = {doc.id: len(doc.events) for doc in extract_all(docs, ExtractOptions(min_confidence=0.5))}
    assert kept == {"a": 1, "b": 0}


@pytest.fixture
def thresholded(monkeypatch):
    def use(threshold):
        model = ConfidenceModel(dict(confidence_model().weights), threshold)
        monkeypatch.setitem(Resources.shared().__dict__, "confidence_model", model)  # the cached_property's slot
    return use


def test_with_a_threshold_the_model_decides_acceptance(thresholded):
    thresholded(0.5)
    (report,) = extract_all([Document("a", REPORT, PUBLISHED)])
    (comment,) = extract_all([Document("b", COMMENTARY, PUBLISHED)])
    assert len(report.events) == 1 and comment.events == []
    thresholded(0.05)  # a low threshold accepts it again
    (comment,) = extract_all([Document("b", COMMENTARY, PUBLISHED)])
    assert len(comment.events) == 1


def test_without_a_threshold_the_rules_decide(thresholded):
    thresholded(None)
    (comment,) = extract_all([Document("b", COMMENTARY, PUBLISHED)])
    assert [e.supported for e in comment.events] == [True] and comment.events[0].confidence < 0.5
