import io
import json
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from svodka.errors import InputError, SvodkaError
from svodka.ingest.common import parse_published
from svodka.ingest.readers import read_documents

NEWS = (
    "Митинг против закрытия больницы прошёл в Самаре\n"
    "В среду на площади Славы собрались около трёхсот человек. "
    "Полиция задержала двоих участников, сообщает пресс-служба МВД.\n"
    "Организаторы обещают продолжить акции «до победы» — и уже подали заявку."
)


def read_all(path, **kwargs):
    errors: list[str] = []
    documents = list(read_documents(str(path), on_error=errors.append, **kwargs))
    return documents, errors


def write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# --- parse_published ----------------------------------------------------------


def test_parse_published_reads_an_iso_day():
    assert parse_published("2023-03-15") == date(2023, 3, 15)


def test_parse_published_passes_none_through():
    assert parse_published(None) is None


@pytest.mark.parametrize("value", ["2023-3-15", "20230315", "2023-02-30", "15.03.2023", "2023-W11-3", ""])
def test_parse_published_rejects_anything_but_yyyy_mm_dd(value):
    with pytest.raises(InputError) as raised:
        parse_published(value)
    assert str(raised.value) == f"invalid --published date '{value}': expected YYYY-MM-DD"
    assert isinstance(raised.value, SvodkaError)


# --- plain text ---------------------------------------------------------------


def test_utf8_text_file_is_one_document_with_the_callers_metadata(tmp_path):
    path = write(tmp_path / "samara-rally.txt", NEWS)
    (doc,), errors = read_all(path, published=date(2023, 3, 15), source="Волга-ТВ", url="https://example.ru/1")
    assert (doc.id, doc.text) == ("samara-rally", NEWS)
    assert (doc.published, doc.source, doc.url, doc.title) == (date(2023, 3, 15), "Волга-ТВ", "https://example.ru/1", None)
    assert errors == []


def test_utf8_bom_is_dropped(tmp_path):
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + NEWS.encode("utf-8"))
    (doc,), _ = read_all(path)
    assert doc.text == NEWS


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "cp866"])
def test_russian_single_byte_encodings_decode_to_the_right_cyrillic(tmp_path, encoding):
    text = NEWS.replace("«", '"').replace("»", '"').replace("—", "-") if encoding != "cp1251" else NEWS
    path = write(tmp_path / "news.txt", text.encode(encoding))
    (doc,), _ = read_all(path)
    assert doc.text == text


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
@pytest.mark.parametrize("text", ["Привет", "Задержаны двое.", "ОМОН задержал 12 человек"])
def test_short_russian_texts_are_not_mistaken_for_another_encoding(tmp_path, encoding, text):
    path = write(tmp_path / "short.txt", text.encode(encoding))
    (doc,), _ = read_all(path)
    assert doc.text == text


def test_windows_and_old_mac_newlines_become_line_feeds(tmp_path):
    path = write(tmp_path / "crlf.txt", "Первая строка\r\nВторая строка\rТретья".encode("cp1251"))
    (doc,), _ = read_all(path)
    assert doc.text == "Первая строка\nВторая строка\nТретья"


def test_utf16_with_bom_is_text_not_binary(tmp_path):
    path = write(tmp_path / "notepad.txt", NEWS.encode("utf-16"))
    (doc,), _ = read_all(path)
    assert doc.text == NEWS


def test_latin1_text_is_not_read_as_cyrillic(tmp_path):
    path = write(tmp_path / "fr.txt", "Le café était fermé. Où est-il allé? Très bien, merci.".encode("latin-1"))
    (doc,), _ = read_all(path)
    assert not any("\u0400" <= ch <= "\u04ff" for ch in doc.text)
    assert doc.text.startswith("Le caf")


def test_file_without_extension_is_read_as_text(tmp_path):
    path = write(tmp_path / "README", NEWS)
    (doc,), _ = read_all(path)
    assert (doc.id, doc.text) == ("README", NEWS)


# --- JSON Lines -----------------------------------------------------------------


def jsonl(*records) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n"


def test_jsonl_bad_line_is_reported_with_its_number_and_the_others_survive(tmp_path):
    path = write(
        tmp_path / "batch.jsonl",
        jsonl(
            {"id": "a", "text": "Первый текст.", "published": "2023-03-15", "source": "ТАСС", "url": "https://t/1", "title": "Один"},
            '{"id": "b", "text": "оборванная строка',
            {"id": "c", "text": "Третий текст."},
        ),
    )
    documents, errors = read_all(path)
    assert [(d.id, d.text) for d in documents] == [("a", "Первый текст."), ("c", "Третий текст.")]
    first = documents[0]
    assert (first.published, first.source, first.url, first.title) == (date(2023, 3, 15), "ТАСС", "https://t/1", "Один")
    assert len(errors) == 1
    assert errors[0].startswith(f"{path}:2: invalid JSON: ")


