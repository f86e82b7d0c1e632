from datetime import date

import pytest

from svodka.annotate.analysis import tag_entities, tokenize_document
from svodka.annotate.segment import segment
from svodka.attach.sources.speakers import (
    find_attributions,
    find_quotes,
    find_verification,
)
from svodka.model import Document


@pytest.fixture(scope="module")
def build():
    def make(text: str, source: str | None = None) -> Document:
        doc = Document("t", text, published=date(2022, 1, 6), source=source)
        segment(doc)
        tokenize_document(doc)
        tag_entities(doc)
        return doc

    return make


def chains(doc):
    return [a.chain for a in find_attributions(doc)]


def only(doc):
    found = find_attributions(doc)
    assert len(found) == 1, [a.chain for a in found]
    return found[0]


# ---------------------------------------------------------------- speech verbs


def test_post_verbal_body_with_genitive_name(build):
    doc = build("В Бишкеке задержаны 12 человек, сообщило МВД Киргизии.")
    a = only(doc)
    assert a.chain == ["МВД Киргизии"]
    assert doc.span_text(a.evidence) == "сообщило МВД Киргизии"
    assert a.sentences == [0] and not a.unnamed


def test_plural_role_subject_is_put_in_nominative_lowercase(build):
    doc = build("Сторонники оппозиции заявили о фальсификации выборов.")
    a = only(doc)
    assert a.chain == ["сторонники оппозиции"]
    assert doc.span_text(a.evidence) == "Сторонники оппозиции заявили"


def test_present_tense_relay_verb_with_agency(build):
    doc = build("Протестующие перекрыли трассу у въезда в город, передает ТАСС.")
    a = only(doc)
    assert a.chain == ["ТАСС"]
    assert doc.span_text(a.evidence) == "передает ТАСС"


def test_relay_verb_without_outlet_or_speech_is_no_attribution(build):
    doc = build("Полицейский передал задержанного конвою.")
    assert find_attributions(doc) == []


def test_confirmed_by_a_ministry_inflected_outlet_name(build):
    doc = build("Гибель двух человек подтвердил Интерфаксу источник в спасательных службах.")
    a = only(doc)
    assert a.chain == ["источник в спасательных службах", "Интерфакс"]
    assert a.unnamed
    assert doc.span_text(a.evidence) == "подтвердил Интерфаксу источник в спасательных службах"


def test_headline_subject(build):
    doc = build('Полиция Бишкека сообщила о "десятках" задержанных\nВечером на площади собрались люди.')
    a = only(doc)
    assert a.chain == ["Полиция Бишкека"]
    assert a.sentences == [0]
    assert doc.span_text(a.evidence) == "Полиция Бишкека сообщила"


def test_feminine_and_masculine_verb_forms(build):
    doc = build("Об обстреле рассказала жительница села. О разрушениях также рассказал староста.")
    assert chains(doc) == [["жительница села"], ["староста"]]


# ---------------------------------------------------------------- according phrases


def test_po_dannym_with_organisation(build):
    doc = build("По данным Минздрава, в больницы доставлены 40 человек.")
    a = only(doc)
    assert a.chain == ["Минздрав"]
    assert doc.span_text(a.evidence) == "По данным Минздрава"


def test_po_slovam_role_phrase_in_nominative(build):
    doc = build("По словам главы областной военной администрации, обстрел продолжался два часа.")
    a = only(doc)
    assert a.chain == ["глава областной военной администрации"]
    assert doc.span_text(a.evidence) == "По словам главы областной военной администрации"


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


# ---------------------------------------------------------------- relays


def test_outlet_citing_outlet_post_verbal(build):
    doc = build("Акция прошла у здания суда, сообщает «Медуза» со ссылкой на ОВД-Инфо.")
    a = only(doc)
    assert a.chain == ["ОВД-Инфо", "Медуза"]
    assert doc.span_text(a.evidence) == "сообщает «Медуза» со ссылкой на ОВД-Инфо"


def test_outlet_citing_press_office_pre_verbal(build):
    doc = build("РИА Новости со ссылкой на пресс-службу МЧС сообщали о двух пострадавших.")
    a = only(doc)
    assert a.chain == ["МЧС", "РИА Новости"]
    assert doc.span_text(a.evidence) == "РИА Новости со ссылкой на пресс-службу МЧС сообщали"


