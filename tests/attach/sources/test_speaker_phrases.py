"""The speaker a phrase names: unnamed sources, offices and their holders, spokespeople, roles."""
import pytest


from .conftest import chains, only


def test_title_and_name_gives_the_name(build):
    doc = build("Президент Касым-Жомарт Токаев заявил о введении режима ЧП.")
    a = only(doc)
    assert a.chain == ["Касым-Жомарт Токаев"]
    assert doc.span_text(a.evidence) == "Касым-Жомарт Токаев заявил"


def test_role_without_name_kept_as_role(build):
    doc = build("Глава областной военной администрации сообщил о трех погибших.")
    assert chains(doc) == [["глава областной военной администрации"]]


def test_unnamed_source_in_genitive_put_in_nominative(build):
    doc = build("По данным источника в правоохранительных органах, задержаны 15 человек.")
    a = only(doc)
    assert a.chain == ["источник в правоохранительных органах"]
    assert a.unnamed
    assert doc.span_text(a.evidence) == "По данным источника в правоохранительных органах"


def test_eyewitnesses_are_unnamed(build):
    doc = build("Очевидцы рассказали о взрывах в районе аэропорта.")
    a = only(doc)
    assert a.chain == ["очевидцы"] and a.unnamed


def test_spokesperson_stands_for_the_body(build):
    doc = build("Представители армии Египта подтвердили задержание.")
    a = only(doc)
    assert a.chain == ["Армия Египта"]
    assert doc.span_text(a.evidence) == "армии Египта подтвердили"


def test_named_spokesperson_stays_the_person(build):
    doc = build("Об этом сообщила представитель полиции города Анна Смирнова.")
    assert chains(doc) == [["Анна Смирнова"]]


def test_a_bare_office_is_the_person_named_before_with_it(build):
    doc = build(
        "Губернатор Белгородской области Вячеслав Гладков сообщил об обстреле Шебекино. "
        "Глава региона добавил, что ранены двое."
    )
    assert chains(doc) == [["Вячеслав Гладков"], ["Вячеслав Гладков"]]
    doc = build("Губернатор Брянской области Александр Богомаз сообщил об обстреле. По словам губернатора, ранены двое.")
    assert chains(doc) == [["Александр Богомаз"], ["Александр Богомаз"]]


def test_an_office_of_another_region_or_kind_is_not_the_person_named_before(build):
    doc = build("Губернатор Белгородской области Вячеслав Гладков сообщил об обстреле. Губернатор Курской области сообщил об ударе.")
    assert chains(doc) == [["Вячеслав Гладков"], ["губернатор Курской области"]]
    doc = build("Мэр Москвы Сергей Собянин сообщил об атаке беспилотников. Глава региона добавил, что пострадавших нет.")
    assert chains(doc)[1] == ["глава региона"]


def test_an_office_keeps_its_region_read_in_another_case(build):
    assert chains(build("Губернатор Брянской области сообщил об обстреле.")) == [["губернатор Брянской области"]]


@pytest.mark.parametrize("text, unnamed", [
    ("Правоохранители сообщили о задержании.", "правоохранители"),
    ("По словам официальных лиц, погибли пятеро.", "официальные лица"),
    ("Ректор сообщил об отчислении студентов.", "ректор"),
])
def test_a_bare_role_or_group_of_people_names_no_one(build, text, unnamed):
    a = only(build(text))
    assert a.unnamed == [unnamed]


def test_a_head_of_state_or_government_told_bare_is_the_one_named_before(build):
    doc = build("Президент Казахстана Касым-Жомарт Токаев заявил о введении ЧП. Позже президент сообщил, что погибли трое.")
    assert chains(doc) == [["Касым-Жомарт Токаев"], ["Касым-Жомарт Токаев"]]
    doc = build("Премьер-министр Грузии Ираклий Кобахидзе заявил о задержаниях. Глава правительства добавил, что задержаны 40 человек.")
    assert chains(doc) == [["Ираклий Кобахидзе"], ["Ираклий Кобахидзе"]]


def test_local_authorities_with_no_place_name_no_one(build):
    a = only(build("По данным местных властей, погибли трое."))
    assert a.unnamed == a.chain == ["местные власти"]


def test_law_enforcement_at_large_is_unnamed(build):
    a = only(build("Правоохранительные органы сообщили о задержании 20 человек."))
    assert a.chain == ["правоохранительные органы"] and a.unnamed == ["правоохранительные органы"]
