from datetime import date

import pytest

from svodka.annotate.analysis import tokenize_document
from svodka.annotate.segment import segment
from svodka.attach.dates import anchor_date, event_offset, find_dates, is_background
from svodka.model import DateMention, Document

THURSDAY = date(2022, 1, 6)


def parsed(text: str, published: date | None = None) -> Document:
    doc = Document("t", text, published=published)
    segment(doc)
    tokenize_document(doc)
    return doc


def all_dates(doc: Document) -> list[DateMention]:
    anchor = anchor_date(doc)
    found = [m for i in range(len(doc.sentences)) for m in find_dates(doc, i, anchor)]
    for m in found:
        assert doc.text[m.start : m.end] == m.text
    return found


def only_date(text: str, published: date | None = None) -> DateMention:
    found = all_dates(parsed(text, published))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, published, span, day, relative",
    [
        # a weekday is the most recent such day on or before the anchor
        ("Вечером в среду на площади собрались люди.", THURSDAY, "Вечером в среду", date(2022, 1, 5), True),
        ("В четверг полиция разогнала митинг.", THURSDAY, "В четверг", THURSDAY, True),
        ("Акция прошла в пятницу у здания акимата.", THURSDAY, "в пятницу", date(2021, 12, 31), True),
        ("В среду вечером начались столкновения.", THURSDAY, "В среду вечером", date(2022, 1, 5), True),
        ("В минувшую субботу прошёл пикет.", THURSDAY, "В минувшую субботу", date(2022, 1, 1), True),
        # relative days and parts of the day
        ("Накануне полиция задержала активистов.", THURSDAY, "Накануне", date(2022, 1, 5), True),
        ("Вчера в городе прошёл митинг.", THURSDAY, "Вчера", date(2022, 1, 5), True),
        ("Позавчера у мэрии собрались пенсионеры.", THURSDAY, "Позавчера", date(2022, 1, 4), True),
        ("Сегодня утром протестующие перекрыли трассу.", THURSDAY, "Сегодня утром", THURSDAY, True),
        ("Ночью в городе было неспокойно.", THURSDAY, "Ночью", THURSDAY, True),
        ("Утром силовики оцепили площадь.", THURSDAY, "Утром", THURSDAY, True),
        ("Днём толпа двинулась к акимату.", THURSDAY, "Днём", THURSDAY, True),
        ("Вечером стрельба возобновилась.", THURSDAY, "Вечером", THURSDAY, True),
        ("Три дня назад в городе ввели комендантский час.", THURSDAY, "Три дня назад", date(2022, 1, 3), True),
        # nights belong to the day they end in
        ("В ночь на среду прошли обыски.", THURSDAY, "В ночь на среду", date(2022, 1, 5), True),
        ("В ночь с субботы на воскресенье был взрыв.", THURSDAY, "В ночь с субботы на воскресенье", date(2022, 1, 2), True),
        ("В ночь с 15 на 16 июля в городе стреляли.", date(2021, 7, 17), "В ночь с 15 на 16 июля", date(2021, 7, 16), False),
        # a named day takes its year from the anchor
        ("В понедельник 28 июня прошёл митинг.", date(2021, 7, 1), "В понедельник 28 июня", date(2021, 6, 28), False),
        ("Во вторник, 11 декабря, задержали блогера.", date(2018, 12, 14), "Во вторник, 11 декабря", date(2018, 12, 11), False),
        ("В минувшую среду, 20 апреля, прошла акция.", date(2022, 4, 22), "В минувшую среду, 20 апреля", date(2022, 4, 20), False),
        ("23 января в центре прошло шествие.", date(2021, 1, 25), "23 января", date(2021, 1, 23), False),
        ("Суд назначен на 27 июля.", THURSDAY, "27 июля", date(2021, 7, 27), False),
        ("Митинг назначен на 8 января.", THURSDAY, "8 января", date(2022, 1, 8), False),
        ("Задержание произошло 31 янв.", date(2019, 2, 3), "31 янв", date(2019, 1, 31), False),
        ("Утром 16 мая начались обыски.", date(2019, 5, 20), "Утром 16 мая", date(2019, 5, 16), False),
        # year rollover
        ("Акция прошла в среду 29 декабря.", date(2022, 1, 3), "в среду 29 декабря", date(2021, 12, 29), False),
        ("Акция прошла в среду.", date(2022, 1, 3), "в среду", date(2021, 12, 29), True),
        # absolute dates
        ("Теракт произошёл 14 июля 2017 года в столице.", None, "14 июля 2017 года", date(2017, 7, 14), False),
        ("Выборы прошли 13 мая 2018 года.", THURSDAY, "13 мая 2018 года", date(2018, 5, 13), False),
        # razdel ends a sentence after "янв.", so the abbreviation is tested without its dot
        ("Приговор вынесен 31 янв 2019 г. в Москве.", None, "31 янв 2019 г", date(2019, 1, 31), False),
        ("Документ подписан 2 декабря 2018 года.", None, "2 декабря 2018 года", date(2018, 12, 2), False),
        ("Дата публикации: 20.04.2011, автор неизвестен.", None, "20.04.2011", date(2011, 4, 20), False),
        ("Запись от 2021-01-23 удалена.", None, "2021-01-23", date(2021, 1, 23), False),
    ],
)
def test_resolved_day(text, published, span, day, relative):
    m = only_date(text, published)
    assert (m.start, m.end, m.text) == (text.index(span), text.index(span) + len(span), span)
    assert (m.day, m.year, m.month, m.relative) == (day, day.year, day.month, relative)


