"""Quotation spans: the direct quote of a speech verb, the reported clause, scare quotes."""

from svodka.attach.sources.quotes import LINK, LINK_MARK
from svodka.attach.sources.speakers import find_quotes

from .conftest import chains, only


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


def test_every_link_holds_the_mark_that_lets_a_text_be_scanned_for_links():
    texts = ["Подробнее: https://example.org/a", "см. WWW.Example.ru", "канал t.me/news_channel",
             "[источник](https://x.ru/1)", "статья news.ru/2024/page.HTML сегодня", "файл index.php", "отчёт page.aspx"]
    for text in texts:
        assert LINK.search(text), text
        assert LINK_MARK.search(text), text
    assert LINK_MARK.search("В Москве прошёл митинг, задержаны 5 человек.") is None