def test_unnamed_outlets_citing_ministry(build):
    doc = build("Ряд СМИ со ссылкой на пресс-службу МВД Казахстана сообщали о восьми погибших.")
    a = only(doc)
    assert a.chain == ["МВД Казахстана", "ряд СМИ"]
    assert a.unnamed


def test_told_tv_channel_then_quoted_by_another_outlet(build):
    doc = build(
        'В Актау задержаны 40 человек, сообщила телеканалу "Хабар 24" представитель полиции '
        'области Асель Нурланова. "Задержанные дают показания", – цитирует ее "Vласть".'
    )
    first, second = find_attributions(doc)
    assert first.chain == ["Асель Нурланова", "Хабар 24"]
    assert doc.span_text(first.evidence) == (
        'сообщила телеканалу "Хабар 24" представитель полиции области Асель Нурланова'
    )
    assert second.chain == ["Асель Нурланова", "Хабар 24", "Vласть"]
    assert doc.span_text(second.evidence) == 'цитирует ее "Vласть"'
    assert second.sentences == [1]


def test_statement_of_body_relayed_by_radio_service(build):
    doc = build(
        "Комендатура Актау сообщила о введении режима ЧП.\n"
        '"Ситуация под контролем. Прошу сохранять спокойствие", – приводит заявление комендатуры '
        "Казахская редакция Радио Свобода (Радио Азаттык)."
    )
    first, second = find_attributions(doc)
    assert first.chain == ["Комендатура Актау"]
    assert second.chain == ["Комендатура Актау", "Радио Азаттык"]
    assert doc.span_text(second.evidence) == (
        "приводит заявление комендатуры Казахская редакция Радио Свобода (Радио Азаттык)"
    )
    assert second.sentences == [1, 2]


# ---------------------------------------------------------------- speakers named by role


def test_title_and_name_gives_the_name(build):
    doc = build("Президент Касым-Жомарт Токаев заявил о введении режима ЧП.")
    a = only(doc)
    assert a.chain == ["Касым-Жомарт Токаев"]
    assert doc.span_text(a.evidence) == "Касым-Жомарт Токаев заявил"


def test_press_office_gives_the_body(build):
    doc = build("Пресс-служба МВД Казахстана сообщила о задержании 200 человек.")
    a = only(doc)
    assert a.chain == ["МВД Казахстана"]
    assert doc.span_text(a.evidence) == "МВД Казахстана сообщила"


def test_role_without_name_kept_as_role(build):
    doc = build("Глава областной военной администрации сообщил о трех погибших.")
    assert chains(doc) == [["глава областной военной администрации"]]


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


# ---------------------------------------------------------------- anaphora


def test_surname_alone_is_the_full_name_seen_earlier(build):
    doc = build(
        "Лидер движения Мухтар Аблязов заявил о начале протестов.\n"
        "Аблязов добавил, что акции пройдут в пяти городах."
    )
    assert chains(doc) == [["Мухтар Аблязов"], ["Мухтар Аблязов"]]


def test_personal_pronoun_refers_to_last_person(build):
    doc = build(
        "Журналистов задержали у здания акимата, рассказала правозащитница Айгерим Тлеуова. "
        "Позже она сообщила об их освобождении."
    )
    first, second = find_attributions(doc)
    assert second.chain == ["Айгерим Тлеуова"]
    assert doc.span_text(second.evidence) == "она сообщила"
    assert second.sentences == [1]


def test_coordinated_verb_keeps_the_speaker(build):
    doc = build("В штабе заявили о нападении и подчеркнули, что потерь нет.")
    assert chains(doc) == [["Штаб"], ["Штаб"]]


def test_speaker_of_main_clause_for_subordinate_verb(build):
    doc = build("Так высказался министр Роман Скляр, когда сообщал о потерях.")
    assert chains(doc) == [["Роман Скляр"]]


# ---------------------------------------------------------------- correspondents


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


# ---------------------------------------------------------------- unnamed


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


def test_local_media_relaying_a_named_source(build):
    doc = build("По информации местных СМИ, акция продолжается.")
    a = only(doc)
    assert a.chain == ["местные СМИ"] and a.unnamed


# ---------------------------------------------------------------- quotes


