"""Score a trained pipeline on the held-out split and optionally record the figures.

    python models/evaluate_heldout.py                      # print scores of the shipped model
    python models/evaluate_heldout.py --model DIR --write  # also rewrite heldout_scores.json

Prints exact-match P/R/F per entity label (ORG, PARTY, REMEDY) and per recommendation action.
`--write` records them in models/heldout_scores.json, the floor tests/test_model.py holds the
shipped model to.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from decision_parser.model import (
    CORPUS_DIR,
    MODEL_DIR,
    evaluate,
    format_scores,
    load_model,
    read_jsonl,
)

SCORES_PATH = Path(__file__).resolve().parent / "heldout_scores.json"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=MODEL_DIR)
    ap.add_argument("--data", type=Path, default=CORPUS_DIR / "heldout.jsonl")
    ap.add_argument("--write", action="store_true", help=f"write {SCORES_PATH.name}")
    args = ap.parse_args(argv)
    nlp = load_model(args.model)
    if nlp is None:
        print(f"no trained pipeline at {args.model}", file=sys.stderr)
        return 1
    scores = evaluate(nlp, read_jsonl(args.data))
    print(format_scores(scores))
    if args.write:
        SCORES_PATH.write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {SCORES_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
