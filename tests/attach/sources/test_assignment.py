"""Who says so, per event, per figure and per actor word, through the whole extractor."""
from datetime import date

from svodka.model import Document
from svodka.options import ExtractOptions
from svodka.pipeline import extract
from svodka.records import document_json


def run(text: str, source: str | None = None) -> tuple[Document, dict]:
    doc = extract(Document("t", text, date(2024, 11, 6), source=source))
    return doc, document_json(doc)


def only_event(out: dict) -> dict:
    assert len(out["events"]) == 1, [(e["event_type"], e["sub_event_type"]) for e in out["events"]]
    return out["events"][0]


def test_two_sources_disagreeing_on_the_death_toll_span_one_interval_and_keep_their_own_figures():
    text = (
        "Во вторник в Бишкеке полиция открыла огонь по участникам митинга у здания парламента. "
        "По данным МВД Киргизии, погибли 5 человек. "
        "Правозащитный центр \"Кылым шамы\" заявил, что погибших не менее 12."
    )
    doc, out = run(text)
    event = only_event(out)
    assert (event["fatalities"]["min"], event["fatalities"]["max"]) == (5, None)
    claims = {(tuple(c["source"]["chain"]), c["min"], c["max"]) for c in event["claims"] if c["slot"] == "fatalities"}
    assert claims == {(("МВД Киргизии",), 5, 5), (("Кылым шамы",), 12, None)}
    for claim in event["claims"]:
        assert doc.text[slice(*claim["evidence"])] == claim["text"]
    assert {tuple(s["chain"]) for s in event["sources"]} >= {("МВД Киргизии",), ("Кылым шамы",)}


def test_a_denial_by_another_source_marks_the_claim_and_the_event_disputed():
    text = (
        "В среду в Оше в ходе беспорядков погибли трое человек, сообщает \"24.kg\". "
        "В МВД опровергли сообщения о погибших."
    )
    _, out = run(text)
    event = only_event(out)
    assert event["verification"] == "disputed"
    assert [(c["source"]["chain"], c["verification"]) for c in event["claims"] if c["slot"] == "fatalities"] == [
        (["24.kg"], "disputed")
    ]


def test_no_independent_confirmation_marks_the_claim_unconfirmed():
    text = (
        "В Актау в ходе разгона митинга погибли 4 человека, сообщила полиция города. "
        "Подтверждений этой информации из независимых источников нет."
    )
    _, out = run(text)
    event = only_event(out)
    assert event["verification"] == "unconfirmed"
    assert [c["verification"] for c in event["claims"]] == ["unconfirmed"]


def test_a_closing_remark_of_its_own_paragraph_leaves_every_event_before_it_unconfirmed():
    text = (
        "В Сумах беспилотник атаковал автобус, погибли двое, сообщил глава области.\n\n"
        "Накануне ракетный удар по Сумам унёс жизни трёх человек.\n\n"
        "Российская сторона эти сообщения не комментировала, агентство не может их независимо подтвердить."
    )
    _, out = run(text)
    assert out["events"]
    assert {e["verification"] for e in out["events"]} == {"unconfirmed"}


def test_a_figure_in_distancing_quotes_is_noted_on_its_claim():
    text = 'В Алматы в ходе перестрелки с силовиками убиты "десятки" боевиков, сообщила полиция города.'
    doc, out = run(text)
    event = only_event(out)
    [claim] = [c for c in event["claims"] if c["slot"] == "fatalities"]
    assert claim["distanced"] is True
    assert (claim["min"], claim["max"]) == (20, 99)
    assert doc.text[slice(*claim["evidence"])] == claim["text"]


def test_a_plain_figure_is_not_distanced():
    _, out = run("В Алматы в ходе перестрелки с силовиками убиты 12 боевиков, сообщила полиция города.")
    assert [c["distanced"] for c in only_event(out)["claims"]] == [False]


def test_an_unnamed_source_stays_beside_the_chain_not_in_it():
    text = "В Махачкале неизвестные обстреляли пост ДПС, ранены двое полицейских, сообщил ТАСС источник в силовых структурах."
    doc, out = run(text)
    event = only_event(out)
    [source] = event["sources"]
    assert source["chain"] == ["ТАСС"]
    assert source["unnamed"] == ["источник в силовых структурах"]
    assert "сообщил ТАСС источник в силовых структурах" in doc.text[slice(*source["evidence"])]


