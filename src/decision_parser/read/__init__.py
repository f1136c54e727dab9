"""Read a file (or stdin bytes) into a Document: pages of lines, with geometry for PDFs.

The media type is decided from the content, not the name: a decision saved as "x.txt" that is
really a PDF is read as a PDF, and a file named ".pdf" that is not one is an error the user can
act on. Every failure is an InputError with a short message; no library exception escapes.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

from ..document import Document
from ..errors import InputError

PDF = "application/pdf"
HTML = "text/html"
TEXT = "text/plain"

# How far into the file a PDF header may sit (the spec tolerates leading junk).
_PDF_HEADER_WINDOW = 1024
_HTML_WINDOW = 4096
# The first thing in an HTML file, after comments and an XML declaration.
_HTML_START = re.compile(
    r"^(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|h[1-6]|table|section|article|main)\b",
    re.IGNORECASE | re.DOTALL,
)
# Deeper in: a page-level tag, which inline <b>/<sup> markup in text exports never has.
_HTML_TAG = re.compile(r"<(?:html|body|head)\b[^>]*>", re.IGNORECASE)

# Formats people hand us by mistake, named so the message says what the file is.
_KNOWN_BINARY = (
    (b"PK\x03\x04", "a ZIP archive (a .docx or .xlsx?)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (.doc/.xls)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
)


def read(source: str | Path | bytes, *, name: str | None = None) -> Document:
    """Read a path, or raw bytes from stdin (named `name` in messages), into a Document."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        path = name
    else:
        path = str(source)
        data = _read_bytes(Path(source), path)

    if not data:
        raise InputError(path, "empty file")
    media_type = sniff(data)
    if path and path.lower().endswith(".pdf") and media_type != PDF:
        raise InputError(path, f"named .pdf but is not a PDF (starts with {_preview(data)})")

    sha256 = hashlib.sha256(data).hexdigest()
    try:
        if media_type == PDF:
            from .pdf import read_pdf

            pages, metadata = read_pdf(data, path)
        elif media_type == HTML:
            from .html import html_pages

            pages, metadata = html_pages(decode(data, path))
        else:
            from .text import text_pages

            pages, metadata = text_pages(decode(data, path)), {}
    except InputError:
        raise
    except Exception as error:  # a reader bug or a library surprise: still the user's answer
        kind = {PDF: "PDF", HTML: "HTML"}.get(media_type, "text")
        raise InputError(path, f"could not read {kind}: {type(error).__name__}: {error}") from error

    if not any(page.lines for page in pages):
        raise InputError(path, "no text found")
    return Document(path=path, sha256=sha256, media_type=media_type, pages=pages, metadata=metadata)


def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        if not path.exists():
            raise InputError(shown, "no such file")
        if path.is_dir():
            raise InputError(shown, "is a directory, not a file")
        return path.read_bytes()
    except InputError:
        raise
    except OSError as error:
        raise InputError(shown, f"cannot read file: {error.strerror or error}") from error


def sniff(data: bytes) -> str:
    """The media type from the first bytes: PDF magic, an HTML start, else text."""
    if b"%PDF-" in data[:_PDF_HEADER_WINDOW]:
        return PDF
    head = data[:_HTML_WINDOW]
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            head = head[len(bom) :].decode(codec, errors="ignore").encode("utf-8")
            break
    head_text = head.decode("utf-8", errors="ignore").lstrip("\ufeff")
    if _HTML_START.match(head_text) or _HTML_TAG.search(head_text):
        return HTML
    return TEXT


def decode(data: bytes, path: str | None) -> str:
    """Bytes of a text or HTML file as str: UTF-8 (with or without BOM), UTF-16, else cp1252."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as error:
                raise InputError(path, f"starts with a {codec} mark but is not {codec}") from error
    _refuse_binary(data, path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Windows exports: cp1252 maps almost every byte; the 5 it leaves undefined are junk.
        return data.decode("cp1252", errors="replace")


def _refuse_binary(data: bytes, path: str | None) -> None:
    for magic, what in _KNOWN_BINARY:
        if data.startswith(magic):
            raise InputError(path, f"is {what}; only PDF, HTML and text are supported")
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in b"\t\n\r\f\x0b")
    if b"\x00" in sample or controls > len(sample) // 20:
        raise InputError(path, "binary content, not text, HTML or PDF")


def _preview(data: bytes) -> str:
    """The first bytes, printable, for an error message."""
    head = data[:12]
    shown = "".join(chr(b) if 32 <= b < 127 else "." for b in head)
    return repr(shown)