def test_quote_before_verb_with_dash(build):
    doc = build('"Мы не уйдем с площади", – сказал Ержан Кадыров.')
    (quote,) = find_quotes(doc)
    assert quote.direct
    assert quote.chain == ["Ержан Кадыров"]
    assert doc.span_text(quote.text) == "Мы не уйдем с площади"
    assert doc.span_text(quote.verb) == "сказал"


def test_quote_after_colon_covers_quoted_sentences(build):
    doc = build("Министр обороны Сергей Шойгу заявил: «Операция завершена. Войска возвращаются». Потом он уехал.")
    (quote,) = find_quotes(doc)
    assert quote.chain == ["Сергей Шойгу"]
    assert doc.span_text(quote.text) == "Операция завершена. Войска возвращаются"
    a = only(doc)
    assert a.sentences == [0, 1]


def test_low_quotes(build):
    doc = build("„Город под контролем“, — сообщил аким Ерлан Сагадиев.")
    (quote,) = find_quotes(doc)
    assert doc.span_text(quote.text) == "Город под контролем"
    assert quote.chain == ["Ерлан Сагадиев"]


def test_indirect_speech_is_the_clause_after_chto(build):
    doc = build("МВД Киргизии заявило журналистам, что задержаны 30 участников беспорядков.")
    (quote,) = find_quotes(doc)
    assert not quote.direct
    assert quote.chain == ["МВД Киргизии"]
    assert doc.span_text(quote.text) == "задержаны 30 участников беспорядков"
    assert doc.span_text(quote.verb) == "заявило"


def test_scare_quotes_are_not_speech(build):
    doc = build('Полиция сообщила о "десятках" убитых.')
    assert find_quotes(doc) == []
    assert chains(doc) == [["Полиция"]]


# ---------------------------------------------------------------- verification


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


# ---------------------------------------------------------------- bodies and coordination


def test_locative_body_whose_first_parse_is_genitive(build):
    doc = build("В администрации Томска сказали, что в акции участвовали 300 человек.")
    a = only(doc)
    assert a.chain == ["Администрация Томска"]
    assert doc.span_text(a.evidence) == "В администрации Томска сказали"


def test_according_phrase_with_adjective_and_count_noun(build):
    doc = build("По предварительным данным мэрии Омска, пришли 500 человек. По подсчётам правозащитников, задержаны 40.")
    assert chains(doc) == [["Мэрия Омска"], ["правозащитники"]]
    first = find_attributions(doc)[0]
    assert doc.span_text(first.evidence) == "По предварительным данным мэрии Омска"


def test_according_phrase_in_brackets_names_no_one(build):
    doc = build("Собрались около тысячи человек (по разным данным) или больше.")
    assert find_attributions(doc) == []


def test_coordinated_outlets_before_the_verb(build):
    doc = build("Телеканалы CNN и Euronews сообщают о погибших.")
    a = only(doc)
    assert a.chain == ["CNN", "Euronews"]
    assert doc.span_text(a.evidence) == "Телеканалы CNN и Euronews сообщают"


def test_person_in_genitive_after_a_body_noun_names_the_body(build):
    doc = build("О задержании сообщил штаб Навального в Telegram.")
    a = only(doc)
    assert a.chain == ["Штаб Навального"]
    assert doc.span_text(a.evidence) == "сообщил штаб Навального"


def test_spokesperson_stands_for_the_body(build):
    doc = build("Представители армии Египта подтвердили задержание.")
    a = only(doc)
    assert a.chain == ["Армия Египта"]
    assert doc.span_text(a.evidence) == "армии Египта подтвердили"


def test_named_spokesperson_stays_the_person(build):
    doc = build("Об этом сообщила представитель полиции города Анна Смирнова.")
    assert chains(doc) == [["Анна Смирнова"]]


# ---------------------------------------------------------------- issue 3: wider reach


def test_impersonal_said_in_a_statement_names_its_author(build):
    doc = build("В городе Тарск задержаны трое активистов, говорится в сообщении ТАСС.")
    a = only(doc)
    assert a.chain == ["ТАСС"]
    assert doc.span_text(a.evidence) == "говорится в сообщении ТАСС"


