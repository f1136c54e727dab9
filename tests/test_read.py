"""read(): media type from content, hashing, text decoding, and bad inputs as InputError."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from decision_parser.errors import InputError
from decision_parser.read import read, sniff


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        (b"%PDF-1.7\n...", "application/pdf"),
        (b"\xef\xbb\xbf<!DOCTYPE html><html><body><p>x</p></body></html>", "text/html"),
        (b"  <html lang='en'><head><title>t</title></head></html>", "text/html"),
        (b"<p>A paragraph</p>", "text/html"),
        (b"<b>Classification:</b> Open\tOther", "text/plain"),
        (b"On 13<sup>th</sup> April", "text/plain"),
        (b"Plain words.", "text/plain"),
    ],
)
def test_sniff(data: bytes, media_type: str) -> None:
    assert sniff(data) == media_type


@pytest.mark.parametrize(
    ("data", "first_line"),
    [
        ("Caf\u00e9 \u2013 \u00a3350".encode(), "Caf\u00e9 \u2013 \u00a3350"),
        ("\ufeffWith a BOM".encode(), "With a BOM"),
        ("Windows \u2013 \u00a3350".encode("cp1252"), "Windows \u2013 \u00a3350"),
        ("UTF-16 text".encode("utf-16"), "UTF-16 text"),
        (b"# Heading\n\nBody", "Heading"),
    ],
)
def test_text_decoding(data: bytes, first_line: str) -> None:
    document = read(data)
    assert document.media_type == "text/plain"
    assert document.path is None
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.pages[0].lines[0].text == first_line


@pytest.mark.parametrize(
    ("source", "kind", "level", "gap"),
    [
        ("## Title", "heading", 1, True),
        ("- item", "item", 0, True),
        ("    - nested item", "item", 2, True),
        ("a\tb", "row", None, True),
        ("words", None, None, True),
    ],
)
def test_text_line_hints(source: str, kind: str | None, level: int | None, gap: bool) -> None:
    line = read(source.encode()).pages[0].lines[0]
    assert (line.kind, line.level, line.gap_before) == (kind, level, gap)


def test_text_pages_split_on_form_feed() -> None:
    document = read(b"one\fTwo\f")
    assert [p.number for p in document.pages] == [1, 2]
    assert [[line.text for line in p.lines] for p in document.pages] == [["one"], ["Two"]]


def test_path_name_and_hash(tmp_path: Path) -> None:
    path = tmp_path / "paper.txt"
    path.write_bytes(b"Text.")
    document = read(path)
    assert document.path == str(path)
    assert document.sha256 == hashlib.sha256(b"Text.").hexdigest()


def _write(tmp_path: Path, name: str, data: bytes | None) -> Path:
    path = tmp_path / name
    if data is None:
        path.mkdir()
    else:
        path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("missing.txt", "absent", "no such file"),
        ("folder", None, "is a directory"),
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n\t\n", "no text found"),
        (
            "fake.pdf",
            b"Hello, not a PDF",
            "named .pdf but is not a PDF (starts with 'Hello, not a')",
        ),
        ("fake.pdf", b"<!DOCTYPE html><p>Not found</p>", "named .pdf but is not a PDF"),
        ("blob.bin", bytes(range(256)) * 4, "binary content"),
        ("doc.txt", b"PK\x03\x04rest of a zip", "ZIP archive"),
        ("scan.txt", b"\x89PNG\r\n\x1a\nrest", "PNG image"),
    ],
)
def test_bad_inputs(tmp_path: Path, name: str, data: bytes | str | None, message: str) -> None:
    path = tmp_path / name if data == "absent" else _write(tmp_path, name, data)  # type: ignore[arg-type]
    with pytest.raises(InputError) as caught:
        read(path)
    assert message in caught.value.message
    assert caught.value.path == str(path)
    assert str(caught.value).startswith(f"{path}: ")


def test_stdin_error_names_stdin() -> None:
    with pytest.raises(InputError) as caught:
        read(b"")
    assert str(caught.value) == "<stdin>: empty file"
