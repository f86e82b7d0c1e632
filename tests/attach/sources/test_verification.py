"""Verification remarks: unconfirmed and disputed."""
import pytest

from svodka.attach.sources.verification import find_verification

from .conftest import chains


def test_no_independent_confirmation_tolerates_misspelling(build):
    doc = build("Погибли десятки человек. Подтверждений этих данных из назависимых источников нет.")
    (mark,) = find_verification(doc)
    assert mark.kind == "unconfirmed" and mark.sentence == 1
    assert doc.span_text(mark.evidence) == "Подтверждений этих данных из назависимых источников нет"


def test_information_not_confirmed(build):
    doc = build("Информация о погибших пока не подтверждена.")
    (mark,) = find_verification(doc)
    assert mark.kind == "unconfirmed"
    assert doc.span_text(mark.evidence) == "не подтверждена"


def test_could_not_verify(build):
    doc = build("Проверить эти сведения не удалось. Редакции не удалось проверить видео.")
    (mark,) = find_verification(doc)
    assert mark.sentence == 1
    assert doc.span_text(mark.evidence) == "не удалось проверить"


def test_cannot_confirm_independently(build):
    doc = build("Взрыв прогремел у вокзала. Агентство не может независимо подтвердить эти данные.")
    (mark,) = find_verification(doc)
    assert mark.kind == "unconfirmed" and mark.sentence == 1
    assert doc.span_text(mark.evidence) == "не может независимо подтвердить"


def test_no_confirmations_yet(build):
    doc = build("Подтверждений пока нет.")
    (mark,) = find_verification(doc)
    assert mark.kind == "unconfirmed"


def test_no_official_confirmation(build):
    doc = build("Официального подтверждения этим данным пока нет.")
    (mark,) = find_verification(doc)
    assert mark.kind == "unconfirmed"
    assert doc.span_text(mark.evidence) == "Официального подтверждения этим данным пока нет"


def test_denial_by_ministry_is_disputed_and_attributed(build):
    doc = build("В МВД опровергли сообщения о погибших среди протестующих.")
    (mark,) = find_verification(doc)
    assert mark.kind == "disputed" and mark.sentence == 0
    assert doc.span_text(mark.evidence) == "опровергли"
    assert chains(doc) == [["МВД"]]


def test_not_true_is_disputed(build):
    doc = build("Эти сообщения не соответствуют действительности, заявил губернатор.")
    (mark,) = find_verification(doc)
    assert mark.kind == "disputed"
    assert doc.span_text(mark.evidence) == "не соответствуют действительности"


def test_confirmation_is_no_mark(build):
    doc = build("МВД подтвердило гибель восьми человек. Данные подтверждены независимыми источниками.")
    assert find_verification(doc) == []
    assert chains(doc) == [["МВД"]]


@pytest.mark.parametrize("text", [
    "Украинская сторона назвала сообщения о гибели мирных жителей дезинформацией.",
    "В Генштабе ВСУ назвали заявление российской стороны ложью.",
    "Киев отверг обвинения в причастности к удару.",
    "Стороны обвинили друг друга в нарушении перемирия.",
])
def test_one_side_rejecting_the_others_claim_disputes_it(build, text):
    assert [m.kind for m in find_verification(build(text))] == ["disputed"]


def test_calling_something_false_in_passing_disputes_nothing(build):
    assert find_verification(build("Его назвали ложным другом.")) == []
