"""The extractor end to end on a live blog written for the tests."""
from datetime import date

import pytest

from svodka.model import COUNT_SLOTS, Document
from svodka.output import document_json
from svodka.pipeline import extract

LIVE_BLOG = """Протесты в Бишкеке
Вечером во вторник в центре Бишкека собрались несколько тысяч человек, сообщает "24.kg". Участники акции требовали отставки главы избиркома.
Милиция разогнала митинг
По данным МВД Киргизии, милиция применила слезоточивый газ и задержала свыше 120 участников акции. Подтверждений этому из независимых источников нет.
В Оше утром в среду группа молодых людей подожгла здание городской администрации и разграбила магазины. Погибших нет.
Оппозиция намерена провести новый митинг в пятницу.
"""


@pytest.fixture(scope="module")
def doc():
    return extract(Document("blog", LIVE_BLOG, date(2024, 11, 6)))


def spans(doc):
    """Every evidence span of the output, with the value it backs (None where the value is a normal form)."""
    for e in document_json(doc)["events"]:
        if e["location"]:
            yield e["location"]["evidence"], None
        for slot in COUNT_SLOTS:
            if e[slot]:
                yield e[slot]["evidence"], e[slot]["text"]
        for a in e["actors"]:
            yield a["evidence"], a["name"]
        for t in e["triggers"]:
            yield t["evidence"], t["text"]
        for span in e["evidence"]:
            yield span, None


def test_every_evidence_span_slices_to_its_value(doc):
    checked = 0
    for (start, end), value in spans(doc):
        assert 0 <= start < end <= len(doc.text)
        if value is not None:
            assert doc.text[start:end] == value
        checked += 1
    assert checked > 10


def test_the_protest_and_its_dispersal_are_one_event_with_intervention(doc):
    protests = [e for e in doc.events if e.event_type == "Protests" and e.modality == "actual"]
    assert len(protests) == 1
    (protest,) = protests
    assert protest.sub_event_type == "Protest with intervention"
    assert protest.location.place.name == "Бишкек" and protest.location.place.country == "KG"
    assert protest.date == date(2024, 11, 5)
    assert (protest.arrested.min, protest.arrested.max) == (121, None)
    assert protest.verification == "unconfirmed"
    assert any("МВД Киргизии" in s.chain for s in protest.sources)


def test_place_evidence_names_the_place_in_the_text(doc):
    located = {doc.text[e.location.start : e.location.end]: e.location.place.name for e in doc.events if e.location}
    assert located.get("Бишкека") == "Бишкек" and located.get("Оше") == "Ош"


def test_a_riot_elsewhere_is_its_own_event_with_a_zero_count(doc):
    riots = [e for e in doc.events if e.location and e.location.place.name == "Ош"]
    assert riots and riots[0].event_type == "Riots"
    assert riots[0].date == date(2024, 11, 6)
    assert (riots[0].fatalities.min, riots[0].fatalities.max) == (0, 0)


def test_a_planned_rally_is_not_actual(doc):
    planned = [e for e in doc.events if e.modality == "planned"]
    assert planned and planned[0].event_type == "Protests"


def test_a_text_with_no_event_costs_no_ner():
    doc = extract(Document("x", "Курс рубля вырос. Завтра ожидается снег и гололедица."))
    assert doc.events == [] and doc.mentions == []


def test_detentions_told_beside_a_protest_are_its_arrests_not_a_second_event():
    text = "В Гомеле прошел митинг против повышения тарифов. Правозащитники говорят о десятках задержанных."
    doc = extract(Document("g", text, date(2024, 3, 2)))
    assert [(e.event_type, e.arrested.min, e.arrested.max) for e in doc.events] == [("Protests", 20, 99)]


def test_a_bare_head_count_after_a_protest_is_its_crowd():
    text = "В Гомеле у здания администрации собрались протестующие. Сейчас там, по данным очевидцев, примерно 300–350 человек."
    doc = extract(Document("g", text, date(2024, 3, 2)))
    (event,) = doc.events
    assert (event.crowd.min, event.crowd.max, event.crowd.text) == (300, 350, "примерно 300–350 человек")
    assert text[event.crowd.evidence[0] : event.crowd.evidence[1]] == event.crowd.text