def test_a_name_repeated_in_brackets_does_not_cut_off_the_speaker(build):
    text = "Глава администрации района Ахмад Шариф (Ahmad Sharif) сказал, что при обстреле погибли двое."
    doc = build(text)
    a = only(doc)
    assert a.chain == ["Ахмад Шариф (Ahmad Sharif)"]
    assert doc.span_text(a.evidence).startswith("Ахмад Шариф (Ahmad Sharif)")
    assert doc.span_text(a.evidence).endswith("сказал")


def test_a_genitive_name_after_a_role_noun_is_put_in_the_nominative(build):
    doc = build("По словам шерифа округа Колтон Эда Гонзалеса, число пострадавших уточняется.")
    a = only(doc)
    assert a.chain == ["Эд Гонзалес"]
    assert doc.span_text(a.evidence) == "По словам шерифа округа Колтон Эда Гонзалеса"


def test_a_womans_genitive_name_keeps_her_gender(build):
    doc = build("По словам пресс-секретаря губернатора Анны Петровой, задержаны 40 человек.")
    a = only(doc)
    assert a.chain == ["Анна Петрова"]  # the masculine role noun does not make her a man
    assert "Анны Петровой" in doc.span_text(a.evidence)


def test_a_nominative_name_after_a_role_noun_is_left_as_it_is(build):
    doc = build("Глава полиции района Уолтер Грин сообщил, что задержаны двое.")
    assert only(doc).chain == ["Уолтер Грин"]


def test_a_name_with_a_nominative_word_after_an_inanimate_noun_is_the_speaker(build):
    doc = build("Представитель администрации провинции Абдулла Хсрат сказал, что погибли четыре человека.")
    a = only(doc)
    assert a.chain == ["Абдулла Хсрат"]
    assert doc.span_text(a.evidence) == "Абдулла Хсрат сказал"


def test_a_name_in_apposition_to_a_genitive_role_noun_stays_in_the_nominative(build):
    doc = build("Как заявила исполняющая обязанности мэра Ирина Волынская, задержаны трое.")
    a = only(doc)
    assert a.chain == ["Ирина Волынская"]
    assert "Ирина Волынская" in doc.span_text(a.evidence)


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


# ---------------------------------------------------------------- one name for a body named many ways


