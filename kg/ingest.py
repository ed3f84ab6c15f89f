"""Reading articles: plain text, HTML, JSONL, folders and stdin, into :class:`Document`.

Every reader returns documents whose ``text`` is the article body with publisher
boilerplate blanked out. Boilerplate lines are replaced by spaces of the same
length, so character offsets in the output still point into the text as read.

Bad input raises :class:`~kg.errors.InputError` with a one-line reason. Inside a
folder, :func:`iter_documents` reports a bad file through ``on_skip`` and goes on.
"""

from __future__ import annotations

import datetime
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import InputError
from .model import Document

__all__ = [
    "MAX_BYTES",
    "SUFFIXES",
    "decode_bytes",
    "strip_boilerplate",
    "document_from_text",
    "read_text",
    "read_html",
    "read_jsonl",
    "read_path",
    "read_stdin",
    "iter_documents",
]

#: Largest input file accepted (bytes). Larger files are refused, not truncated.
MAX_BYTES = 50 * 1024 * 1024
#: File suffixes read when walking a folder.
SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
_HEADLINE_MAX_WORDS = 25


@lru_cache(maxsize=1)
def _boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    text = resources.files("kg").joinpath("data/boilerplate.txt").read_text("utf-8")
    rows = [line.strip() for line in text.splitlines()]
    return tuple(re.compile(rf"(?:{row})\Z", re.IGNORECASE) for row in rows if row and not row.startswith("#"))