@pytest.mark.parametrize(
    "line, problem",
    [
        ('{"text": "Текст."}', "missing 'id'"),
        ('{"id": "x", "text": null}', "missing 'text'"),
        ('{"id": 7, "text": "Текст."}', "'id' must be a string, not a number"),
        ('{"id": "x", "text": ["Текст."]}', "'text' must be a string, not an array"),
        ('{"id": "x", "text": "Текст.", "source": true}', "'source' must be a string, not true/false"),
        ('{"id": "x", "text": "Текст.", "published": "15.03.2023"}', "invalid 'published' date '15.03.2023': expected YYYY-MM-DD"),
        ('{"id": "x", "text": "   "}', "'text' is empty"),
        ('["x", "Текст."]', "expected a JSON object, got an array"),
    ],
)
def test_each_kind_of_malformed_line_says_what_is_wrong(tmp_path, line, problem):
    path = write(tmp_path / "one-bad.jsonl", jsonl({"id": "ok", "text": "Хороший текст."}, line))
    documents, errors = read_all(path)
    assert [d.id for d in documents] == ["ok"]
    assert errors == [f"{path}:2: {problem}"]


def test_jsonl_blank_lines_are_skipped_but_still_counted(tmp_path):
    path = write(tmp_path / "gaps.jsonl", "\n" + jsonl({"id": "a", "text": "А."}) + "  \n" + '{"id": 1}\n')
    documents, errors = read_all(path)
    assert [d.id for d in documents] == ["a"]
    assert errors == [f"{path}:4: missing 'text'"]


def test_jsonl_line_separator_inside_a_string_does_not_split_the_line(tmp_path):
    text = "Абзац один.\u2028Абзац два.\x85Конец."
    path = write(tmp_path / "sep.jsonl", jsonl({"id": "a", "text": text}, {"id": "b", "text": "Б."}))
    documents, errors = read_all(path)
    assert [(d.id, d.text) for d in documents] == [("a", text), ("b", "Б.")]
    assert errors == []


def test_jsonl_record_values_win_and_the_callers_metadata_fills_gaps(tmp_path):
    path = write(
        tmp_path / "meta.jsonl",
        jsonl({"id": "a", "text": "А.", "published": "2023-01-02", "source": "РИА"}, {"id": "b", "text": "Б.", "published": None}),
    )
    (a, b), _ = read_all(path, published=date(2023, 5, 6), source="Лента", url="https://x/")
    assert (a.published, a.source, a.url) == (date(2023, 1, 2), "РИА", "https://x/")
    assert (b.published, b.source, b.url) == (date(2023, 5, 6), "Лента", "https://x/")


def test_text_file_whose_content_is_json_lines_is_read_as_json_lines(tmp_path):
    path = write(tmp_path / "export.txt", jsonl({"id": "a", "text": "А."}, {"id": "b", "text": "Б."}))
    documents, _ = read_all(path)
    assert [(d.id, d.text) for d in documents] == [("a", "А."), ("b", "Б.")]


def test_jsonl_whose_every_line_is_bad_is_fatal_after_reporting_them(tmp_path):
    path = write(tmp_path / "bad.jsonl", "{\n[]\n")
    errors: list[str] = []
    with pytest.raises(InputError, match=f"^no documents in {path}$"):
        list(read_documents(str(path), on_error=errors.append))
    assert [e.split(": ")[0] for e in errors] == [f"{path}:1", f"{path}:2"]


def test_stdin_is_read_as_json_lines(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(jsonl({"id": "s1", "text": "Из потока."}, "oops", {"id": "s2", "text": "Ещё."})))
    documents, errors = read_all("-", published=date(2023, 3, 15))
    assert [(d.id, d.text, d.published) for d in documents] == [
        ("s1", "Из потока.", date(2023, 3, 15)),
        ("s2", "Ещё.", date(2023, 3, 15)),
    ]
    assert len(errors) == 1 and errors[0].startswith("<stdin>:2: invalid JSON")


