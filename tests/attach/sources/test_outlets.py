"""Outlets: table names, spellings, quoted names, genre nouns, desks, correspondents."""
import pytest

from svodka.attach.sources.speakers import find_attributions

from .conftest import chains, only


def test_kak_pishet_quoted_outlet_keeps_spelling(build):
    doc = build('Как пишет "Коммерсантъ", задержаны трое активистов.')
    a = only(doc)
    assert a.chain == ["Коммерсантъ"]
    assert doc.span_text(a.evidence) == 'пишет "Коммерсантъ"'


def test_kak_soobshchaet_inflection_free_agency(build):
    doc = build("Как сообщает Интерфакс, в городе введен комендантский час.")
    assert chains(doc) == [["Интерфакс"]]


def test_telegram_channel_is_not_the_speaker(build):
    doc = build("Об этом сообщил в своем телеграм-канале мэр города Иван Петров.")
    a = only(doc)
    assert a.chain == ["Иван Петров"]
    assert doc.span_text(a.evidence) == "сообщил в своем телеграм-канале мэр города Иван Петров"


def test_correspondent_of_named_agency(build):
    doc = build("Корреспондент РИА Новости сообщил о стрельбе в центре города.")
    a = only(doc)
    assert a.chain == ["РИА Новости"]
    assert doc.span_text(a.evidence) == "Корреспондент РИА Новости сообщил"


def test_correspondent_of_genre_picks_last_outlet_of_that_genre(build):
    doc = build(
        'Люди собираются на площади, сообщает "Медиазона" со ссылкой на "Sputnik Казахстан". '
        "Сейчас там, по данным корреспондента издания, около 200 человек.\n"
        '"Они обсуждают требования", – передает корреспондент агентства.'
    )
    assert chains(doc) == [["Sputnik Казахстан", "Медиазона"], ["Медиазона"], ["Sputnik Казахстан"]]
    corr = find_attributions(doc)[2]
    assert doc.span_text(corr.evidence) == "передает корреспондент агентства"


def test_own_correspondent_is_the_document_source(build):
    doc = build("Как передает корреспондент, на улицах много военных.", source="Фергана")
    assert chains(doc) == [["Фергана"]]


def test_coordinated_outlets_before_the_verb(build):
    doc = build("Телеканалы CNN и Euronews сообщают о погибших.")
    a = only(doc)
    assert a.chain == ["CNN", "Euronews"]
    assert doc.span_text(a.evidence) == "Телеканалы CNN и Euronews сообщают"


@pytest.mark.parametrize("text, name", [
    ("По данным «Украинской правды», погибли трое.", "Украинская правда"),
    ("Как сообщает Sky News, погибли трое.", "Sky News"),
    ("Об этом сообщает агентство Ёнхап.", "Ёнхап"),
    ("Как передаёт ТСН, погибли трое.", "ТСН"),
    ("Об этом сообщили «Вести».", "Вести"),
])
def test_more_agencies_and_channels_are_outlets(build, text, name):
    assert chains(build(text)) == [[name]]


def test_an_outlet_spelled_as_an_ordinary_word_needs_quotes_or_a_genre_noun(build):
    assert chains(build("Об этом рассказал экономист Иван Петров.")) == [["Иван Петров"]]


def test_latin_outlet_spelled_in_cyrillic_keeps_the_text_spelling(build):
    doc = build("Полиция применила слезоточивый газ, передает корреспондент Би-би-си.")
    assert only(doc).chain == ["Би-би-си"]
    doc = build("Полиция применила слезоточивый газ, сообщил агентству Рейтер источник.")
    assert only(doc).chain == ["источник", "Рейтер"]


def test_latin_outlet_spelled_in_latin_keeps_the_table_name(build):
    doc = build("Полиция применила слезоточивый газ, передает корреспондент BBC News.")
    assert only(doc).chain == ["BBC"]


def test_a_quoted_outlet_after_telekompaniya_is_the_outlet(build):
    assert chains(build("Телекомпания «Вести Кавказа» сообщает о пострадавших.")) == [["Вести Кавказа"]]


def test_the_desk_of_an_outlet_is_the_outlet(build):
    doc = build("По данным украинской службы «Радио Свобода», задержаны 12 человек.")
    assert only(doc).chain == ["Радио Свобода"]


def test_a_latin_name_closing_the_sentence_after_a_relay_verb_is_an_outlet(build):
    doc = build("Протестующие перекрыли проспект у парламента, передает GeoNewsDaily.")
    a = only(doc)
    assert a.chain == ["GeoNewsDaily"]
    assert doc.span_text(a.evidence) == "передает GeoNewsDaily"


def test_a_latin_word_after_a_relay_verb_inside_the_clause_is_no_outlet(build):
    doc = build("Протестующие передали Red Cross список раненых.")
    assert find_attributions(doc) == []


def test_a_bare_genre_noun_stands_for_the_outlet_named_before(build):
    doc = build("Повстанцы вошли в пригороды Алеппо, — Anadolu.\n\nПо данным агентства, в городе идут бои.")
    assert chains(doc) == [["Anadolu"], ["Anadolu"]]


def test_a_genre_noun_with_a_name_after_it_is_that_name(build):
    doc = build("Задержаны трое активистов, сообщает издание «5×5».")
    assert chains(doc) == [["5×5"]]


def test_a_latin_spelling_of_an_outlet_the_table_names_in_cyrillic_is_kept(build):
    doc = build("Повстанцы вошли в пригороды Алеппо, сообщает Xinhua.")
    assert chains(doc) == [["Xinhua"]]


def test_an_outlet_named_like_a_number_is_one_after_an_according_phrase(build):
    doc = build("По данным 112, мужчина получил травму лица.")
    assert chains(doc) == [["112"]]


def test_a_number_of_people_is_no_outlet(build):
    doc = build("Пострадали 112 человек.")
    assert chains(doc) == []


def test_the_publication_a_bare_genre_noun_stands_for_is_the_quoted_name_before_it(build):
    doc = build("Журналист «Трибуны» был задержан и избит полицией у парламента, пишет издание.")
    assert chains(doc) == [["Трибуна"]]


def test_a_quoted_slogan_is_no_publication(build):
    doc = build("Демонстранты скандировали «Долой правительство», пишет издание.")
    assert chains(doc) == []


def test_the_staffs_quoted_outlet_of_its_own_sentence_outweighs_an_outlet_of_another_kind_named_before(build):
    doc = build(
        "Во время разгона акции в Ереване пострадали журналисты, сообщают корреспонденты Би-би-си. "
        "Сотрудник «Трибуны» Арам Петросян был задержан и избит, пишет издание."
    )
    assert chains(doc) == [["Би-би-си"], ["Трибуна"]]


def test_correspondents_of_agencies_in_the_plural_are_not_the_posts_own_outlet(build):
    doc = build("По пригородам Бейрута были нанесены авиаудары, сообщали корреспонденты информагентств.", source="Би-би-си")
    assert all("Би-би-си" not in chain for chain in chains(doc))
    doc = build("По пригородам Бейрута были нанесены авиаудары, сообщил корреспондент агентства.", source="Би-би-си")
    assert chains(doc) == [["Би-би-си"]]
