"""Property tests of the input readers: whatever bytes a file holds, reading it gives
documents, one-line reports of skipped records, or one InputError; never another exception."""
import gzip
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from svodka.errors import InputError
from svodka.ingest.common import Limits
from svodka.ingest.readers import read_documents

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                         HealthCheck.too_slow])
SMALL_LIMITS = Limits(document=4096, html=4096, feed=8192, feed_entry=512, warc_record=4096)

# Pieces of real inputs, so that the bytes get past the first checks into the parsers
FRAGMENTS = [
    b"{", b"}", b"[", b"]", b'"id"', b'"text"', b":", b",", b'"\xd0\x9c\xd0\xb8\xd1\x82\xd0\xb8\xd0\xbd\xd0\xb3"',
    b"\n", b"\r\n", b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"\xc3", b"\xe8\xf2", b"<html>", b"<p>", b"</p>",
    b"<meta charset='koi8-r'>", b"<meta charset=\"nonsense\">", b"<?xml version='1.0' encoding='utf-8'?>",
    b"<?xml version='1.0' encoding='bogus'?>", b"<rss version='2.0'><channel>", b"<item><title>", b"</title></item>",
    b"<entry>", b"<![CDATA[", b"]]>", b"&amp;", b"&#0;", b"&#x110000;", b"<!--", b"-->", b"<script>", b"<div>" * 50,
    b"null", b"1e999", b'"\\ud800"', b"WARC/1.0\r\n", b"Content-Length: 99999999\r\n", b"\r\n\r\n",
    "В среду в Самаре прошёл митинг.".encode(), "В среду в Самаре прошёл митинг.".encode("cp1251"),
]
inputs = st.one_of(
    st.binary(max_size=2048),
    st.lists(st.sampled_from(FRAGMENTS) | st.binary(max_size=16), max_size=60).map(b"".join),
)


def read_safely(path):
    """The documents and reports of `path` ("-": standard input); fails the test on any exception but InputError."""
    errors: list[str] = []
    warnings: list[str] = []
    try:
        documents = list(read_documents(str(path), on_error=errors.append, on_warning=warnings.append,
                                        limits=SMALL_LIMITS))
    except InputError as error:
        assert str(error) and "\n" not in str(error).strip(), repr(str(error))
        return [], errors, warnings
    for document in documents:
        assert isinstance(document.text, str) and document.text.strip() and isinstance(document.id, str)
    for message in errors + warnings:
        assert message and "\n" not in message, repr(message)
    return documents, errors, warnings


@pytest.mark.parametrize("name", ["input.jsonl", "input.txt", "input.html", "input.rss", "input.atom", "input.warc"])
@FUZZ
@given(data=inputs)
def test_any_bytes_are_documents_reports_or_one_input_error(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    read_safely(path)


class Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@FUZZ
@given(data=inputs)
def test_any_bytes_on_standard_input_are_documents_reports_or_one_input_error(monkeypatch, data):
    monkeypatch.setattr("sys.stdin", Stdin(data))
    read_safely("-")


@FUZZ
@given(files=st.lists(st.tuples(st.sampled_from(["a.jsonl", "b.txt", "c.html", "d.xml", "e.warc", "f.ndjson",
                                                 "g.htm", "h.unknown", ".hidden.txt"]), inputs),
                      min_size=1, max_size=4, unique_by=lambda f: f[0]))
def test_a_folder_of_any_files_is_documents_reports_or_one_input_error(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("folder")
    for name, data in files:
        (folder / name).write_bytes(data)
    read_safely(folder)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["id", "text", "published", "url", "x"]),
                                                                inner, max_size=5),
    max_leaves=20,
)
printable = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40)
valid_records = st.builds(lambda n, text: {"id": f"doc{n}", "text": text + "Митинг."}, st.integers(0, 10**6), printable)
bad_lines = (json_values.map(json.dumps) | printable).filter(lambda line: not line.lstrip().startswith('{"id": "doc'))


@FUZZ
@given(lines=st.lists(valid_records.map(lambda r: json.dumps(r, ensure_ascii=False)) | bad_lines, max_size=10))
def test_a_bad_json_line_costs_only_itself(tmp_path, lines):
    path = tmp_path / "records.jsonl"
    path.write_bytes("\n".join(lines).encode())
    errors: list[str] = []
    nonblank = [line for line in lines if line.strip()]
    try:
        documents = list(read_documents(str(path), on_error=errors.append, on_warning=errors.append))
    except InputError as error:  # only when no line is a document
        assert not any(line.startswith('{"id": "doc') for line in lines), str(error)
        return
    expected = [json.loads(line)["id"] for line in lines if line.startswith('{"id": "doc')]
    assert [d.id for d in documents if d.id.startswith("doc") and d.id[3:].isdigit()][:len(expected)] == expected
    assert len(documents) + len(errors) == len(nonblank)


@st.composite
def warc_archives(draw):
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=draw(st.booleans()))
    for _ in range(draw(st.integers(1, 3))):
        payload = draw(inputs)
        content_type = draw(st.sampled_from(["text/html", "text/html; charset=koi8-r", "text/html; charset=x-bogus",
                                             "application/xhtml+xml", "image/png"]))
        status = draw(st.sampled_from(["200 OK", "404 Not Found", "garbage"]))
        writer.write_record(writer.create_warc_record(
            "https://example.ru/page", "response", payload=io.BytesIO(payload),
            http_headers=StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")))
    archive = buffer.getvalue()
    # whole, or cut short (the writer's record ids vary in length: a share, not an offset), garbage after
    share = draw(st.sampled_from([100, 100, 100, 99, 90, 75, 50, 10]))
    return archive[:len(archive) * share // 100] + draw(st.binary(max_size=32))


@FUZZ
@given(archive=warc_archives())
def test_any_warc_archive_is_documents_reports_or_one_input_error(tmp_path, archive):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(archive)
    read_safely(path)


@FUZZ
@given(data=inputs)
def test_gzip_of_any_bytes_named_warc_is_documents_reports_or_one_input_error(tmp_path, data):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(data))
    read_safely(path)