@pytest.mark.parametrize(
    "text, published, span, year, month, relative",
    [
        ("В 2011 году в городе стреляли.", THURSDAY, "В 2011 году", 2011, None, False),
        ("В прошлом году протесты не утихали.", THURSDAY, "В прошлом году", 2021, None, True),
        ("Год назад здесь тоже стреляли.", THURSDAY, "Год назад", 2021, None, True),
        ("В прошлом месяце бастовали нефтяники.", THURSDAY, "В прошлом месяце", 2021, 12, True),
        ("Ещё в январе 2011 года начались забастовки.", None, "Ещё в январе 2011 года", 2011, 1, False),
        ("В декабре начались забастовки.", THURSDAY, "В декабре", 2021, 12, False),
        # a named day with no anchor keeps its month only
        ("23 января прошли акции.", None, "23 января", None, 1, False),
        # a weekday or a relative day with no anchor is unresolved
        ("Митинг прошёл в субботу.", None, "в субботу", None, None, True),
        ("Накануне полиция задержала двоих.", None, "Накануне", None, None, True),
    ],
)
def test_unresolved_day(text, published, span, year, month, relative):
    m = only_date(text, published)
    assert (m.start, m.text) == (text.index(span), span)
    assert (m.day, m.year, m.month, m.relative) == (None, year, month, relative)


@pytest.mark.parametrize(
    "text, span, offset",
    [
        ("За день до акции активистов вызвали в полицию.", "За день до", -1),
        ("На следующий день задержанных отпустили.", "На следующий день", 1),
        ("Накануне выборов прошли обыски.", "Накануне выборов", -1),
        ("В тот же день суд арестовал троих.", "В тот же день", 0),
    ],
)
def test_event_relative_days_are_left_to_the_caller(text, span, offset):
    m = only_date(text, THURSDAY)
    assert (m.start, m.text, m.day, m.relative) == (text.index(span), span, None, True)
    assert event_offset(m) == offset


@pytest.mark.parametrize(
    "text, published",
    [
        ("Вечером в среду прошёл митинг.", THURSDAY),
        ("Накануне вечером прошёл митинг.", None),
        ("Накануне прошёл митинг.", None),
    ],
)
def test_event_offset_is_none_for_mentions_counted_from_the_anchor(text, published):
    assert event_offset(only_date(text, published)) is None


@pytest.mark.parametrize(
    "text",
    [
        "В 9:22 задержаны 14 человек, около 15:30 их отпустили.",
        "Его оштрафовали по ст. 19.3 КоАП на 2000 рублей.",
        "В среде активистов растёт недовольство.",
        "Задержаны 12 участников акции, 5 из них арестованы на 10 суток.",
    ],
)
def test_numbers_and_words_that_are_not_dates(text):
    assert all_dates(parsed(text, THURSDAY)) == []


def test_several_mentions_in_one_sentence():
    text = "В понедельник и во вторник, 4 января, шли забастовки, а 2 января — митинг."
    found = all_dates(parsed(text, THURSDAY))
    assert [(m.start, m.text, m.day) for m in found] == [
        (0, "В понедельник", date(2022, 1, 3)),
        (text.index("во вторник"), "во вторник, 4 января", date(2022, 1, 4)),
        (text.index("2 января"), "2 января", date(2022, 1, 2)),
    ]


def test_days_listed_before_the_month_take_its_month():
    text = "Удары наносились 2, 3 и 4 января, а погибли 5 человек."
    found = all_dates(parsed(text, THURSDAY))
    assert [(m.text, m.day) for m in found] == [
        ("2,", date(2022, 1, 2)), ("3", date(2022, 1, 3)), ("4 января", date(2022, 1, 4))]
    assert [m.day for m in all_dates(parsed("Задержаны 5 и ранены 3 человека.", THURSDAY))] == []


def test_anchor_is_published_when_known():
    doc = parsed("Акция прошла 14 июля 2017 года.", THURSDAY)
    assert anchor_date(doc) == THURSDAY


def test_anchor_from_an_earlier_sentence_when_published_is_unknown():
    text = "Акция прошла в пятницу, 14 июля 2017 года. Накануне задержали двоих. В среду их отпустили."
    doc = parsed(text)
    assert anchor_date(doc) == date(2017, 7, 14)
    found = all_dates(doc)
    assert [(m.start, m.text, m.day) for m in found] == [
        (text.index("в пятницу"), "в пятницу, 14 июля 2017 года", date(2017, 7, 14)),
        (text.index("Накануне"), "Накануне", date(2017, 7, 13)),
        (text.index("В среду"), "В среду", date(2017, 7, 12)),
    ]