def test_empty_stdin_is_fatal(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    with pytest.raises(InputError, match="^no documents in standard input$"):
        read_all("-")


# --- HTML -----------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}">
<title>Митинг в Самаре — Новости Поволжья</title>
<meta property="og:title" content="Митинг в Самаре">
<meta property="og:url" content="https://example.ru/news/42">
{date_meta}
<script>var banner = "Подпишитесь на рассылку";</script>
</head><body>
<nav><a href="/">Главная</a> | <a href="/politics">Политика</a></nav>
<article>
<p>В среду на площади Славы в Самаре прошёл митинг против закрытия городской больницы номер два.</p>
<script>document.write("Реклама в тексте");</script>
<p>По данным организаторов, в акции участвовали около трёхсот человек. Полиция задержала двоих участников.</p>
<p>Власти города заявили, что решение о закрытии больницы пока не принято и будет обсуждаться.</p>
</article>
<footer>© 2023 Новости Поволжья</footer>
</body></html>"""
DATE_META = '<meta property="article:published_time" content="2023-03-15T09:30:00+04:00">'


def test_html_page_gives_main_text_title_date_and_url(tmp_path):
    path = write(tmp_path / "rally.html", PAGE.format(charset="utf-8", date_meta=DATE_META))
    (doc,), errors = read_all(path, published=date(2020, 1, 1))
    assert doc.id == "rally"
    assert doc.title == "Митинг в Самаре"
    assert doc.published == date(2023, 3, 15)
    assert doc.url == "https://example.ru/news/42"
    assert doc.text.startswith("Митинг в Самаре\n")
    assert "В среду на площади Славы в Самаре прошёл митинг" in doc.text
    assert "Полиция задержала двоих участников." in doc.text
    assert "Реклама" not in doc.text and "Подпишитесь" not in doc.text and "Главная" not in doc.text
    assert errors == []


def test_html_in_cp1251_follows_its_meta_charset(tmp_path):
    path = write(tmp_path / "old.htm", PAGE.format(charset="windows-1251", date_meta=DATE_META).encode("cp1251"))
    (doc,), _ = read_all(path)
    assert "около трёхсот человек" in doc.text


def test_html_without_a_date_falls_back_to_the_published_argument(tmp_path):
    path = write(tmp_path / "undated.html", PAGE.format(charset="utf-8", date_meta=""))
    (doc,), _ = read_all(path, published=date(2023, 3, 16))
    assert doc.published == date(2023, 3, 16)


def test_html_without_main_text_is_fatal(tmp_path):
    path = write(tmp_path / "blank.html", "<html><head><title>x</title></head><body><script>x()</script></body></html>")
    with pytest.raises(InputError, match=f"^{path}: no main text found in the HTML$"):
        read_all(path)


# --- feeds ----------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Вести Поволжья</title><link>https://example.ru/</link><description>Новости</description>
<item>
  <title>Митинг в Самаре</title>
  <link>https://example.ru/news/1</link>
  <guid isPermaLink="false">vesti-1</guid>
  <description>&lt;p&gt;В среду прошёл &lt;b&gt;митинг&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Задержаны двое.&lt;/p&gt;</description>
  <pubDate>Wed, 15 Mar 2023 01:30:00 +0400</pubDate>
</item>
<item>
  <title>Пожар на складе</title>
  <link>https://example.ru/news/2</link>
  <description>Огонь потушили за час &amp; без жертв.</description>
</item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Лента Казани</title><id>urn:feed:kazan</id><updated>2023-03-15T12:00:00Z</updated>
<entry>
  <title>Пожар в Казани</title>
  <id>urn:kazan:7</id>
  <link href="https://example.ru/kazan/7"/>
  <published>2023-03-14T23:50:00+03:00</published>
  <updated>2023-03-16T08:00:00+03:00</updated>
  <summary>Коротко о пожаре.</summary>
  <content type="html">&lt;p&gt;Во вторник вечером загорелся склад.&lt;/p&gt;&lt;p&gt;Пострадавших нет.&lt;/p&gt;</content>
</entry>
</feed>"""


def test_rss_items_become_documents_dated_in_the_publishers_time_zone(tmp_path):
    path = write(tmp_path / "vesti.rss", RSS)
    (first, second), errors = read_all(path, published=date(2023, 3, 20))
    assert first.id == "vesti-1"
    assert first.text == "Митинг в Самаре\nВ среду прошёл митинг.\nЗадержаны двое."
    # 01:30 at +04:00 is still the 14th in UTC; the local day is the 15th
    assert first.published == date(2023, 3, 15)
    assert (first.source, first.url, first.title) == ("Вести Поволжья", "https://example.ru/news/1", "Митинг в Самаре")
    assert errors == []


def test_rss_item_without_guid_or_date_uses_its_link_and_the_published_argument(tmp_path):
    path = write(tmp_path / "vesti.xml", RSS)
    _, second = read_all(path, published=date(2023, 3, 20))[0]
    assert second.id == "https://example.ru/news/2"
    assert second.text == "Пожар на складе\nОгонь потушили за час & без жертв."
    assert second.published == date(2023, 3, 20)


def test_atom_entry_prefers_full_content_to_summary(tmp_path):
    path = write(tmp_path / "kazan.atom", ATOM)
    (doc,), _ = read_all(path)
    assert doc.id == "urn:kazan:7"
    assert doc.text == "Пожар в Казани\nВо вторник вечером загорелся склад.\nПострадавших нет."
    assert doc.published == date(2023, 3, 14)
    assert (doc.source, doc.url, doc.title) == ("Лента Казани", "https://example.ru/kazan/7", "Пожар в Казани")


def test_xml_that_is_not_a_feed_is_fatal(tmp_path):
    path = write(tmp_path / "sitemap.xml", "это не лента и не XML вовсе")
    with pytest.raises(InputError, match=f"^{path} is not an RSS or Atom feed"):
        read_all(path)


# --- WARC -----------------------------------------------------------------------


def warc_records(writer: WARCWriter, page: str) -> None:
    writer.write_record(
        writer.create_warc_record(
            "https://example.ru/news/42",
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders("GET /news/42 HTTP/1.1", [("Host", "example.ru")], is_http_request=True),
        )
    )
    writer.write_record(
        writer.create_warc_record(
            "https://example.ru/news/42",
            "response",
            payload=io.BytesIO(page.encode("cp1251")),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=windows-1251")], protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": "2023-03-17T10:00:00Z"},
        )
    )
    writer.write_record(
        writer.create_warc_record(
            "https://example.ru/gone",
            "response",
            payload=io.BytesIO(page.encode("cp1251")),
            http_headers=StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1"),
        )
    )
    writer.write_record(
        writer.create_warc_record(
            "https://example.ru/logo.png",
            "response",
            payload=io.BytesIO(b"\x89PNG\r\n\x1a\n\0\0\0"),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1"),
        )
    )