def test_an_event_without_its_own_source_takes_its_paragraphs():
    text = (
        "В Тбилиси полиция разогнала акцию протеста у здания парламента, сообщает \"Интерпресс\". "
        "Задержаны 30 человек."
    )
    _, out = run(text)
    event = only_event(out)
    assert [s["chain"] for s in event["sources"]] == [["Интерпресс"]]  # the spelling the text gives
    assert event["arrested"]["min"] == 30
    assert [c["source"]["chain"] for c in event["claims"]] == [["Интерпресс"]]


def test_a_report_told_under_the_leads_attribution_takes_the_lead_source():
    text = (
        "Взрыв в Багдаде\n"
        "Несколько взрывов прогремели в понедельник в Багдаде, сообщает Reuters.\n"
        "По меньшей мере пять человек погибли при взрыве заминированного автомобиля у рынка."
    )
    _, out = run(text)
    event = only_event(out)
    assert ["Reuters"] in [s["chain"] for s in event["sources"]]


def test_about_this_makes_the_source_speak_for_the_sentence_before():
    text = (
        "Вчера в Назрани неизвестные взорвали самодельное взрывное устройство у здания полиции.\n"
        "Других сведений пока нет.\n"
        "Задержаны трое подозреваемых. Об этом сообщает агентство \"Интерфакс\" со ссылкой на полицию Ингушетии."
    )
    _, out = run(text)
    chains = [s["chain"] for e in out["events"] for s in e["sources"]]
    assert ["полиция Ингушетии", "Интерфакс"] in chains or ["Полиция Ингушетии", "Интерфакс"] in chains


def test_labels_keep_how_each_source_names_the_same_people():
    text = (
        "В среду в Алматы протестующие захватили здание акимата. "
        "В комендатуре города заявили, что экстремисты разгромили здание и подожгли автомобили."
    )
    doc, out = run(text, source="Азаттык")
    labels = [(tuple(label["source"]), label["label"]) for e in out["events"] for label in e["labels"]]
    assert ("Азаттык", "протестующие") in labels or (("Азаттык",), "протестующие") in labels
    assert any(label == "экстремисты" and "комендатура" in " ".join(source).lower() for source, label in labels)
    for e in out["events"]:
        for label in e["labels"]:
            assert doc.text[slice(*label["evidence"])] == label["label"]


def test_quotes_are_listed_for_the_document_with_speaker_and_verb():
    text = (
        "В Алматы в среду полиция задержала 40 участников митинга. "
        "«Ситуация в городе под контролем», — заявил журналистам аким Алматы Ерболат Досаев. "
        "Он добавил, что общественный транспорт возобновит работу в понедельник."
    )
    doc, out = run(text)
    quotes = out["quotes"]
    direct = [q for q in quotes if q["direct"]]
    assert [doc.text[slice(*q["text"])] for q in direct] == ["Ситуация в городе под контролем"]
    assert direct[0]["chain"] == ["Ерболат Досаев"]
    assert doc.text[slice(*direct[0]["verb"])] == "заявил"
    indirect = [q for q in quotes if not q["direct"]]
    assert [doc.text[slice(*q["text"])] for q in indirect] == ["общественный транспорт возобновит работу в понедельник"]
    assert indirect[0]["chain"] == ["Ерболат Досаев"]


def test_a_document_reporting_no_event_is_read_for_quotes_when_asked():
    text = "«Мы продолжим реформы», — заявил журналистам президент Киргизии Садыр Жапаров."
    asked = extract(Document("t", text, date(2024, 11, 6)), ExtractOptions(quotes=True))
    assert asked.events == []
    assert [(q.chain, text[q.text[0] : q.text[1]]) for q in asked.quotes] == [(["Садыр Жапаров"], "Мы продолжим реформы")]
    assert extract(Document("t", text, date(2024, 11, 6))).quotes == []


