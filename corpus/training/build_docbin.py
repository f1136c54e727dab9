"""Build spaCy DocBins (train/dev/heldout .spacy) from the committed JSONL.

    python corpus/training/build_docbin.py [--out DIR]

Docs are tokenized exactly as the trained pipeline tokenizes (decision_parser.model.blank),
and every span must fall on token boundaries or the build fails. The .spacy files are build
output (git-ignored); the JSONL is the source of truth.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from decision_parser.model import build_docbins

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE / "spacy")
    args = ap.parse_args(argv)
    for split, path in build_docbins(HERE, args.out).items():
        print(f"{split}: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