def test_no_anchor_without_a_full_date():
    assert anchor_date(parsed("В субботу, 23 января, прошли акции. В 2011 году тоже.")) is None


def test_background_lead_word_joins_the_mention():
    text = "Ранее, в 2011 году, в городе стреляли."
    m = only_date(text)
    assert (m.start, m.end, m.text, m.year) == (0, len("Ранее, в 2011 году"), "Ранее, в 2011 году", 2011)


@pytest.mark.parametrize(
    "text, published, background",
    [
        ("В 2011 году в городе стреляли.", THURSDAY, True),
        ("В прошлом году протесты не утихали.", THURSDAY, True),
        ("Год назад здесь тоже стреляли.", THURSDAY, True),
        ("Несколько лет назад здесь тоже стреляли.", THURSDAY, True),
        ("Ранее, в 2011 году, в городе стреляли.", None, True),
        ("В 2011 году в городе стреляли.", None, False),
        ("Суд назначен на 27 июля.", THURSDAY, True),
        ("Митинг прошёл 6 декабря.", THURSDAY, True),
        ("Митинг прошёл 7 декабря.", THURSDAY, False),
        ("В декабре начались забастовки.", THURSDAY, False),
        ("Вечером в среду на площади собрались люди.", THURSDAY, False),
        ("Ранее в среду полиция задержала двоих.", THURSDAY, False),
        ("Ранее на этой неделе прошли обыски.", THURSDAY, False),
    ],
)
def test_is_background(text, published, background):
    doc = parsed(text, published)
    (m,) = all_dates(doc)
    assert is_background(m, anchor_date(doc), published) is background


def test_background_counts_from_the_anchor_when_published_is_unknown():
    doc = parsed("Акция прошла 14 июля 2017 года. Похожая акция была 1 мая 2017 года.")
    first, second = all_dates(doc)
    anchor = anchor_date(doc)
    assert (first.text, second.text) == ("14 июля 2017 года", "1 мая 2017 года")
    assert not is_background(first, anchor, None)
    assert is_background(second, anchor, None)


def test_the_rules_run_only_near_a_date_like_token_and_still_take_the_preposition_in():
    from svodka.attach.dates import date_like

    doc = parsed("Митинг прошёл спокойно, а во вторник его разогнали.", THURSDAY)
    likely = date_like(doc.sentences[0].tokens)
    assert [t.text for t, flag in zip(doc.sentences[0].tokens, likely) if flag][-1:] == ["вторник"]
    assert not any(likely[:5])
    assert [m.text for m in all_dates(doc)] == ["во вторник"]
    assert all_dates(parsed("Участники акции разошлись без происшествий.", THURSDAY)) == []


def test_the_start_of_a_period_is_background_but_a_night_or_the_morning_is_not():
    published = date(2024, 11, 6)
    [since] = find_dates(parsed("Протесты продолжаются с 2 ноября.", published), 0, published)
    assert since.text == "с 2 ноября" and is_background(since, published, published)
    [night] = find_dates(parsed("В ночь с 4 на 5 ноября прогремел взрыв.", published), 0, published)
    assert not is_background(night, published, published)


def test_nakanune_after_a_stated_day_counts_from_that_day():
    text = "В понедельник, 14 марта, депутат скончался в больнице после того, как накануне на него напали у дома."
    found = all_dates(parsed(text, date(2022, 3, 16)))
    assert [(m.text, m.day) for m in found] == [
        ("В понедельник, 14 марта", date(2022, 3, 14)),
        ("накануне", date(2022, 3, 13)),
    ]


def test_nakanune_alone_is_the_day_before_published():
    found = all_dates(parsed("Накануне у здания суда прошел митинг.", date(2022, 3, 16)))
    assert [(m.text, m.day) for m in found] == [("Накануне", date(2022, 3, 15))]


def test_the_day_of_a_plan_is_no_anchor_when_published_is_unknown():
    doc = parsed("В понедельник у парламента прошел митинг. Выборы должны состояться 12 мая 2019 года.")
    assert anchor_date(doc) is None
    assert anchor_date(parsed("Выборы пройдут 12 мая 2019 года. Митинг прошел 3 марта 2019 года.")) == date(2019, 3, 3)


def test_the_writer_s_napomnim_is_no_plan():
    doc = parsed("Напомним, 6 мая 2019 года в городе прошел митинг. В субботу прошел еще один.")
    assert anchor_date(doc) == date(2019, 5, 6)


def test_the_start_or_end_of_a_month_is_that_month_and_history_two_months_on():
    published = date(2024, 11, 30)
    early = only_date("В начале сентября его задержали в Донецке.", published)
    assert (early.year, early.month, early.day) == (2024, 9, None)
    assert is_background(early, None, published)
    late = only_date("В конце ноября его задержали в Донецке.", published)
    assert (late.month, is_background(late, None, published)) == (11, False)


def test_a_detention_at_the_start_of_a_month_long_gone_is_no_news():
    from svodka.pipeline import extract
    doc = extract(Document("t", "Военный перевёлся в тыл. В начале сентября его задержали на фронте за неуплату налогов.", date(2024, 11, 30)))
    assert [e for e in doc.events if e.modality == "actual"] == []
