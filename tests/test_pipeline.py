"""The extractor end to end on a live blog written for the tests."""
import re
from datetime import date

import pytest

from svodka.model import COUNT_SLOTS, Document
from svodka.options import ExtractOptions
from svodka.pipeline import can_name_event, extract, extract_all, may_hold_name
from svodka.records import document_json

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


def test_a_text_no_word_of_which_can_begin_a_trigger_is_not_even_tokenised():
    doc = extract(Document("x", "Курс рубля вырос. Завтра ожидается снег."))
    assert not can_name_event(doc.text)
    assert doc.sentences == [] and doc.events == []


def test_any_form_of_a_trigger_word_lets_the_text_through():
    assert can_name_event("Сотни людей вышли на митинги")
    assert can_name_event("МИТИНГ")


def test_the_cheap_test_of_first_letters_lets_through_every_word_whose_lemma_begins_a_trigger():
    from svodka.annotate.analysis import analyse
    from svodka.lexicon import pattern_set

    triggers = pattern_set("detect/triggers.tsv")
    text = ("Накануне шли колонны, людей задерживали, обстреляли село; с ножом напал неизвестный. "
            "Курс рубля вырос, а погода испортилась. Ещё взорвали мост и разогнали пикеты, ранены трое.")
    words = set(re.findall(r"[а-яё]+", text, re.IGNORECASE))
    beginning = {w for w in words if any(p.label != "-" for p in triggers.starting_with(analyse(w)[0]))}
    assert beginning >= {"обстреляли", "с", "взорвали", "разогнали"}
    assert {w for w in words if can_name_event(w)} == beginning


def test_a_word_that_begins_only_phrases_masking_triggers_lets_no_text_through():
    assert not can_name_event("Рейс отменён из-за пожара на складе.")
    assert not can_name_event("Пожар потушили к утру.")
    assert can_name_event("Пожар начался после взрыва.")


def test_a_name_can_stand_only_where_a_word_is_capitalised_past_the_sentence_start_or_latin():
    def sentence(text):
        (s,) = segment_and_tokenize(text).sentences
        return s

    assert may_hold_name(sentence("Вчера в Бишкеке было тихо."))
    assert may_hold_name(sentence("Об этом сообщает BBC."))
    assert may_hold_name(sentence("Бишкек встретил утро спокойно."))
    assert not may_hold_name(sentence("Вчера вечером было тихо."))


def segment_and_tokenize(text):
    from svodka.annotate.analysis import tokenize_document
    from svodka.annotate.segment import segment

    return tokenize_document(segment(Document("s", text)))


NAME_FAR_FROM_THE_EVENT = "В Гомеле прошел митинг против повышения тарифов.\nПогода была теплой.\nПогода была теплой.\nВ субботу Иван Петров уехал в Минск."


def test_a_document_with_a_trigger_is_tagged_wherever_a_name_can_stand():
    quick = extract(Document("q", NAME_FAR_FROM_THE_EVENT, date(2024, 3, 2)))
    full = extract(Document("f", NAME_FAR_FROM_THE_EVENT, date(2024, 3, 2)), ExtractOptions(shortcut=False))
    assert ("PER", "Иван Петров") in {(m.kind, m.text) for m in quick.mentions}
    assert quick.mentions == full.mentions


def test_without_the_shortcut_a_text_without_triggers_is_still_analysed():
    doc = extract(Document("x", "Курс рубля вырос. Об этом сообщил Иван Петров."), ExtractOptions(shortcut=False))
    assert doc.sentences and doc.events == []
    assert [m.text for m in doc.mentions] == ["Иван Петров"]


def test_the_shortcut_finds_the_same_events_on_the_live_blog(doc):
    full = extract(Document("blog", LIVE_BLOG, date(2024, 11, 6)), ExtractOptions(shortcut=False))
    assert document_json(full)["events"] == document_json(doc)["events"]


def test_documents_extracted_together_come_out_in_order_as_if_alone():
    texts = [NAME_FAR_FROM_THE_EVENT, "Курс рубля вырос.", LIVE_BLOG] * 7
    together = list(extract_all(Document(str(i), t, date(2024, 3, 2)) for i, t in enumerate(texts)))
    assert [d.id for d in together] == [str(i) for i in range(len(texts))]
    for i in (0, 1, 2, 20):
        alone = extract(Document(str(i), texts[i], date(2024, 3, 2)))
        assert document_json(together[i]) == document_json(alone)
        assert together[i].mentions == alone.mentions


def test_every_stage_reads_only_what_an_earlier_stage_or_the_input_sets():
    from svodka.pipeline import STAGES, check_stages

    assert [s.name for s in STAGES] == ["detect", "read_for_quotes", "entities", "attach", "merge", "acled", "quotes"]
    assert check_stages(STAGES) == []


def test_a_stage_put_before_what_it_needs_is_reported():
    from svodka.pipeline import STAGES, check_stages

    merge_first = sorted(STAGES, key=lambda s: s.name != "merge")
    assert check_stages(merge_first) == ["merge requires events, which no earlier stage assigns"]


def test_the_options_refuse_a_confidence_outside_zero_to_one():
    with pytest.raises(ValueError, match="between 0 and 1"):
        ExtractOptions(min_confidence=1.5)


def test_a_detention_on_suspicion_of_plotting_an_attack_is_an_arrests_event_only():
    doc = extract(Document("plot", "В Махачкале сотрудники ФСБ задержали мужчину по подозрению в подготовке теракта.",
                           date(2024, 11, 6)))
    actual = [(e.event_type, e.sub_event_type) for e in doc.events if e.modality == "actual"]
    assert actual == [("Strategic developments", "Arrests")]


def test_a_robbery_in_the_metro_with_the_robber_detained_is_no_event():
    text = ("Пассажир напал на пенсионерку в переходе метро и выхватил у неё сумку с деньгами. "
            "Грабителя задержали через час, возбуждено уголовное дело.")
    assert extract(Document("robbery", text, date(2024, 11, 6))).events == []


def test_batches_hold_at_most_so_many_documents_and_characters(monkeypatch):
    from svodka import pipeline

    monkeypatch.setattr(pipeline, "DOCUMENTS_PER_BATCH", 3)
    monkeypatch.setattr(pipeline, "CHARACTERS_PER_BATCH", 100)
    docs = [Document(id=str(i), text="а" * size) for i, size in enumerate([10, 10, 10, 10, 60, 50, 200, 5])]
    assert [[d.id for d in b] for b in pipeline.batches(docs)] == [["0", "1", "2"], ["3", "4"], ["5"], ["6"], ["7"]]


@pytest.mark.parametrize(("indent", "level"), [(None, 0), (2, 0), (2, 1)])
def test_a_record_written_an_event_at_a_time_is_the_record_s_json(doc, indent, level):
    import json

    from svodka.records import document_json_chunks

    assert len(doc.events) > 1
    want = json.dumps(document_json(doc), ensure_ascii=False, indent=indent)
    if level:
        want = want.replace("\n", "\n" + " " * (indent * level))
    assert "".join(document_json_chunks(doc, indent, level)) == want
    empty = Document("x", "Курс рубля вырос.")
    assert "".join(document_json_chunks(extract(empty), indent)) == json.dumps(
        document_json(extract(empty)), ensure_ascii=False, indent=indent)
