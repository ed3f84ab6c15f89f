"""Tests for kg/ingest.py: decoding, boilerplate, headlines, HTML, JSONL, folders and stdin.

Every input here is invented for the tests; nothing is copied from ../shared.
"""

from __future__ import annotations

import io
import json
import struct
import zlib
from pathlib import Path

import pytest

from kg import ingest
from kg.errors import InputError
from kg.ingest import (
    decode_bytes,
    document_from_text,
    iter_documents,
    read_html,
    read_jsonl,
    read_path,
    read_stdin,
    read_text,
    strip_boilerplate,
)

DATA = Path(__file__).parent / "data"
ARTICLE_HTML = DATA / "article.html"

BODY = "Dock workers in Port Velmar walked off the job on Thursday.\nThe Harbour Authority rejected their demands.\n"
ARTICLE = "Harbour strike spreads\n\n" + BODY


def _png_bytes() -> bytes:
    """A real (1x1 pixel, greyscale) PNG file, built by hand."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _assert_one_line_naming(err: pytest.ExceptionInfo, name: str) -> None:
    message = str(err.value)
    assert "\n" not in message
    assert name in message


# --- decoding -------------------------------------------------------------------


def test_ingest_decode_utf8():
    assert decode_bytes("Zoë in Khujand — 5 °C".encode("utf-8"), "x") == "Zoë in Khujand — 5 °C"


def test_ingest_decode_strips_utf8_bom():
    assert decode_bytes(b"\xef\xbb\xbfPort Velmar", "x") == "Port Velmar"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"cost \xa3100", "cost £100"),  # a raw Latin-1 / cp1252 pound sign
        (b"\x93quoted\x94 text", "\u201cquoted\u201d text"),  # cp1252 curly quotes
        (b"caf\xe9 owner", "café owner"),
        (b"odd \x81 byte", "odd \x81 byte"),  # undefined in cp1252: Latin-1 fallback
    ],
)
def test_ingest_decode_legacy_fallback(data, expected):
    assert decode_bytes(data, "x") == expected


def test_ingest_decode_normalises_line_endings():
    assert decode_bytes(b"one\r\ntwo\rthree\n", "x") == "one\ntwo\nthree\n"


def test_ingest_read_text_bom_and_cp1252(tmp_path):
    utf8 = _write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + "Headline\n\nThe fee is €5.\n".encode("utf-8"))
    legacy = _write(tmp_path / "legacy.txt", b"Headline\n\nThe fee is \xa3100.\n")
    assert read_text(utf8).text == "Headline\n\nThe fee is €5.\n"
    assert read_text(legacy).text == "Headline\n\nThe fee is £100.\n"
    assert read_text(legacy).id == str(legacy)


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  \r\n"], ids=["empty", "whitespace"])
def test_ingest_read_text_empty_or_blank_is_refused(tmp_path, content):
    path = _write(tmp_path / "blank.txt", content)
    with pytest.raises(InputError, match="empty") as err:
        read_text(path)
    _assert_one_line_naming(err, str(path))


@pytest.mark.parametrize(
    "content",
    [b"Rebels\x00attacked\x00the\x00port", _png_bytes(), b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13"],
    ids=["nul-bytes", "png", "control-chars"],
)
def test_ingest_read_text_binary_is_refused(tmp_path, content):
    path = _write(tmp_path / "picture.txt", content)
    with pytest.raises(InputError, match="binary") as err:
        read_text(path)
    _assert_one_line_naming(err, str(path))


def test_ingest_png_header_really_is_png():
    assert _png_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert b"\x00" in _png_bytes()[:8192]


def test_ingest_read_text_too_large(tmp_path, monkeypatch):
    path = _write(tmp_path / "big.txt", ARTICLE)
    monkeypatch.setattr(ingest, "MAX_BYTES", 16)
    with pytest.raises(InputError, match="too large") as err:
        read_text(path)
    _assert_one_line_naming(err, str(path))


def test_ingest_read_text_at_the_size_limit_is_accepted(tmp_path, monkeypatch):
    path = _write(tmp_path / "exact.txt", ARTICLE)
    monkeypatch.setattr(ingest, "MAX_BYTES", len(ARTICLE.encode("utf-8")))
    assert read_text(path).text == ARTICLE


def test_ingest_read_text_missing_file(tmp_path):
    path = tmp_path / "nowhere.txt"
    with pytest.raises(InputError, match="no such file") as err:
        read_text(path)
    _assert_one_line_naming(err, str(path))


def test_ingest_read_text_directory(tmp_path):
    with pytest.raises(InputError, match="is a directory") as err:
        read_text(tmp_path)
    _assert_one_line_naming(err, str(tmp_path))


def test_ingest_document_from_text_refuses_nul():
    with pytest.raises(InputError, match="NUL"):
        document_from_text("Rebels\x00attacked.", "doc-1")


def test_ingest_document_from_text_only_boilerplate():
    with pytest.raises(InputError, match="no article text"):
        document_from_text("Leave a Reply\nAll rights reserved.\n", "doc-1")


# --- boilerplate ------------------------------------------------------------------


BOILERPLATE_LINES = [
    "ISSN 1234-5678",
    "Leave a Reply",
    "Originally published at Harbour Wire.",
    "Click here to have the Coastal Ledger newsletter delivered to your inbox.",
]


@pytest.mark.parametrize("line", BOILERPLATE_LINES)
def test_ingest_strip_boilerplate_blanks_single_line(line):
    text = f"Rebels attacked the port.\n{line}\nThe army replied.\n"
    out = strip_boilerplate(text)
    assert out == f"Rebels attacked the port.\n{' ' * len(line)}\nThe army replied.\n"


def test_ingest_strip_boilerplate_keeps_offsets():
    text = (
        "ISSN 1234-5678\n\nHarbour strike spreads\n\nDock workers walked off the job.\n"
        "Leave a Reply\nOriginally published at Harbour Wire.\n"
        "Click here to have the Coastal Ledger newsletter delivered to your inbox.\n"
        "The Harbour Authority rejected their demands.\n"
    )
    out = strip_boilerplate(text)
    assert len(out) == len(text)
    later = "The Harbour Authority rejected"
    assert out.index(later) == text.index(later)
    assert out.index("Dock workers") == text.index("Dock workers")
    for line in BOILERPLATE_LINES:
        assert line not in out
    assert out.count("\n") == text.count("\n")


def test_ingest_strip_boilerplate_leaves_article_sentences_alone():
    # Words of the patterns inside ordinary sentences are not boilerplate.
    text = "He urged readers to leave a reply to the ministry.\nThe newsletter was banned in 2020.\n"
    assert strip_boilerplate(text) == text


def test_ingest_document_from_text_blanks_boilerplate_and_finds_headline_after_it():
    text = "ISSN 1234-5678\n\nHarbour strike spreads\n\n" + BODY + "Leave a Reply\n"
    doc = document_from_text(text, "doc-1")
    assert len(doc.text) == len(text)
    assert doc.text.index("The Harbour Authority") == text.index("The Harbour Authority")
    assert "ISSN" not in doc.text and "Leave a Reply" not in doc.text
    assert doc.title == "Harbour strike spreads"
    assert doc.text[: doc.headline_end].strip() == "Harbour strike spreads"
    assert doc.headline_end == text.index("Harbour strike spreads") + len("Harbour strike spreads")


# --- headlines -----------------------------------------------------------------------


def test_ingest_headline_first_short_line_then_blank():
    doc = document_from_text(ARTICLE, "doc-1")
    assert doc.title == "Harbour strike spreads"
    assert doc.headline_end == len("Harbour strike spreads")
    assert doc.id == "doc-1"


def test_ingest_headline_with_leading_blank_lines_and_indent():
    text = "\n\n   Harbour strike spreads  \n\n" + BODY
    doc = document_from_text(text, "doc-1")
    assert doc.title == "Harbour strike spreads"
    assert doc.headline_end == text.index("spreads") + len("spreads")


def test_ingest_headline_ending_in_period_needs_a_blank_line():
    assert document_from_text("Strike ends.\n\n" + BODY, "d").title == "Strike ends."
    doc = document_from_text("Dock workers walked off the job on Thursday.\nThe authority said no.\n", "d")
    assert doc.title is None
    assert doc.headline_end == 0


def test_ingest_no_headline_when_first_line_is_long():
    long_line = " ".join(["word"] * 30)
    doc = document_from_text(long_line + "\n\n" + BODY, "d")
    assert doc.title is None
    assert doc.headline_end == 0


def test_ingest_explicit_title_wins_over_headline():
    doc = document_from_text(ARTICLE, "d", title="Given title", date="2023-03-14T08:00:00Z", url="https://e.example/a")
    assert doc.title == "Given title"
    assert doc.date == "2023-03-14"
    assert doc.url == "https://e.example/a"


def test_ingest_unparseable_date_becomes_none():
    assert document_from_text(ARTICLE, "d", date="Thursday, March 14").date is None


@pytest.mark.parametrize("date", ["2023-02-30", "2023-13-01"])
def test_ingest_impossible_date_becomes_none(date):
    assert document_from_text(ARTICLE, "d", date=date).date is None


# --- HTML --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def html_doc():
    return read_html(ARTICLE_HTML)


def test_ingest_html_title_date_author_url(html_doc):
    assert html_doc.id == str(ARTICLE_HTML)
    assert html_doc.title == "Harbour strike spreads to Port Velmar"
    assert html_doc.date == "2023-03-14"
    assert html_doc.author == "Mara Quillon"
    assert html_doc.url == "https://ledger.example.org/2023/03/14/harbour-strike-port-velmar"


def test_ingest_html_body_found(html_doc):
    text = html_doc.text
    assert "Dock workers in Port Velmar walked off the job on Thursday" in text
    assert "Union leader Tessaly Brandt accused the Harbour Authority" in text
    assert "Its chairman, Odo Venkarr, called on both sides" in text
    assert "two grain carriers had already turned south" in text
    assert text.startswith("Harbour strike spreads to Port Velmar\n")
    assert html_doc.headline_end == len("Harbour strike spreads to Port Velmar")


def test_ingest_html_boilerplate_absent(html_doc):
    text = html_doc.text
    for junk in ("World desk", "Subscribe to the Ledger", "Careers at the Ledger", "cookie settings", "trackingId", "<p>", "&quot;"):
        assert junk not in text


def test_ingest_read_path_dispatches_html(tmp_path):
    copy = _write(tmp_path / "page.HTM", ARTICLE_HTML.read_bytes())
    (doc,) = read_path(copy)
    assert doc.title == "Harbour strike spreads to Port Velmar"


@pytest.mark.parametrize(
    "markup",
    [
        "<html><head><script>var a = 1; document.write('x');</script></head><body><script>alert(1)</script></body></html>",
        "<html><body></body></html>",
    ],
    ids=["only-script", "empty-body"],
)
def test_ingest_html_without_article_text(tmp_path, markup):
    path = _write(tmp_path / "empty.html", markup)
    with pytest.raises(InputError, match="no article text") as err:
        read_html(path)
    _assert_one_line_naming(err, str(path))


def test_ingest_html_binary_is_refused(tmp_path):
    path = _write(tmp_path / "image.html", _png_bytes())
    with pytest.raises(InputError, match="binary") as err:
        read_html(path)
    _assert_one_line_naming(err, str(path))


# --- JSONL --------------------------------------------------------------------------


RECORDS = [
    {"id": "ledger-1", "text": "Harbour strike spreads\n\n" + BODY, "title": "Strike", "date": "2023-03-14", "url": "https://e.example/1"},
    {"id": "ledger-2", "text": "Talks resume in Kestrel Falls.\nBoth sides met on Friday.\n"},
]


def _jsonl(records, blank_lines: bool = False) -> str:
    sep = "\n\n" if blank_lines else "\n"
    return sep.join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"


def test_ingest_jsonl_good_file(tmp_path):
    path = _write(tmp_path / "batch.jsonl", _jsonl(RECORDS, blank_lines=True))
    docs = read_jsonl(path)
    assert [d.id for d in docs] == ["ledger-1", "ledger-2"]
    first, second = docs
    assert first.text == RECORDS[0]["text"]
    assert (first.title, first.date, first.url) == ("Strike", "2023-03-14", "https://e.example/1")
    assert first.headline_end == len("Harbour strike spreads")
    assert (second.title, second.date, second.url) == (None, None, None)
    assert second.text == RECORDS[1]["text"]


def test_ingest_jsonl_numeric_id_and_crlf(tmp_path):
    path = _write(tmp_path / "crlf.jsonl", (json.dumps({"id": 7, "text": "Rebels attacked the port."}) + "\r\n").encode("utf-8"))
    (doc,) = read_jsonl(path)
    assert doc.id == "7"
    assert doc.text == "Rebels attacked the port."


def test_ingest_jsonl_malformed_line(tmp_path):
    content = json.dumps(RECORDS[0]) + "\n" + '{"id": "x", "text": "unterminated\n'
    path = _write(tmp_path / "bad.jsonl", content)
    with pytest.raises(InputError, match="malformed JSON") as err:
        read_jsonl(path)
    _assert_one_line_naming(err, f"{path}:2:")


def test_ingest_jsonl_line_not_an_object(tmp_path):
    path = _write(tmp_path / "list.jsonl", json.dumps(RECORDS[1]) + "\n\n[1, 2]\n")
    with pytest.raises(InputError, match="JSON object") as err:
        read_jsonl(path)
    _assert_one_line_naming(err, f"{path}:3:")


@pytest.mark.parametrize(
    ("record", "what"),
    [({"id": "a"}, '"text"'), ({"id": "a", "text": "  "}, '"text"'), ({"id": "a", "text": 5}, '"text"'), ({"text": "Body."}, '"id"')],
    ids=["no-text", "blank-text", "number-text", "no-id"],
)
def test_ingest_jsonl_missing_field(tmp_path, record, what):
    path = _write(tmp_path / "missing.jsonl", json.dumps(RECORDS[1]) + "\n" + json.dumps(record) + "\n")
    with pytest.raises(InputError, match=what) as err:
        read_jsonl(path)
    _assert_one_line_naming(err, f"{path}:2:")


@pytest.mark.parametrize("content", ["", "\n\n   \n"], ids=["empty", "blank-lines"])
def test_ingest_jsonl_empty(tmp_path, content):
    path = _write(tmp_path / "empty.jsonl", content)
    with pytest.raises(InputError) as err:
        read_jsonl(path)
    _assert_one_line_naming(err, str(path))


def test_ingest_jsonl_boilerplate_only_record_names_file_and_line(tmp_path):
    path = _write(tmp_path / "bp.jsonl", json.dumps(RECORDS[1]) + "\n" + json.dumps({"id": "a", "text": "Leave a Reply"}) + "\n")
    with pytest.raises(InputError) as err:
        read_jsonl(path)
    _assert_one_line_naming(err, f"{path}:2")


def test_ingest_jsonl_lone_surrogate_is_refused_or_cleaned(tmp_path):
    path = _write(tmp_path / "sur.jsonl", '{"id": "a", "text": "Rebels \\udc80 attacked the port."}\n')
    try:
        docs = read_jsonl(path)
    except InputError:
        return
    docs[0].text.encode("utf-8")


def test_ingest_read_path_dispatches_jsonl(tmp_path):
    path = _write(tmp_path / "BATCH.JSONL", _jsonl(RECORDS))
    assert [d.id for d in read_path(path)] == ["ledger-1", "ledger-2"]


# --- folders ------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "articles"
    _write(root / "b.txt", "Second article\n\nThe army replied on Friday.\n")
    _write(root / "a.txt", "First article\n\nRebels attacked the port.\n")
    _write(root / "sub" / "c.jsonl", _jsonl(RECORDS))
    _write(root / "sub" / "deeper" / "d.html", ARTICLE_HTML.read_bytes())
    _write(root / "notes.md", "# not an article\n")
    _write(root / "data.json", '{"id": "x", "text": "not read"}')
    _write(root / "photo.png", _png_bytes())
    _write(root / ".hidden.txt", "Hidden\n\nNot read.\n")
    return root


def test_ingest_folder_recursive_sorted_and_suffixes(folder):
    docs = list(iter_documents([folder]))
    assert [d.id for d in docs] == [
        str(folder / "a.txt"),
        str(folder / "b.txt"),
        "ledger-1",
        "ledger-2",
        str(folder / "sub" / "deeper" / "d.html"),
    ]


def test_ingest_folder_bad_file_goes_to_on_skip(folder):
    _write(folder / "aa_broken.txt", _png_bytes())
    _write(folder / "sub" / "empty.txt", b"")
    skipped: list[str] = []
    docs = list(iter_documents([folder], on_skip=skipped.append))
    assert [d.id for d in docs][:2] == [str(folder / "a.txt"), str(folder / "b.txt")]
    assert len(docs) == 5
    assert len(skipped) == 2
    assert str(folder / "aa_broken.txt") in skipped[0] and "binary" in skipped[0]
    assert str(folder / "sub" / "empty.txt") in skipped[1] and "empty" in skipped[1]
    assert all("\n" not in s for s in skipped)


def test_ingest_folder_bad_file_without_on_skip_raises(folder):
    _write(folder / "aa_broken.txt", _png_bytes())
    with pytest.raises(InputError, match="binary"):
        list(iter_documents([folder]))


def test_ingest_folder_with_no_readable_article(tmp_path):
    root = tmp_path / "nothing"
    _write(root / "photo.png", _png_bytes())
    _write(root / "bad.txt", b"\x00\x01\x02")
    skipped: list[str] = []
    with pytest.raises(InputError, match="no readable articles") as err:
        list(iter_documents([root], on_skip=skipped.append))
    _assert_one_line_naming(err, str(root))
    assert len(skipped) == 1


def test_ingest_empty_folder_raises(tmp_path):
    with pytest.raises(InputError, match="no readable articles"):
        list(iter_documents([tmp_path]))


def test_ingest_folder_skips_hidden_folders(folder):
    _write(folder / ".ipynb_checkpoints" / "a-checkpoint.txt", "First article\n\nRebels attacked the port.\n")
    ids = [d.id for d in iter_documents([folder])]
    assert not any(".ipynb_checkpoints" in i for i in ids)


def test_ingest_iter_documents_files_in_given_order(tmp_path):
    b = _write(tmp_path / "b.txt", "Second\n\nThe army replied.\n")
    a = _write(tmp_path / "a.txt", "First\n\nRebels attacked.\n")
    assert [d.id for d in iter_documents([b, a])] == [str(b), str(a)]


def test_ingest_iter_documents_bad_direct_file_raises_even_with_on_skip(tmp_path):
    bad = _write(tmp_path / "bad.txt", b"")
    skipped: list[str] = []
    with pytest.raises(InputError, match="empty"):
        list(iter_documents([bad], on_skip=skipped.append))
    assert skipped == []


# --- stdin --------------------------------------------------------------------------


def test_ingest_stdin_text():
    (doc,) = read_stdin(io.BytesIO(ARTICLE.encode("utf-8")))
    assert doc.id == "stdin"
    assert doc.text == ARTICLE
    assert doc.title == "Harbour strike spreads"


def test_ingest_stdin_text_legacy_encoding():
    (doc,) = read_stdin(io.BytesIO(b"Headline\n\nThe fee is \xa3100.\n"))
    assert doc.text == "Headline\n\nThe fee is £100.\n"


def test_ingest_stdin_str_stream():
    (doc,) = read_stdin(io.StringIO(ARTICLE))
    assert doc.text == ARTICLE


def test_ingest_stdin_jsonl():
    docs = read_stdin(io.BytesIO(_jsonl(RECORDS).encode("utf-8")))
    assert [d.id for d in docs] == ["ledger-1", "ledger-2"]
    assert docs[0].date == "2023-03-14"


def test_ingest_stdin_jsonl_malformed_names_stdin_and_line():
    with pytest.raises(InputError, match=r"stdin:2: malformed JSON"):
        read_stdin(io.BytesIO((json.dumps(RECORDS[1]) + "\n{broken\n").encode("utf-8")))


def test_ingest_stdin_html():
    (doc,) = read_stdin(io.BytesIO(b"\n  " + ARTICLE_HTML.read_bytes()))
    assert doc.id == "stdin"
    assert doc.title == "Harbour strike spreads to Port Velmar"
    assert "Odo Venkarr" in doc.text
    assert "World desk" not in doc.text


@pytest.mark.parametrize(("data", "match"), [(b"", "empty"), (b"\x00\x00PK\x03\x04", "binary")])
def test_ingest_stdin_bad_input(data, match):
    with pytest.raises(InputError, match=match) as err:
        read_stdin(io.BytesIO(data))
    _assert_one_line_naming(err, "stdin")


def test_ingest_stdin_too_large(monkeypatch):
    monkeypatch.setattr(ingest, "MAX_BYTES", 10)
    with pytest.raises(InputError, match="too large"):
        read_stdin(io.BytesIO(ARTICLE.encode("utf-8")))


def test_ingest_iter_documents_dash_reads_stdin(monkeypatch):
    class FakeStdin:
        buffer = io.BytesIO(ARTICLE.encode("utf-8"))

    monkeypatch.setattr("sys.stdin", FakeStdin())
    (doc,) = iter_documents(["-"])
    assert doc.id == "stdin"
    assert doc.text == ARTICLE