def decode_bytes(data: bytes, name: str) -> str:
    """Decode ``data`` as UTF-8, falling back to Windows-1252 and Latin-1; refuse binary.

    >>> decode_bytes("Khorog".encode("utf-8"), "x")
    'Khorog'
    >>> decode_bytes(b"cost \\xa3100", "x")  # a raw Latin-1 pound sign
    'cost £100'
    """
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _clean_text(data.decode("utf-16"))  # Windows "Unicode" text files
        except UnicodeDecodeError:
            raise InputError(f"{name}: not valid UTF-16 despite its byte-order mark") from None
    sample = data[:8192]
    if b"\x00" in sample:
        raise InputError(f"{name}: binary file (contains NUL bytes), not an article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 50):
        raise InputError(f"{name}: binary file (too many control characters), not an article")
    return _clean_text(text)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean_text(text: str) -> str:
    """Line ends as \\n; other control characters and lone surrogates become spaces (one for one)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text)
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        text = "".join(" " if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    return text


def strip_boilerplate(text: str) -> str:
    """Blank out lines of publisher boilerplate, keeping every offset in place.

    >>> strip_boilerplate("Body.\\nLeave a Reply\\n")
    'Body.\\n             \\n'
    """
    patterns = _boilerplate_patterns()
    out = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and any(p.match(stripped) for p in patterns):
            line = " " * len(line)
        out.append(line)
    return "\n".join(out)


def _find_headline(text: str) -> tuple[str | None, int]:
    """The first non-blank line is a headline when it is short, unpunctuated and set apart."""
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            start = pos + (len(line) - len(line.lstrip()))
            end = pos + len(line.rstrip())
            head = text[start:end]
            rest = text[pos + len(line) : pos + len(line) + 2]
            short = len(head.split()) <= _HEADLINE_MAX_WORDS
            if short and not head.endswith((".", "!", "?", '"', "”")) and rest.startswith("\n"):
                return head, end
            if short and rest.startswith("\n\n"):
                return head, end
            return None, 0
        pos += len(line) + 1
    return None, 0


def document_from_text(
    text: str,
    doc_id: str,
    *,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
    author: str | None = None,
) -> Document:
    """Make a :class:`Document` from raw article text (boilerplate is removed here)."""
    if "\x00" in text:
        raise InputError(f"{doc_id}: text contains NUL characters")
    text = strip_boilerplate(_clean_text(text))
    if not text.strip():
        raise InputError(f"{doc_id}: no article text (empty or only boilerplate)")
    headline, headline_end = _find_headline(text)
    return Document(
        id=doc_id,
        text=text,
        title=title or headline,
        date=_iso_date(date),
        url=url or None,
        author=author or None,
        headline_end=headline_end,
    )


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", str(value).strip())
    if not match:
        return None
    try:
        return datetime.date.fromisoformat(match.group(0)).isoformat()
    except ValueError:
        return None  # "2023-02-30": no such day


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        if path.is_dir():
            raise InputError(f"{name}: is a directory")
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as err:
        raise InputError(f"{name}: cannot read ({err.strerror})") from None
    if size > MAX_BYTES:
        raise InputError(f"{name}: file is too large ({size} bytes; the limit is {MAX_BYTES})")
    try:
        return path.read_bytes()
    except OSError as err:
        raise InputError(f"{name}: cannot read ({err.strerror})") from None


def read_text(path: str | Path) -> Document:
    """Read a plain-text article (UTF-8, or a legacy 8-bit encoding as a fallback)."""
    name = str(path)
    return document_from_text(decode_bytes(_read_bytes(Path(path), name), name), name)


def _html_document(markup: str, name: str) -> Document:
    import trafilatura  # heavy; only needed for HTML

    try:
        result = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as err:  # trafilatura raises a variety of parser errors
        raise InputError(f"{name}: cannot parse HTML ({type(err).__name__})") from None
    body = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if not body:
        raise InputError(f"{name}: no article text found in the HTML")
    title = (getattr(result, "title", None) or "").strip() or None
    text = f"{title}\n\n{body}\n" if title and not body.startswith(title) else body + "\n"
    return document_from_text(
        text,
        name,
        title=title,
        date=getattr(result, "date", None),
        url=getattr(result, "url", None),
        author=getattr(result, "author", None),
    )


def read_html(path: str | Path) -> Document:
    """Read an HTML page; trafilatura finds the article body, title, date and author."""
    name = str(path)
    return _html_document(decode_bytes(_read_bytes(Path(path), name), name), name)


def _jsonl_documents(text: str, name: str) -> list[Document]:
    docs = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{name}:{number}: malformed JSON ({err.msg})") from None
        if not isinstance(record, dict):
            raise InputError(f"{name}:{number}: each line must be a JSON object")
        doc_id, body = record.get("id"), record.get("text")
        if doc_id is None or not str(doc_id).strip():
            raise InputError(f'{name}:{number}: missing "id"')
        if not isinstance(body, str) or not body.strip():
            raise InputError(f'{name}:{number}: missing or empty "text"')
        try:
            docs.append(
                document_from_text(
                    body,
                    str(doc_id),
                    title=_text_field(record.get("title")),
                    date=_text_field(record.get("date")),
                    url=_text_field(record.get("url")),
                    author=_text_field(record.get("author")),
                )
            )
        except InputError as err:
            raise InputError(f"{name}:{number}: {err}") from None
    if not docs:
        raise InputError(f"{name}: no articles in the JSONL file")
    return docs


def _text_field(value) -> str | None:
    return None if value is None else str(value)


def read_jsonl(path: str | Path) -> list[Document]:
    """Read a JSONL file: one article a line with ``id``, ``text`` and optional ``title``, ``date``, ``url``."""
    name = str(path)
    return _jsonl_documents(decode_bytes(_read_bytes(Path(path), name), name), name)


def read_path(path: str | Path) -> list[Document]:
    """Read one file by its suffix (``.html``/``.htm``, ``.jsonl``, anything else as text)."""
    suffix = Path(path).suffix.lower()
    if suffix in (".html", ".htm"):
        return [read_html(path)]
    if suffix == ".jsonl":
        return read_jsonl(path)
    return [read_text(path)]


def read_stdin(stream=None) -> list[Document]:
    """Read one input from stdin, sniffing JSONL (``{``), HTML (``<``) or plain text."""
    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read()
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > MAX_BYTES:
        raise InputError(f"stdin: input is too large (the limit is {MAX_BYTES} bytes)")
    text = decode_bytes(data, "stdin")
    head = text.lstrip()[:1]
    if head == "{":
        return _jsonl_documents(text, "stdin")
    if head == "<":
        return [_html_document(text, "stdin")]
    return [document_from_text(text, "stdin")]


def _walk(folder: Path) -> list[Path]:
    return sorted(
        (
            p
            for p in folder.rglob("*")
            if p.is_file() and p.suffix.lower() in SUFFIXES and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        ),
        key=lambda p: p.as_posix(),
    )


def iter_documents(
    inputs: Iterable[str | Path],
    *,
    on_skip: Callable[[str], None] | None = None,
) -> Iterator[Document]:
    """Yield the documents of every input in order; folders are read recursively, sorted.

    A file given directly that cannot be read raises :class:`InputError`. A bad file
    found inside a folder is passed to ``on_skip`` (a one-line reason) and skipped;
    without ``on_skip`` it raises too. A folder with no readable article raises.
    """
    for item in inputs:
        name = str(item)
        if name == "-":
            yield from read_stdin()
            continue
        path = Path(item)
        if path.is_dir():
            found = 0
            for child in _walk(path):
                try:
                    docs = read_path(child)
                except InputError as err:
                    if on_skip is None:
                        raise
                    on_skip(str(err))
                    continue
                found += len(docs)
                yield from docs
            if not found:
                raise InputError(f"{name}: no readable articles ({', '.join(SUFFIXES)}) in the folder")
        else:
            yield from read_path(path)