@pytest.mark.parametrize("text, name", [
    ("Минобороны РФ сообщило об ударе по складу.", "Минобороны России"),
    ("В МО РФ сообщили об ударе по складу.", "Минобороны России"),
    ("В Министерстве обороны Российской Федерации заявили об ударе.", "Минобороны России"),
    ("Российское военное ведомство заявило об ударе.", "Минобороны России"),
    ("По данным Минобороны, удар нанесён ночью.", "Минобороны России"),
    ("В украинском Минобороны заявили об ударе.", "Минобороны Украины"),
    ("По данным Генштаба ВС Украины, удар нанесён ночью.", "Генштаб ВСУ"),
    ("Украинский Генштаб заявил об ударе.", "Генштаб ВСУ"),
    ("Генштаб ЗСУ заявил об ударе.", "Генштаб ВСУ"),  # the Ukrainian abbreviation
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


# ---------------------------------------------------------------- governors and heads by name and office


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


def test_a_telegram_channel_is_where_a_body_speaks_not_who(build):
    assert chains(build("В Telegram-канале Минобороны сообщили об ударе.")) == [["Минобороны России"]]
    assert chains(build("Telegram-канал Baza сообщает о взрыве.")) == [["Baza"]]


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


@pytest.mark.parametrize("text, unnamed", [
    ("Правоохранители сообщили о задержании.", "правоохранители"),
    ("По словам официальных лиц, погибли пятеро.", "официальные лица"),
    ("Ректор сообщил об отчислении студентов.", "ректор"),
])
def test_a_bare_role_or_group_of_people_names_no_one(build, text, unnamed):
    a = only(build(text))
    assert a.unnamed == [unnamed]


def test_people_tied_to_a_country_or_a_body_and_a_movement_named_by_its_members_are_named(build):
    assert not only(build("Израильские военные заявили об ударе.")).unnamed
    assert not only(build("Сторонники оппозиции заявили о фальсификации выборов.")).unnamed
    assert chains(build("Талибы заявили об ударе.")) == [["Талибан"]]


@pytest.mark.parametrize("text, name", [
    ("По данным Следственного комитета, задержаны двое.", "Следственный комитет"),
    ("Как заявили в Главном управлении разведки Украины, удар нанесён.", "Главное управление разведки Украины"),
    ("Как сообщили в Российском Красном Кресте, пострадали двое.", "Российский Красный Крест"),
    ("Как сообщили в российском МВД, задержаны двое.", "МВД России"),
    ("По данным британской полиции, задержаны двое.", "Полиция Великобритании"),
])
def test_a_body_is_named_in_the_nominative_with_its_adjectives_agreeing(build, text, name):
    assert chains(build(text)) == [[name]]


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


def test_a_head_of_state_or_government_told_bare_is_the_one_named_before(build):
    doc = build("Президент Казахстана Касым-Жомарт Токаев заявил о введении ЧП. Позже президент сообщил, что погибли трое.")
    assert chains(doc) == [["Касым-Жомарт Токаев"], ["Касым-Жомарт Токаев"]]
    doc = build("Премьер-министр Грузии Ираклий Кобахидзе заявил о задержаниях. Глава правительства добавил, что задержаны 40 человек.")
    assert chains(doc) == [["Ираклий Кобахидзе"], ["Ираклий Кобахидзе"]]


# ---------------------------------------------------------------- a post signed with a dash and a name


def test_a_signature_line_speaks_for_the_lines_before_it(build):
    doc = build("Ещё восемь беспилотников сбили ПВО в Коломне.\n\nСпециалисты работают на месте.\n\n— Собянин.")
    a = only(doc)
    assert a.chain == ["Собянин"] and a.sentences == [0, 1]


@pytest.mark.parametrize("text, chain", [
    ("Ночью беспилотник атаковал Курск, ранены трое — Хинштейн", ["Хинштейн"]),
    ("Сбиты 12 беспилотников — МО РФ", ["Минобороны России"]),
    ("В Киеве прогремели взрывы — Reuters", ["Reuters"]),
])
def test_a_post_signed_at_its_end_is_said_by_the_signer(build, text, chain):
    assert chains(build(text)) == [chain]


@pytest.mark.parametrize("text", [
    "В списке погибших — Иван Петров.",
    "Погиб один человек — Иван Петров.",
    "В городе прогремели взрывы — местные власти.",
    "Он был там — в мэрии.",
])
def test_a_name_after_a_dash_that_signs_nothing_is_no_source(build, text):
    assert chains(build(text)) == []


def test_a_signature_with_a_reference_gives_the_body_referred_to(build):
    doc = build("Минобороны Японии приказало армии быть готовой к отражению атаки — Reuters со ссылкой на ведомство")
    assert chains(doc) == [["Минобороны Японии", "Reuters"]]


def test_an_agency_word_refers_to_the_body_with_its_country_not_to_the_media(build):
    doc = build("Минобороны Японии заявило о готовности. Об этом сообщили СМИ со ссылкой на ведомство.")
    assert chains(doc)[-1][0] == "Минобороны Японии"


def test_a_line_opened_by_a_name_and_a_colon_is_said_by_that_name(build):
    doc = build("Минобороны РФ: подразделения нанесли удар по позициям ВСУ. Уничтожено до 40 военнослужащих.")
    a = only(doc)
    assert a.chain == ["Минобороны России"] and a.sentences == [0, 1]
    assert chains(build("Песков: Кремль не комментирует удары по Белгороду.")) == [["Песков"]]
    assert chains(build("Reuters: в Киеве прогремели взрывы.")) == [["Reuters"]]


@pytest.mark.parametrize("text", ["Видео: последствия удара по Белгороду.", "Белгород: погибли двое.", "Итог: задержаны пятеро."])
def test_a_caption_or_a_place_before_a_colon_is_no_speaker(build, text):
    assert chains(build(text)) == []


@pytest.mark.parametrize("text, name", [
    ("Как следует из сводки Генштаба ВСУ, удар нанесён ночью.", "Генштаб ВСУ"),
    ("Согласно сводке Генштаба ВСУ, погибли трое.", "Генштаб ВСУ"),
    ("В сводке Минобороны России говорится, что уничтожены 30 военнослужащих.", "Минобороны России"),
])
def test_a_daily_summary_is_said_by_its_body(build, text, name):
    assert chains(build(text)) == [[name]]


def test_a_place_where_something_was_said_is_not_who_said_it(build):
    assert chains(build("В районе города заявили о задержании.")) == []
    assert chains(build("Администрация района сообщила о задержании.")) == [["Администрация района"]]


def test_local_authorities_with_no_place_name_no_one(build):
    a = only(build("По данным местных властей, погибли трое."))
    assert a.unnamed == a.chain == ["местные власти"]


# ---------------------------------------------------------------- round 2: spelling and non-speakers


def test_latin_outlet_spelled_in_cyrillic_keeps_the_text_spelling(build):
    doc = build("Полиция применила слезоточивый газ, передает корреспондент Би-би-си.")
    assert only(doc).chain == ["Би-би-си"]
    doc = build("Полиция применила слезоточивый газ, сообщил агентству Рейтер источник.")
    assert only(doc).chain == ["источник", "Рейтер"]


def test_latin_outlet_spelled_in_latin_keeps_the_table_name(build):
    doc = build("Полиция применила слезоточивый газ, передает корреспондент BBC News.")
    assert only(doc).chain == ["BBC"]


def test_according_phrase_followed_by_a_time_names_no_one(build):
    doc = build("По информации на данном этапе, в результате нападения ранены три человека.")
    assert chains(doc) == []
    doc = build("По данным на утро, в результате нападения ранены три человека.")
    assert chains(doc) == []


def test_speech_noun_before_the_body_is_not_part_of_its_name(build):
    doc = build("Число погибших достигло 12, передает телеканал Sky News со ссылкой на данные полиции Осло.")
    assert only(doc).chain == ["Полиция Осло", "Sky News"]


def test_a_quoted_outlet_after_telekompaniya_is_the_outlet(build):
    assert chains(build("Телекомпания «Вести Кавказа» сообщает о пострадавших.")) == [["Вести Кавказа"]]


def test_the_desk_of_an_outlet_is_the_outlet(build):
    doc = build("По данным украинской службы «Радио Свобода», задержаны 12 человек.")
    assert only(doc).chain == ["Радио Свобода"]


def test_a_legal_gloss_in_brackets_ends_the_speaker(build):
    doc = build("По данным «Радио Свобода» (объявлено в России нежелательной организацией), задержаны 12 человек.")
    assert only(doc).chain == ["Радио Свобода"]


def test_according_phrase_followed_by_the_clause_names_no_one(build):
    assert chains(build("По некоторым данным нападавший проник на сцену с поддельным пропуском.")) == []
    assert chains(build("По данным Минздрава, нападавший проник на сцену.")) == [["Минздрав"]]


def test_a_deictic_body_is_the_one_named_elsewhere_else_unnamed(build):
    doc = build("Донецкая облпрокуратура: ранены шесть человек. Взрыв прогремел в центре, сообщила местная облпрокуратура.")
    assert chains(doc) == [["Донецкая облпрокуратура"]]
    a = only(build("По данным местной полиции, нападавший проник на сцену."))
    assert a.chain == ["местная полиция"] and a.unnamed == ["местная полиция"]


def test_a_speaker_telling_an_intent_is_no_source_of_the_sentence(build):
    doc = build("Президент заявил о своем намерении уволить главу компании после столкновений с полицией.")
    assert chains(doc) == []
    assert chains(build("МВД заявило о задержании 12 человек.")) == [["МВД"]]


def test_ob_etom_closing_a_paragraph_sources_its_earlier_sentences(build):
    doc = build(
        "Взрыв в Махачкале\n\n"
        "В Махачкале прогремел взрыв у здания суда. Ранены три человека. "
        "Об этом сообщает ТАСС.\n\n"
        "Позже в городе прошел митинг."
    )
    a = only(doc)
    assert a.chain == ["ТАСС"] and a.sentences == [1, 2, 3]


def test_law_enforcement_at_large_is_unnamed(build):
    a = only(build("Правоохранительные органы сообщили о задержании 20 человек."))
    assert a.chain == ["правоохранительные органы"] and a.unnamed == ["правоохранительные органы"]


@pytest.mark.parametrize("text, chain", [
    ("Полиция Амстердама отчиталась о задержании 62 человек.", ["Полиция Амстердама"]),
    ("МВД Грузии отчитывается о 40 задержанных.", ["МВД Грузии"]),
    ("Губернатор доложил о двух раненых.", ["губернатор"]),
])
def test_reporting_verbs_attribute(build, text, chain):
    assert [a.chain for a in find_attributions(build(text))] == [chain]
