"""Read a file (or stdin bytes) into a Document: pages of lines, with geometry for PDFs.

The media type is decided from the content, not the name: a decision saved as "x.txt" that is
really a PDF is read as a PDF, and a file named ".pdf" that is not one is an error the user can
act on. Every failure is an InputError with a short message; no library exception escapes.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
from pathlib import Path

from ..document import Document
from ..errors import InputError

PDF = "application/pdf"
HTML = "text/html"
TEXT = "text/plain"

# The largest input read by default. Real decisions are a few hundred KB and a 2,000-page agenda
# pack is tens of MB; anything much bigger is not one of these documents, and reading it whole
# would take gigabytes of memory. `--max-bytes` (or max_bytes=) raises or removes the limit.
DEFAULT_MAX_BYTES = 100 * 1024 * 1024

# How far into the file a PDF header may sit (the spec tolerates leading junk).
_PDF_HEADER_WINDOW = 1024
_PDF_HEADER = re.compile(rb"%PDF-\d")
_PDF_BODY_MARKS = (b"endobj", b"startxref")
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


def read(
    source: str | Path | bytes, *, name: str | None = None, max_bytes: int | None = DEFAULT_MAX_BYTES
) -> Document:
    """Read a path, or raw bytes from stdin (named `name` in messages), into a Document.

    max_bytes bounds the input (None: no bound); a path must be a regular file.
    """
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        path = name
        if max_bytes is not None and len(data) > max_bytes:
            raise InputError(path, too_big(len(data), max_bytes))
    else:
        path = shown_path(source)
        data = read_bytes(source, path, max_bytes)

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


def shown_path(path: str | Path | bytes) -> str:
    """A path as printable text. A file name that is not valid UTF-8 keeps its readable part and
    shows U+FFFD for the bad bytes, so messages and JSON can always be written."""
    text = os.fsdecode(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        try:
            return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        except UnicodeEncodeError:
            return text.encode("utf-8", "replace").decode("utf-8")


def check_file(path: str | Path | bytes, shown: str, max_bytes: int | None) -> os.stat_result:
    """Stat a path before anything opens it: a FIFO would block, a device never ends, a folder
    or a link loop is not a document, and a file over the limit is refused unread."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError(shown, "a symbolic link to a file that does not exist") from None
        raise InputError(shown, "no such file") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise InputError(shown, "a loop of symbolic links, not a file") from None
        raise InputError(shown, f"cannot read file: {error.strerror or error}") from None
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise InputError(shown, "is a directory, not a file")
    if stat.S_ISFIFO(mode):
        raise InputError(shown, "is a named pipe (FIFO), not a regular file; pipe it to '-'")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise InputError(shown, "is a device, not a regular file")
    if not stat.S_ISREG(mode):
        raise InputError(shown, "is not a regular file")
    if max_bytes is not None and info.st_size > max_bytes:
        raise InputError(shown, too_big(info.st_size, max_bytes))
    return info


def read_bytes(path: str | Path | bytes, shown: str, max_bytes: int | None) -> bytes:
    check_file(path, shown, max_bytes)
    try:
        with open(path, "rb") as handle:
            # Bounded even after the size check: some files (/proc) report size 0, others grow.
            data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except OSError as error:
        raise InputError(shown, f"cannot read file: {error.strerror or error}") from error
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(shown, too_big(len(data), max_bytes))
    return data


def too_big(size: int, limit: int) -> str:
    return (
        f"is {_megabytes(size)}, over the {_megabytes(limit)} input limit, which keeps memory "
        "bounded (real decisions and agenda packs are far smaller); raise it with --max-bytes"
    )


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size:,} bytes"


def sniff(data: bytes) -> str:
    """The media type from the first bytes: PDF magic, an HTML start, else text."""
    header = _PDF_HEADER.search(data[:_PDF_HEADER_WINDOW])
    # A header after leading junk counts only with PDF objects behind it: a text that mentions
    # "%PDF-1.7" in its first lines is still text.
    if header and (header.start() == 0 or any(mark in data for mark in _PDF_BODY_MARKS)):
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