def test_a_claim_of_responsibility_in_a_later_paragraph_is_a_source_of_the_attack():
    text = (
        "Вечером в понедельник в центре Лиона неизвестный напал с ножом на прохожих, ранены четыре человека.\n\n"
        "Мэр города призвал жителей сохранять спокойствие.\n\n"
        "Позднее агентство Amaq назвало нападавшего своим солдатом."
    )
    doc, out = run(text)
    event = only_event(out)
    claim = [s for s in event["sources"] if s["chain"] == ["Amaq"]]
    assert len(claim) == 1
    assert doc.text[slice(*claim[0]["evidence"])] == "агентство Amaq"


def test_a_claim_of_responsibility_does_not_speak_for_a_protest():
    text = (
        "Во вторник в Бишкеке прошел митинг оппозиции, сообщает \"24.kg\".\n\n"
        "Ответственность за взрыв на рынке взяла на себя группировка «Джамаат», сообщает агентство Amaq."
    )
    _, out = run(text)
    protests = [e for e in out["events"] if e["event_type"] == "Protests"]
    assert protests and all(["Amaq"] != s["chain"] for e in protests for s in e["sources"])


def test_the_agency_of_the_dateline_relays_the_report_in_any_letter_case():
    text = (
        "в мексике неизвестные расстреляли 7 человек\n\n"
        "мехико, 12 фев - риа новости. вооруженные люди в субботу ворвались в дом в городе Тихуана и "
        "расстреляли семь человек, сообщила полиция штата."
    )
    doc, out = run(text)
    event = only_event(out)
    chains = [s["chain"] for s in event["sources"]]
    assert ["РИА Новости"] in chains and ["Полиция штата"] in chains
    agency = next(s for s in event["sources"] if s["chain"] == ["РИА Новости"])
    assert doc.text[slice(*agency["evidence"])] == "риа новости"


def test_a_later_sentence_naming_the_victims_gives_its_speaker_to_the_attack():
    text = (
        "В пятницу в школе города Ривертон неизвестный открыл огонь по ученикам.\n\n"
        "Занятия отменены.\n\n"
        "Как сообщил мэр города Джон Кларк, в числе пострадавших двое учителей."
    )
    doc, out = run(text)
    event = only_event(out)
    sources = {tuple(s["chain"]): s for s in event["sources"]}
    assert list(sources) == [("Джон Кларк",)]
    assert doc.text[slice(*sources[("Джон Кларк",)]["evidence"])] == "сообщил мэр города Джон Кларк"


def test_a_later_sentence_on_another_topic_gives_its_speaker_to_no_event():
    text = (
        "В пятницу в школе города Ривертон неизвестный открыл огонь по ученикам.\n\n"
        "Занятия отменены.\n\n"
        "Как сообщил мэр города Джон Кларк, занятия возобновятся в понедельник."
    )
    _, out = run(text)
    assert only_event(out)["sources"] == []


def test_a_speaker_far_below_the_event_is_not_its_source():
    text = (
        "В пятницу в школе города Ривертон неизвестный открыл огонь по ученикам.\n\n"
        "Занятия отменены.\n\nРодителей просят сохранять спокойствие.\n\nШкола закрыта до понедельника.\n\n"
        "Как сообщил мэр города Джон Кларк, в числе пострадавших двое учителей."
    )
    _, out = run(text)
    assert only_event(out)["sources"] == []


def test_an_anaphor_of_a_protest_does_not_speak_of_an_attack():
    text = (
        "В пятницу в школе города Ривертон неизвестный открыл огонь по ученикам.\n\n"
        "Занятия отменены.\n\n"
        "Как сообщил мэр города Джон Кларк, участников конкурса наградят в понедельник."
    )
    _, out = run(text)
    assert only_event(out)["sources"] == []


def test_a_later_sentence_referring_to_the_attack_gives_its_speaker_to_it():
    text = (
        "В пятницу в городе Ривертон неизвестный открыл огонь по прохожим.\n\n"
        "Занятия отменены.\n\n"
        "В полиции сообщили, что начато расследование нападения."
    )
    doc, out = run(text)
    event = only_event(out)
    assert [(s["chain"], s["inherited"]) for s in event["sources"]] == [(["Полиция"], False)]
    assert doc.text[slice(*event["sources"][0]["evidence"])] == "В полиции сообщили"


