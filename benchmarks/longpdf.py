"""A long PDF made of a corpus decision's pages repeated, for the scale and hostile runs."""

from __future__ import annotations

from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "corpus" / "pdf" / "001_harlow_vale_send_upheld.pdf"


def long_pdf(pages: int, path: Path, source: Path = SOURCE) -> Path:
    """Write exactly `pages` pages (the source's, over and over) to path."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(source)
    writer = PdfWriter()
    while len(writer.pages) < pages:
        for page in reader.pages[: pages - len(writer.pages)]:
            writer.add_page(page)
    with path.open("wb") as handle:
        writer.write(handle)
    return path
