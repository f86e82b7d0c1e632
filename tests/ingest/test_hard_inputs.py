"""Hard inputs: damaged bytes, undeclared encodings, deep nesting, oversized records and pages.

A bad record costs only itself (reported with where it is); a whole input that cannot be
read is one InputError line; nothing is silently cut or stored as mojibake.
"""
import io
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from svodka.errors import InputError
from svodka.ingest.common import Limits
from svodka.ingest.readers import read_documents
from tests.ingest.test_readers import NEWS, PAGE, write

ROOT = Path(__file__).resolve().parents[1]
SVODKA = [sys.executable, "-m", "svodka.cli.main"]


def read_all(path, **kwargs):
    errors: list[str] = []
    warnings: list[str] = []
    documents = list(read_documents(str(path), on_error=errors.append, on_warning=warnings.append, **kwargs))
    return documents, errors, warnings


def jsonl(*records) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode()) + b"\n" for r in records)


# --- JSON Lines -----------------------------------------------------------------------


def test_json_lines_are_read_a_line_at_a_time_not_whole(tmp_path, monkeypatch):
    path = write(tmp_path / "docs.jsonl", jsonl({"id": "a", "text": "Первый."}, {"id": "b", "text": "Второй."}))
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the whole file was read"))
    documents = read_documents(str(path), on_error=pytest.fail)
    assert next(documents).id == "a" and next(documents).id == "b"


def test_undecodable_bytes_in_a_utf8_line_are_replaced_and_reported_with_the_line(tmp_path):
    bad = '{"id": "b", "text": "Митинг '.encode() + b"\xff\xfe" + ' в Самаре."}'.encode()
    path = write(tmp_path / "docs.jsonl", jsonl({"id": "a", "text": NEWS}, bad, {"id": "c", "text": "Третий."}))
    documents, errors, warnings = read_all(path)
    assert [d.id for d in documents] == ["a", "b", "c"] and errors == []
    assert documents[1].text == "Митинг \ufffd\ufffd в Самаре."
    assert len(warnings) == 1 and warnings[0].startswith(f"{path}:2: undecodable bytes replaced")


def test_json_nested_a_hundred_thousand_deep_is_one_refused_line(tmp_path):
    deep = b'{"id": "d", "text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    path = write(tmp_path / "docs.jsonl", jsonl(b"[" * 100_000, deep, {"id": "ok", "text": "Уцелел."}))
    documents, errors, _ = read_all(path)
    assert [d.id for d in documents] == ["ok"]
    assert errors == [f"{path}:1: invalid JSON: nested too deeply", f"{path}:2: invalid JSON: nested too deeply"]


def test_a_record_or_line_over_the_document_limit_is_refused_by_number_and_not_cut(tmp_path):
    path = write(tmp_path / "docs.jsonl", jsonl({"id": "a", "text": "Короткий."}, {"id": "big", "text": "б" * 5000},
                                                {"id": "huge", "text": "б" * 20_000}, {"id": "c", "text": "Тоже короткий."}))
    documents, errors, _ = read_all(path, limits=Limits(document=2000))
    assert [d.id for d in documents] == ["a", "c"]
    assert errors[0] == (f"{path}:2: 'text' is over the 2000 bytes limit for a document "
                         "(set SVODKA_MAX_DOCUMENT to raise it)")
    assert errors[1].startswith(f"{path}:3: the line is over the 12000 bytes limit for a JSON Lines record")
    assert len(errors) == 2


def test_a_page_whose_text_is_over_the_document_limit_is_refused(tmp_path):
    path = write(tmp_path / "page.html", PAGE.format(charset="utf-8", date_meta=""))
    errors: list[str] = []
    with pytest.raises(InputError, match="^no documents in"):
        list(read_documents(str(path), on_error=errors.append, limits=Limits(document=100)))
    assert errors == ["page: the text is over the 100 bytes limit for a document (set SVODKA_MAX_DOCUMENT to raise it)"]


def test_the_limits_are_set_in_the_environment(tmp_path, monkeypatch):
    path = write(tmp_path / "docs.jsonl", jsonl({"id": "big", "text": "б" * 5000}, {"id": "c", "text": "Мал."}))
    monkeypatch.setenv("SVODKA_MAX_DOCUMENT", "2K")
    documents, errors, _ = read_all(path)
    assert [d.id for d in documents] == ["c"] and "2048 bytes limit" in errors[0]
    monkeypatch.setenv("SVODKA_MAX_DOCUMENT", "lots")
    with pytest.raises(InputError, match="^SVODKA_MAX_DOCUMENT=lots: expected a size"):
        read_all(path)


def test_cp1251_json_lines_are_read_as_cyrillic(tmp_path):
    path = write(tmp_path / "docs.jsonl", jsonl({"id": "a", "text": NEWS}).decode().encode("cp1251"))
    (document,), errors, warnings = read_all(path)
    assert document.text == NEWS and errors == warnings == []