def build_warc(path: Path, page: str, *, gzip: bool = False, tail: bytes = b"") -> Path:
    buffer = io.BytesIO()
    warc_records(WARCWriter(buffer, gzip=gzip), page)
    return write(path, buffer.getvalue() + tail)


def response_id(path: Path) -> str:
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type == "response":
                return record.rec_headers.get_header("WARC-Record-ID").strip("<>")
    raise AssertionError("no response record")


@pytest.mark.parametrize("name, gzip", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_yields_only_its_successful_html_responses(tmp_path, name, gzip):
    path = build_warc(tmp_path / name, PAGE.format(charset="windows-1251", date_meta=""), gzip=gzip)
    (doc,), errors = read_all(path)
    assert doc.id == response_id(path) and doc.id.startswith("urn:uuid:")
    assert doc.url == "https://example.ru/news/42"
    assert doc.published == date(2023, 3, 17)  # the page has no date: the crawl's
    assert "около трёхсот человек" in doc.text
    assert errors == []


def test_warc_page_date_wins_over_the_crawl_date(tmp_path):
    path = build_warc(tmp_path / "dated.warc", PAGE.format(charset="windows-1251", date_meta=DATE_META))
    (doc,), _ = read_all(path, published=date(2023, 3, 16))
    assert doc.published == date(2023, 3, 15)


def test_warc_published_argument_wins_over_the_crawl_date(tmp_path):
    path = build_warc(tmp_path / "undated.warc", PAGE.format(charset="windows-1251", date_meta=""))
    (doc,), _ = read_all(path, published=date(2023, 3, 16))
    assert doc.published == date(2023, 3, 16)


def broken_response(uri: str, status_line: bytes) -> bytes:
    payload = status_line + b"\r\n\r\n<html><body><p>x</p></body></html>"
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:broken-1>\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: 2023-03-17T10:00:00Z\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(payload)}\r\n\r\n"
    )
    return head.encode() + payload + b"\r\n\r\n"


