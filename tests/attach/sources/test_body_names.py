"""One name for a body named many ways."""
import pytest


from .conftest import chains, only


@pytest.mark.parametrize("text, name", [
    ("Минобороны РФ сообщило об ударе по складу.", "Минобороны России"),
    ("В МО РФ сообщили об ударе по складу.", "Минобороны России"),
    ("В Министерстве обороны Российской Федерации заявили об ударе.", "Минобороны России"),
    ("Российское военное ведомство заявило об ударе.", "Минобороны России"),
    ("По данным Минобороны, удар нанесён ночью.", "Минобороны России"),
    ("В украинском Минобороны заявили об ударе.", "Минобороны Украины"),
    ("По данным Генштаба ВС Украины, удар нанесён ночью.", "Генштаб ВСУ"),
    ("Украинский Генштаб заявил об ударе.", "Генштаб ВСУ"),
])
def test_a_defence_ministry_or_general_staff_has_one_name(build, text, name):
    assert chains(build(text)) == [[name]]


def test_a_bare_ministry_is_the_one_named_before_it(build):
    doc = build("Министерство обороны Израиля заявило об ударе. В министерстве обороны добавили, что погибли двое.")
    assert chains(doc) == [["Министерство обороны Израиля"], ["Министерство обороны Израиля"]]
    doc = build("Минобороны Украины заявило об ударе. В Минобороны также сообщили о потерях.")
    assert chains(doc) == [["Минобороны Украины"], ["Минобороны Украины"]]


def test_an_agency_word_refers_to_the_body_named_before_or_names_no_one(build):
    doc = build("Минобороны России сообщило об ударе по складу. В ведомстве добавили, что уничтожены 20 военнослужащих.")
    assert chains(doc) == [["Минобороны России"], ["Минобороны России"]]
    a = only(build("В ведомстве заявили об ударе."))
    assert a.unnamed == ["ведомство"]


def test_web_addresses_and_link_targets_are_never_a_source(build):
    doc = build("В Белгороде погибли два человека, [сообщил](https://t.me/channel/1234) губернатор.")
    assert chains(doc) == [["губернатор"]]
    doc = build("В Курске ранены трое, сообщили на сайте https://example.ru/news/item.html")
    assert all("https" not in name.lower() and "html" not in name.lower() for chain in chains(doc) for name in chain)