def test_an_outlet_telling_its_own_findings_in_its_own_post_is_the_source_of_every_event():
    text = (
        "Поджог военкомата в Рязани\n\n"
        "Ночью в Рязани неизвестные подожгли здание военкомата.\n\n"
        "По данным Mash, поджигатели действовали по заданию кураторов.\n\n"
        "Поджигателей задержали в Москве."
    )
    _, out = run(text, source="Mash")
    arrests = [e for e in out["events"] if e["sub_event_type"] == "Arrests"]
    assert arrests and all(["Mash"] in [s["chain"] for s in e["sources"]] for e in arrests)
    _, out = run(text, source="Baza")  # another outlet's findings relayed: its own paragraph only
    arrests = [e for e in out["events"] if e["sub_event_type"] == "Arrests"]
    assert arrests and all(["Mash"] not in [s["chain"] for s in e["sources"]] for e in arrests)


def test_a_number_outlet_is_a_source_in_its_own_post_only():
    _, out = run("112 выяснил детали задержания сторонника ИГИЛ в Махачкале. Мужчину задержали ночью.", source="112")
    assert [s["chain"] for s in only_event(out)["sources"]] == [["112"]]
    assert only_event(out)["arrested"]["min"] == 1
    _, out = run("Сотрудники полиции в Махачкале задержали мужчину. Об этом он сообщил по телефону 112.", source="112")
    assert all("112" not in s["chain"] for e in out["events"] for s in e["sources"])


def test_the_outlet_whose_correspondent_the_lead_names_relays_the_whole_report():
    text = (
        "Митинг в Твери\n\n"
        "Специальный корреспондент «Медузы» побывал на митинге у здания администрации Твери.\n\n"
        "В субботу в Твери полиция задержала 20 участников акции протеста."
    )
    _, out = run(text)
    assert out["events"] and all(["Медуза"] in [s["chain"] for s in e["sources"]] for e in out["events"])


def test_a_denial_opening_the_next_paragraph_of_what_was_told_disputes_the_event():
    told = "Генштаб ВСУ заявил, что российские войска обстреляли Херсон, погибли два человека.\n\n"
    _, out = run(told + "В Минобороны России эти данные опровергли.")
    assert only_event(out)["verification"] == "disputed"
    _, out = run(told + "В Минобороны России опровергли слухи о переговорах.")
    assert only_event(out)["verification"] is None


def test_an_outlet_spelled_in_cyrillic_in_its_own_post_is_still_its_own():
    text = (
        "Поджог военкомата в Рязани\n\n"
        "Ночью в Рязани неизвестные подожгли здание военкомата.\n\n"
        "По данным Маш, поджигатели действовали по заданию кураторов.\n\n"
        "Поджигателей задержали в Москве."
    )
    _, out = run(text, source="Mash")
    arrests = [e for e in out["events"] if e["sub_event_type"] == "Arrests"]
    assert arrests and all(["Маш"] in [s["chain"] for s in e["sources"]] for e in arrests)


def test_a_named_person_detained_is_one_arrest():
    _, out = run("В Лахоре полиция задержала Беназир Бхутто за организацию митинга.")
    assert only_event(out)["arrested"]["min"] == 1 and only_event(out)["arrested"]["max"] == 1



def test_a_later_sentence_naming_the_act_again_gives_its_speaker_to_it():
    text = (
        "В пятницу в центре Каракаса неизвестные обстреляли здание министерства с вертолёта.\n\n"
        "Министерство продолжает работу.\n\n"
        "Президент Иван Петров заявил, что атаку совершили экстремисты."
    )
    _, out = run(text)
    assert [s["chain"] for s in only_event(out)["sources"]] == [["Иван Петров"]]


def test_a_speaker_lent_by_a_later_sentences_backward_phrase_does_not_make_a_sentence_speak_of_an_event():
    text = (
        "Силы ПВО сбили беспилотник в Раменском.\n\n"
        "Всего было уничтожено четыре дрона.\n\n"
        "Такие беспилотники уже применяли для атаки на столицу. "
        "В сентябре дрон ударил по многоэтажке — об этом рассказал блогер Иван Петров."
    )
    _, out = run(text)
    [downed] = [e for e in out["events"] if e["sub_event_type"] == "Disrupted weapons use"]
    assert all("Иван Петров" not in s["chain"] for s in downed["sources"])