# --- whole files: text, HTML, feeds, WARC ------------------------------------------


def test_undecodable_bytes_in_a_utf8_text_file_are_replaced_and_reported(tmp_path):
    prefix = NEWS[:20].encode()
    path = write(tmp_path / "news.txt", prefix + b"\xff" + NEWS[20:].encode())
    (document,), errors, warnings = read_all(path)
    assert document.text == NEWS[:20] + "\ufffd" + NEWS[20:]
    assert errors == []
    assert warnings == [f"{path}: undecodable bytes in UTF-8 text replaced with U+FFFD (the first at byte {len(prefix)})"]


@pytest.mark.parametrize("encoding", ["koi8_r", "cp1251"])
def test_an_undeclared_russian_feed_is_read_as_cyrillic_not_mojibake(tmp_path, encoding):
    feed = textwrap.dedent("""\
        <?xml version="1.0"?>
        <rss version="2.0"><channel><title>Вести Поволжья</title>
        <item><title>Митинг в Самаре</title><guid>v-1</guid>
        <description>В среду на площади собрались около трёхсот человек, полиция задержала двоих.</description></item>
        </channel></rss>""")
    path = write(tmp_path / "feed.rss", feed.encode(encoding))
    (document,), errors, _ = read_all(path)
    assert document.text.startswith("Митинг в Самаре\nВ среду на площади") and document.source == "Вести Поволжья"
    assert errors == []


@pytest.mark.parametrize("encoding", ["koi8_r", "cp1251"])
def test_an_undeclared_russian_html_page_is_read_as_cyrillic(tmp_path, encoding):
    page = PAGE.format(charset="", date_meta="").replace('<meta charset="">', "").replace("—", "-").replace("©", "(c)")
    path = write(tmp_path / "page.html", page.encode(encoding))
    (document,), errors, _ = read_all(path)
    assert "площади Славы в Самаре" in document.text and errors == []


def test_a_latin_charset_declared_for_cyrillic_bytes_is_overruled_and_said(tmp_path):
    path = write(tmp_path / "page.html", PAGE.format(charset="iso-8859-1", date_meta="").encode("cp1251"))
    (document,), errors, warnings = read_all(path)
    assert "площади Славы в Самаре" in document.text
    assert warnings == [f"{path}: declared iso-8859-1, but its letters read as Russian in cp1251: read as cp1251"]


def test_a_text_in_a_latin_encoding_is_still_read_as_latin(tmp_path):
    french = "<html><head><meta charset='iso-8859-1'><title>Été</title></head><body><article><p>" + (
        "Une manifestation a eu lieu à Genève mercredi, près de la gare, où la police a arrêté deux personnes. " * 3) + "</p></article></body></html>"
    path = write(tmp_path / "fr.html", french.encode("latin-1"))
    (document,), errors, warnings = read_all(path)
    assert "à Genève" in document.text and warnings == []


def test_text_whose_encoding_cannot_be_told_is_refused_in_one_line(tmp_path):
    path = write(tmp_path / "noise.jsonl", bytes(range(0x80, 0x100)) * 3)
    with pytest.raises(InputError, match=f"^{path}: cannot tell the text encoding"):
        read_all(path)


@pytest.mark.parametrize(("name", "kind", "limit", "variable"), [
    ("big.txt", "document", Limits(document=1000), "SVODKA_MAX_DOCUMENT"),
    ("big.html", "an HTML page", Limits(html=1000), "SVODKA_MAX_HTML"),
    ("big.rss", "a feed", Limits(feed=1000), "SVODKA_MAX_FEED"),
])
def test_a_file_over_its_limit_is_refused_naming_the_file_and_the_limit(tmp_path, name, kind, limit, variable):
    path = write(tmp_path / name, NEWS * 20)
    with pytest.raises(InputError) as raised:
        read_all(path, limits=limit)
    message = str(raised.value)
    assert message.startswith(f"{path}: ") and "over the 1000 bytes limit for" in message and variable in message
    assert kind in message and "\n" not in message


def test_a_feed_item_over_its_limit_costs_only_itself(tmp_path):
    feed = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Лента</title>"
            f"<item><title>Длинная</title><guid>1</guid><description>{'слово ' * 500}</description></item>"
            "<item><title>Короткая</title><guid>2</guid><description>Митинг прошёл.</description></item>"
            "</channel></rss>")
    path = write(tmp_path / "feed.rss", feed)
    documents, errors, _ = read_all(path, limits=Limits(feed_entry=1000))
    assert [d.id for d in documents] == ["2"]
    assert len(errors) == 1 and errors[0].startswith(f"{path}: item 1: ") and "SVODKA_MAX_FEED_ENTRY" in errors[0]


