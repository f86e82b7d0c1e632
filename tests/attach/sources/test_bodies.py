"""Bodies in a source phrase: their names in the nominative, the body named earlier or elsewhere."""
import pytest


from .conftest import chains, only


def test_locative_body_alone(build):
    doc = build("В комендатуре заявили, что ситуация стабилизировалась.")
    a = only(doc)
    assert a.chain == ["Комендатура"]
    assert doc.span_text(a.evidence) == "В комендатуре заявили"


def test_locative_body_takes_the_name_given_earlier(build):
    doc = build(
        "Комендатура Алматы сообщила о начале операции.\n"
        "Позже в комендатуре также заявили о задержании 50 человек."
    )
    assert chains(doc) == [["Комендатура Алматы"], ["Комендатура Алматы"]]


def test_long_organisation_name_keeps_its_genitive_words(build):
    doc = build("В Управлении внутренних дел по Алматинской области сообщили о задержании 20 человек.")
    a = only(doc)
    assert a.chain == ["Управление внутренних дел"]
    assert doc.span_text(a.evidence) == "В Управлении внутренних дел по Алматинской области сообщили"


def test_locative_time_phrase_is_not_a_body(build):
    doc = build("Задержания продолжаются, говорил в июне прокурор.")
    a = only(doc)
    assert a.chain == ["прокурор"]
    assert doc.span_text(a.evidence) == "говорил в июне прокурор"


def test_locative_body_whose_first_parse_is_genitive(build):
    doc = build("В администрации Томска сказали, что в акции участвовали 300 человек.")
    a = only(doc)
    assert a.chain == ["Администрация Томска"]
    assert doc.span_text(a.evidence) == "В администрации Томска сказали"


def test_person_in_genitive_after_a_body_noun_names_the_body(build):
    doc = build("О задержании сообщил штаб Навального в Telegram.")
    a = only(doc)
    assert a.chain == ["Штаб Навального"]
    assert doc.span_text(a.evidence) == "сообщил штаб Навального"


def test_a_countrys_adjective_before_a_body_becomes_the_countrys_name_after_it(build):
    doc = build("Королевская тайская полиция сообщила, что стрелок задержан.")
    a = only(doc)
    assert a.chain == ["Королевская полиция Таиланда"]
    assert doc.span_text(a.evidence).startswith("Королевская тайская полиция")
    people = build("Израильские военные заявили, что ракета была перехвачена.")
    assert only(people).chain == ["израильские военные"]  # people, not a body: lowercase as anywhere in a sentence


def test_a_bare_group_noun_speaks_for_the_organisation_named_before_it(build):
    doc = build("Боевики движения «Талибан» атаковали блокпост. Ответственность взяла группировка, "
                "сообщает агентство Reuters со ссылкой на заявление группировки.")
    assert ["Талибан", "Reuters"] in chains(doc)


def test_a_group_noun_with_no_organisation_before_it_names_no_one(build):
    doc = build("Блокпост захвачен, сообщает агентство Reuters со ссылкой на заявление группировки.")
    a = only(doc)  # Reuters, an outlet, is no antecedent
    assert a.chain == ["группировка", "Reuters"] and a.unnamed == ["группировка"]


@pytest.mark.parametrize("text, name", [
    ("По данным Следственного комитета, задержаны двое.", "Следственный комитет"),
    ("Как заявили в Главном управлении разведки Украины, удар нанесён.", "Главное управление разведки Украины"),
    ("Как сообщили в Российском Красном Кресте, пострадали двое.", "Российский Красный Крест"),
    ("Как сообщили в российском МВД, задержаны двое.", "МВД России"),
    ("По данным британской полиции, задержаны двое.", "Полиция Великобритании"),
])
def test_a_body_is_named_in_the_nominative_with_its_adjectives_agreeing(build, text, name):
    assert chains(build(text)) == [[name]]


def test_an_agency_word_refers_to_the_body_with_its_country_not_to_the_media(build):
    doc = build("Минобороны Японии заявило о готовности. Об этом сообщили СМИ со ссылкой на ведомство.")
    assert chains(doc)[-1][0] == "Минобороны Японии"


def test_a_place_where_something_was_said_is_not_who_said_it(build):
    assert chains(build("В районе города заявили о задержании.")) == []
    assert chains(build("Администрация района сообщила о задержании.")) == [["Администрация района"]]


def test_speech_noun_before_the_body_is_not_part_of_its_name(build):
    doc = build("Число погибших достигло 12, передает телеканал Sky News со ссылкой на данные полиции Осло.")
    assert only(doc).chain == ["Полиция Осло", "Sky News"]


def test_a_deictic_body_is_the_one_named_elsewhere_else_unnamed(build):
    doc = build("Донецкая облпрокуратура: ранены шесть человек. Взрыв прогремел в центре, сообщила местная облпрокуратура.")
    assert chains(doc) == [["Донецкая облпрокуратура"]]
    a = only(build("По данным местной полиции, нападавший проник на сцену."))
    assert a.chain == ["местная полиция"] and a.unnamed == ["местная полиция"]


def test_a_bare_ministry_is_the_one_named_before(build):
    doc = build("Министерство обороны Японии сообщило о пуске ракеты. В сообщении министерства говорится, что ракета упала в море.")
    first, second = chains(doc)
    assert second == first and first[0].endswith("Японии")


def test_an_office_named_far_above_speaks_again_through_its_bare_noun(build):
    filler = "Ракета пролетела над островом и упала в море, жителей призвали укрыться. " * 10
    doc = build("Минобороны Японии сообщило о пуске ракеты. " + filler + "В ведомстве добавили, что угрозы нет.")
    assert chains(doc)[-1] == chains(doc)[0] and chains(doc)[0][0].endswith("Японии")


def test_a_unit_named_inside_a_quote_is_not_what_the_bare_noun_stands_for(build):
    doc = build(
        "Минобороны России сообщило об ударах. «В результате удара по штабу подразделения «Гроза» в городе "
        + "уничтожены склад и техника», — добавили в ведомстве."
    )
    assert chains(doc)[-1] == ["Минобороны России"]  # not "Гроза"


def test_an_outlet_that_spoke_before_is_no_ministry(build):
    doc = build("Ракета упала в море, сообщает ТАСС. В ведомстве заявили, что угрозы нет.")
    assert chains(doc)[-1] != ["ТАСС"]


def test_plural_body_after_its_verb_stays_plural(build):
    # "силы" read as a genitive singular would become "сила": its plural adjective fixes the number
    doc = build("Над Полтавской областью сбиты 12 дронов, заявили Сухопутные силы ВСУ.")
    assert only(doc).chain == ["Сухопутные силы ВСУ"]


def test_plural_body_in_an_oblique_case_becomes_nominative_plural(build):
    doc = build("По данным Воздушных сил ВСУ, над Сумской областью сбиты 12 дронов.")
    assert only(doc).chain == ["Воздушные силы ВСУ"]
