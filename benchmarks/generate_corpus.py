"""Generate a large synthetic corpus from the project's own documents, for scale tests and
benchmarks of `parse-decision batch`.

    python benchmarks/generate_corpus.py OUT_DIR                  # 1,000 documents
    python benchmarks/generate_corpus.py OUT_DIR --count 50 --text-share 0.5 --seed 7

Each document is one of corpus/sources/*.md with, consistently throughout the text and the
running header: another (invented) council place name, other complainant initials, other case
reference numbers, every sum scaled by one factor (so breakdowns still add up), every date
moved by a whole number of years (statute years left alone) and, for decisions, another
service-area category. Most are rendered to PDF by corpus/build.py's own functions (the same
layout as the committed corpus); `--text-share` of them are written as Markdown text instead.

The output is deterministic for a given --seed and --count. OUT_DIR/generated.jsonl lists each
file with its template and what was changed. Needs reportlab (the `test` extra).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"

# Invented place names: odd stems so that no real council is misrepresented.
_STEMS = (
    "Brack", "Quill", "Tallow", "Kestle", "Morrow", "Varrow", "Yarrow", "Umber", "Sorrel",
    "Pennock", "Linden", "Corve", "Drayle", "Nettick", "Gorse", "Hollin", "Ivel", "Jessop",
)  # fmt: skip
_ENDINGS = ("bury", "ford", "mere", "dale", "combe", "wick", " Vale", " Moor", "field", "ton")
PLACES = tuple(stem + ending for stem in _STEMS for ending in _ENDINGS)

# Service areas in the Ombudsman's "Area > Subcategory" style.
CATEGORIES = (
    "Adult care services > Assessment and care plan",
    "Adult care services > Charging",
    "Benefits and tax > Council tax",
    "Benefits and tax > Housing benefit and council tax reduction",
    "Children's care services > Looked after children",
    "Children's care services > Disabled children",
    "Education > Special educational needs",
    "Education > School transport",
    "Education > Alternative provision",
    "Environment and regulation > Refuse and recycling",
    "Highways and transport > Parking and other penalties",
    "Housing > Allocations",
    "Housing > Homelessness",
    "Planning > Planning applications",
    "Planning > Enforcement",
    "Transport and highways > Highway repair and maintenance",
)

COUNCIL_WORDS = re.compile(
    r"^(?:London Borough of |Royal Borough of )|"
    r" (?:Metropolitan Borough|County Borough|Borough|District|County|City)? ?Council$"
)
REFERENCE = re.compile(r"(?<!\d)(\d{2}) (\d{3}) (\d{3})(?!\d)")
COMPACT_REFERENCE = re.compile(r"(?<!\d)(\d{2})(\d{3})(\d{3})(?!\d)")
PERSON = re.compile(r"\b(Mr and Mrs|Mrs|Mr|Ms|Miss|Dr) ([A-Z])\b")
MONEY = re.compile(r"£(\d{1,3}(?:,\d{3})+|\d+)(\.\d{2})?")
# A year in a date or narrative; statutes ("Care Act 2014") keep their year.
YEAR = re.compile(r"(?<!Act )(?<!Regulations )\b(20(?:1[5-9]|2\d))\b")
CATEGORY_LINE = re.compile(r"^(Category : ).*$", re.MULTILINE)


def load_builder():
    """corpus/build.py as a module (its name would clash with the `build` package)."""
    spec = importlib.util.spec_from_file_location("corpus_build", CORPUS / "build.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def templates() -> list[dict]:
    """Each source with its council place name (from the gold file) and build settings."""
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    found = []
    for source in sorted((CORPUS / "sources").glob("*.md")):
        gold_path = CORPUS / "gold" / f"{source.stem}.json"
        organisation = ""
        if gold_path.exists():
            organisation = json.loads(gold_path.read_text(encoding="utf-8")).get("organisation")
        place = COUNCIL_WORDS.sub("", organisation or "").strip()
        found.append(
            {
                "name": source.stem,
                "text": source.read_text(encoding="utf-8"),
                "settings": manifest.get(source.name, {}),
                "place": place,
            }
        )
    return found


class Variation:
    """One document's consistent set of changes."""

    def __init__(self, rng: random.Random, place: str):
        self.rng = rng
        self.place = place
        self.new_place = rng.choice(PLACES)
        self.factor = rng.choice((0.5, 0.75, 1.25, 1.5, 2.0, 3.0))
        self.years = rng.choice((-4, -3, -2, -1, 0, 1))
        self.category = rng.choice(CATEGORIES)
        self.letters: dict[str, str] = {}
        self.references: dict[str, str] = {}

    def apply(self, text: str) -> str:
        if self.place:
            text = re.sub(rf"\b{re.escape(self.place)}\b", self.new_place, text)
        text = REFERENCE.sub(lambda m: self._reference(m, " "), text)
        text = COMPACT_REFERENCE.sub(lambda m: self._reference(m, ""), text)
        text = PERSON.sub(lambda m: f"{m.group(1)} {self._letter(m.group(2))}", text)
        text = MONEY.sub(self._money, text)
        text = YEAR.sub(lambda m: str(int(m.group(1)) + self.years), text)
        text = CATEGORY_LINE.sub(lambda m: m.group(1) + self.category, text)
        return text

    def _reference(self, match: re.Match, sep: str) -> str:
        old = "".join(match.groups())
        if old not in self.references:
            year = max(10, min(99, int(match.group(1)) + self.years))
            self.references[old] = (
                f"{year:02d}{self.rng.randrange(1000):03d}{self.rng.randrange(1000):03d}"
            )
        new = self.references[old]
        return sep.join((new[:2], new[2:5], new[5:]))

    def _letter(self, old: str) -> str:
        if old not in self.letters:
            taken = set(self.letters.values())
            choices = [c for c in "ABCDEFGHJKLMNPRSTVWXYZ" if c not in taken] or ["Q"]
            self.letters[old] = self.rng.choice(choices)
        return self.letters[old]

    def _money(self, match: re.Match) -> str:
        value = float(match.group(1).replace(",", "") + (match.group(2) or "")) * self.factor
        if match.group(2) or value != int(value):
            return f"£{value:,.2f}"
        return f"£{int(value):,}"

    def describe(self) -> dict:
        return {
            "place": self.new_place,
            "amount_factor": self.factor,
            "year_shift": self.years,
            "category": self.category,
            "references": sorted(self.references.values()),
        }