def response(writer: WARCWriter, uri: str, payload: io.IOBase | bytes, content_type: str = "text/html; charset=utf-8",
             length: int | None = None) -> None:
    stream = payload if not isinstance(payload, bytes) else io.BytesIO(payload)
    writer.write_record(writer.create_warc_record(
        uri, "response", payload=stream, length=length,
        http_headers=StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")))


def test_a_warc_page_over_the_limit_costs_only_its_record(tmp_path):
    page = PAGE.format(charset="utf-8", date_meta="").encode()
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    response(writer, "https://example.ru/big", page * 10)
    response(writer, "https://example.ru/small", page)
    path = write(tmp_path / "crawl.warc.gz", buffer.getvalue())
    documents, errors, _ = read_all(path, limits=Limits(warc_record=len(page) * 2))
    assert [d.url for d in documents] == ["https://example.ru/small"]
    assert len(errors) == 1 and "the page is over the" in errors[0] and "SVODKA_MAX_WARC_RECORD" in errors[0]


class Zeros(io.RawIOBase):
    """`size` bytes of spaces, made as they are read."""

    def __init__(self, size: int) -> None:
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = min(len(buffer), self.left)
        buffer[:count] = b" " * count
        self.left -= count
        return count


@pytest.mark.slow
def test_a_small_warc_with_a_huge_page_is_refused_without_growing_memory(tmp_path):
    # 300 MB of one page packs into about 300 KB of gzip: reading it whole would take 300 MB
    size = 300 * 2**20
    path = tmp_path / "bomb.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        response(writer, "https://example.ru/bomb", io.BufferedReader(Zeros(size)), length=size)
        response(writer, "https://example.ru/small", PAGE.format(charset="utf-8", date_meta="").encode())
    assert path.stat().st_size < 2 * 2**20
    script = textwrap.dedent(f"""
        import resource, sys
        from svodka.ingest.readers import read_documents
        errors = []
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        urls = [d.url for d in read_documents({str(path)!r}, on_error=errors.append)]
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
        print(urls, len(errors), "over the" in errors[0], grown // 1024)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, cwd=ROOT)
    urls, problems, named, grown_mb = result.stdout.rsplit(" ", 3)
    assert urls == "['https://example.ru/small']" and problems == "1" and named == "True", result.stderr
    assert int(grown_mb) < 60, f"memory grew by {grown_mb} MB"


@pytest.mark.slow
def test_a_big_json_lines_file_is_read_in_constant_memory(tmp_path):
    path = tmp_path / "big.jsonl"
    record = {"id": "", "text": NEWS * 10}
    with path.open("wb") as out:
        for number in range(20_000):  # about 60 MB
            record["id"] = f"n{number}"
            out.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")
    script = textwrap.dedent(f"""
        import resource
        from svodka.ingest.readers import read_documents
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        count = sum(1 for _ in read_documents({str(path)!r}))
        print(count, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, cwd=ROOT)
    count, grown_mb = result.stdout.split()
    assert count == "20000", result.stderr
    assert int(grown_mb) < 20, f"memory grew by {grown_mb} MB reading a {path.stat().st_size >> 20} MB file"


# --- the command line -----------------------------------------------------------------


def test_extract_warns_of_replaced_bytes_and_still_succeeds(tmp_path):
    path = write(tmp_path / "news.txt", NEWS[:20].encode() + b"\xff" + NEWS[20:].encode())
    result = subprocess.run([*SVODKA, "extract", str(path), "--format", "json"], capture_output=True, text=True,
                            timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("svodka: warning: ") and result.stderr.count("\n") == 1
    assert json.loads(result.stdout)["id"] == "news"


def test_extract_refuses_a_file_over_the_limit_in_one_line(tmp_path):
    path = write(tmp_path / "news.txt", NEWS * 10)
    result = subprocess.run([*SVODKA, "extract", str(path)], capture_output=True, text=True, timeout=120, cwd=ROOT,
                            env={**os.environ, "SVODKA_MAX_DOCUMENT": "1K"})
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "over the 1024 bytes limit for a document" in result.stderr


def test_a_character_reference_past_unicode_costs_only_that_character(tmp_path):
    feed = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Лента</title>"
            "<item><title>Митинг &#x110000; в Самаре</title><guid>1</guid><description>Прошёл &#99999999; митинг.</description>"
            "</item></channel></rss>")
    (document,), errors, _ = read_all(write(tmp_path / "feed.rss", feed))
    assert document.text == "Митинг \ufffd в Самаре\nПрошёл \ufffd митинг." and errors == []


def test_a_damaged_gzip_named_warc_is_one_input_error(tmp_path):
    import gzip

    data = bytearray(gzip.compress(b"WARC/1.0\r\n" + bytes(range(256)) * 20))
    data[10] ^= 0xFF  # the first byte of the deflate stream: zlib.error, not EOFError
    path = write(tmp_path / "crawl.warc.gz", bytes(data))
    with pytest.raises(InputError, match="is not a WARC archive"):
        read_all(path)
