"""`parse-decision train`: rebuild the shipped model from the committed corpus.

Mounted by cli.py as ``app.command("train")(train_command)``; also callable from Python.
Runs: (optionally regenerate the JSONL) -> DocBins in a temporary folder -> spaCy training with
a fixed seed -> best model copied to ``--output`` -> held-out scores printed and, for the shipped
model, recorded in models/heldout_scores.json (the floor tests/test_model.py enforces).
"""

from __future__ import annotations

import json
import runpy
import tempfile
import time
from pathlib import Path
from typing import Annotated

import typer

from decision_parser import paths

SCORES_PATH = paths.REPO_ROOT / "models" / "heldout_scores.json"


def train_command(
    output: Annotated[
        Path, typer.Option(help="Where to write the trained pipeline.")
    ] = paths.MODEL_DIR,
    config: Annotated[Path, typer.Option(help="spaCy training config.")] = paths.CONFIG_PATH,
    corpus: Annotated[
        Path, typer.Option(help="Folder with train/dev/heldout.jsonl.")
    ] = paths.CORPUS_DIR,
    seed: Annotated[int, typer.Option(help="Random seed (0 reproduces the shipped model).")] = 0,
    max_steps: Annotated[
        int | None, typer.Option(help="Override training.max_steps (for quick trials).")
    ] = None,
    regenerate: Annotated[
        bool, typer.Option(help="Re-run corpus/training/generate.py before training.")
    ] = False,
    write_scores: Annotated[
        bool | None,
        typer.Option(help="Record held-out scores in models/heldout_scores.json "
                     "[default: only when writing the shipped model]."),
    ] = None,
) -> dict:
    """Train the NER + action classifier from the annotated corpus and report held-out scores."""
    from decision_parser import model  # spaCy: loaded only when training runs

    started = time.perf_counter()
    if regenerate:
        gen = runpy.run_path(str(corpus / "generate.py"))
        gen["main"](["--out", str(corpus)])
    overrides = {"training.max_steps": max_steps} if max_steps is not None else {}
    with tempfile.TemporaryDirectory(prefix="dp-docbin-") as tmp:
        bins = model.build_docbins(corpus, tmp)
        model.train(config, bins["train"], bins["dev"], output, seed=seed, overrides=overrides)
    elapsed = time.perf_counter() - started
    nlp = model.load_model(output)
    if nlp is None:  # pragma: no cover - train() always writes a pipeline
        raise typer.Exit(code=1)
    scores = model.evaluate(nlp, model.read_jsonl(corpus / "heldout.jsonl"))
    typer.echo(f"\ntrained in {elapsed:.0f} s -> {output}\n\nheld-out split:")
    typer.echo(model.format_scores(scores))
    if write_scores is None:
        write_scores = Path(output).resolve() == model.MODEL_DIR.resolve()
    if write_scores:
        SCORES_PATH.write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
        typer.echo(f"\nrecorded in {SCORES_PATH}")
    return scores


if __name__ == "__main__":  # python -m decision_parser.train_cli
    typer.run(train_command)