def generate_one(job: tuple) -> dict:
    """Write document `number` (a job for a worker process)."""
    number, template, out_dir, seed, as_text = job
    rng = random.Random(f"{seed}-{number}")
    variation = Variation(rng, template["place"])
    text = variation.apply(template["text"])
    stem = f"gen_{number:05d}_{template['name'][4:]}"
    if as_text:
        path = out_dir / f"{stem}.md"
        path.write_text(text, encoding="utf-8", newline="\n")
    else:
        builder = _builder()
        settings = {
            key: variation.apply(value) if isinstance(value, str) else value
            for key, value in template["settings"].items()
        }
        blocks = builder.parse(text)
        settings.setdefault("title", next((b.text for b in blocks if b.kind == "title"), ""))
        path = out_dir / f"{stem}.pdf"
        builder.build_pdf(blocks, settings, path)
    return {"file": path.name, "template": template["name"], **variation.describe()}


_BUILDER = None


def _builder():
    global _BUILDER
    if _BUILDER is None:
        _BUILDER = load_builder()
    return _BUILDER


def generate(
    out_dir: Path, count: int = 1000, *, seed: int = 1, text_share: float = 0.2, jobs: int = 1
) -> list[Path]:
    """Write `count` documents into `out_dir`; returns their paths (the manifest aside)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    sources = templates()
    picker = random.Random(seed)
    work = [
        (n, sources[n % len(sources)], out_dir, seed, picker.random() < text_share)
        for n in range(1, count + 1)
    ]
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            records = list(pool.map(generate_one, work, chunksize=16))
    else:
        records = [generate_one(job) for job in work]
    with open(out_dir / "generated.jsonl", "w", encoding="utf-8") as manifest:
        for record in records:
            manifest.write(json.dumps(record) + "\n")
    return [out_dir / r["file"] for r in records]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--text-share", type=float, default=0.2, help="share written as Markdown text, not PDF"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    started = time.monotonic()
    paths = generate(
        args.out_dir, args.count, seed=args.seed, text_share=args.text_share, jobs=args.jobs
    )
    pdfs = sum(p.suffix == ".pdf" for p in paths)
    print(
        f"wrote {len(paths)} documents ({pdfs} PDF, {len(paths) - pdfs} text) to {args.out_dir} "
        f"in {time.monotonic() - started:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