@pytest.mark.parametrize("status_line", [b"not a status line", b"garbage", b""])
def test_warc_broken_record_is_reported_and_the_next_ones_still_read(tmp_path, status_line):
    page = PAGE.format(charset="windows-1251", date_meta="")
    buffer = io.BytesIO()
    warc_records(WARCWriter(buffer, gzip=False), page)
    buffer.write(broken_response("https://example.ru/broken", status_line))
    warc_records(WARCWriter(buffer, gzip=False), page)
    path = write(tmp_path / "mixed.warc", buffer.getvalue())
    documents, errors = read_all(path)
    assert len(documents) == 2
    assert errors == [f"{path}: record urn:uuid:broken-1: unreadable HTTP headers"]


def test_warc_garbage_after_a_record_stops_reading_but_keeps_what_was_read(tmp_path):
    path = build_warc(tmp_path / "cut.warc", PAGE.format(charset="windows-1251", date_meta=""), tail=b"garbage here\r\n\r\n")
    documents, errors = read_all(path)
    assert len(documents) == 1
    assert len(errors) == 1 and errors[0].startswith(f"{path}: stopped reading at a broken record")


def test_file_named_warc_that_is_not_one_is_fatal(tmp_path):
    path = write(tmp_path / "fake.warc", "просто текст")
    with pytest.raises(InputError, match=f"^{path} is not a WARC archive$"):
        read_all(path)


# --- folders --------------------------------------------------------------------


def test_folder_reads_every_supported_file_recursively_in_path_order(tmp_path):
    write(tmp_path / "b.txt", "Текст бэ.".encode("koi8_r"))
    write(tmp_path / "a.jsonl", jsonl({"id": "j1", "text": "Первый."}, {"id": "j2", "text": "Второй."}))
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "page.html", PAGE.format(charset="utf-8", date_meta=DATE_META))
    write(tmp_path / "sub" / "feed.atom", ATOM)
    build_warc(tmp_path / "sub" / "z.warc.gz", PAGE.format(charset="windows-1251", date_meta=""), gzip=True)
    write(tmp_path / "notes.md", "не читается")
    write(tmp_path / "gold.json", '{"events": []}')
    (tmp_path / ".cache").mkdir()
    write(tmp_path / ".cache" / "hidden.txt", "Скрытый.")
    documents, errors = read_all(tmp_path)
    ids = [d.id for d in documents]
    assert ids[:5] == ["j1", "j2", "b", "urn:kazan:7", "page"]
    assert ids[5].startswith("urn:uuid:") and len(ids) == 6
    assert documents[2].text == "Текст бэ."
    assert errors == []


def test_folder_reports_an_unreadable_file_and_reads_the_rest(tmp_path):
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    write(tmp_path / "good.txt", NEWS)
    documents, errors = read_all(tmp_path)
    assert [d.id for d in documents] == ["good"]
    assert errors == [f"{tmp_path / 'empty.txt'} is empty", f"{tmp_path / 'image.txt'} is not text (binary data)"]


# --- fatal errors ---------------------------------------------------------------


def test_missing_file_fails_at_once(tmp_path):
    with pytest.raises(InputError, match="^no such file: .*nowhere.txt$"):
        read_documents(str(tmp_path / "nowhere.txt"))


@pytest.mark.parametrize("content", [b"", b" \n\t\n"])
def test_empty_file_is_fatal(tmp_path, content):
    path = write(tmp_path / "empty.txt", content)
    with pytest.raises(InputError, match=f"^{path} is empty$"):
        read_all(path)


def test_binary_file_is_fatal(tmp_path):
    path = write(tmp_path / "photo.txt", b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01")
    with pytest.raises(InputError, match=f"^{path} is not text \\(binary data\\)$"):
        read_all(path)


def test_undecodable_text_is_fatal(tmp_path):
    path = write(tmp_path / "noise.txt", bytes(range(0x80, 0x100)) * 3)
    with pytest.raises(InputError, match=f"^{path}: cannot tell the text encoding"):
        read_all(path)


def test_folder_without_supported_files_is_fatal(tmp_path):
    write(tmp_path / "notes.md", "не читается")
    with pytest.raises(InputError, match=f"^{tmp_path} has no supported files"):
        read_all(tmp_path)


def test_folder_whose_every_file_fails_is_fatal(tmp_path):
    write(tmp_path / "empty.txt", b"")
    errors: list[str] = []
    with pytest.raises(InputError, match=f"^no documents in {tmp_path}$"):
        list(read_documents(str(tmp_path), on_error=errors.append))
    assert errors == [f"{tmp_path / 'empty.txt'} is empty"]
