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
from decision_parser.errors import error_line

SCORES_PATH = paths.REPO_ROOT / "models" / "heldout_scores.json"
TRAINING_FILES = ("train.jsonl", "dev.jsonl", "heldout.jsonl")
IN_CHECKOUT = "[default: the checkout's {}, when run inside a decision-parser checkout]"


class TrainingInputError(Exception):
    """What training was given cannot be trained from; the message says which path and why."""


def resolve_training_paths(
    output: Path | None, config: Path | None, corpus: Path | None, regenerate: bool = False
) -> tuple[Path, Path, Path]:
    """(output, config, corpus): the paths given, or the checkout's where one was left out.

    Outside a checkout (an installed package run from any folder) there is no corpus to
    default to, so every path must be given; anything missing is named before spaCy loads.
    """
    checkout = paths.CHECKOUT
    if checkout is None and None in (output, config, corpus):
        raise TrainingInputError(
            "no decision-parser checkout here (a folder with corpus/training and models/): "
            "run inside one, or give --corpus, --config and --output"
        )
    output = output or paths.MODEL_DIR
    config = config or paths.CONFIG_PATH
    corpus = corpus or paths.CORPUS_DIR
    if not config.is_file():
        raise TrainingInputError(f"{config}: no spaCy training config there")
    if not corpus.is_dir():
        raise TrainingInputError(f"{corpus}: not a folder")
    needed = ("generate.py",) if regenerate else TRAINING_FILES
    missing = [name for name in needed if not (corpus / name).is_file()]
    if missing:
        raise TrainingInputError(f"{corpus}: missing {', '.join(missing)}")
    if output.exists() and not output.is_dir():
        raise TrainingInputError(f"{output}: exists and is not a folder")
    return output, config, corpus


def train_command(
    output: Annotated[
        Path | None,
        typer.Option(
            help="Where to write the trained pipeline. "
            + IN_CHECKOUT.format("models/decision-parser-ner"),
            show_default=False,
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            help="spaCy training config. " + IN_CHECKOUT.format("models/config.cfg"),
            show_default=False,
        ),
    ] = None,
    corpus: Annotated[
        Path | None,
        typer.Option(
            help="Folder with train/dev/heldout.jsonl. " + IN_CHECKOUT.format("corpus/training"),
            show_default=False,
        ),
    ] = None,
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
    try:
        output, config, corpus = resolve_training_paths(output, config, corpus, regenerate)
    except TrainingInputError as error:
        error_line(str(error))
        raise typer.Exit(code=2) from None
    from decision_parser import model  # spaCy: loaded only when training runs

    started = time.perf_counter()
    if regenerate:
        gen = runpy.run_path(str(corpus / "generate.py"))
        gen["main"](["--out", str(corpus)])
    overrides = {"training.max_steps": max_steps} if max_steps is not None else {}
    try:
        with tempfile.TemporaryDirectory(prefix="dp-docbin-") as tmp:
            bins = model.build_docbins(corpus, tmp)
            model.train(config, bins["train"], bins["dev"], output, seed=seed, overrides=overrides)
    except (ValueError, KeyError, OSError) as error:
        # A record whose span misses a token boundary, a config spaCy cannot read, a folder
        # that cannot be written: one line, not spaCy's traceback.
        message = " ".join(str(error).split())[:500]
        error_line(f"training from {corpus} failed: {message}")
        raise typer.Exit(code=1) from None
    elapsed = time.perf_counter() - started
    nlp = model.load_model(output)
    if nlp is None:  # pragma: no cover - train() always writes a pipeline
        raise typer.Exit(code=1)
    scores = model.evaluate(nlp, model.read_jsonl(corpus / "heldout.jsonl"))
    typer.echo(f"\ntrained in {elapsed:.0f} s -> {output}\n\nheld-out split:")
    typer.echo(model.format_scores(scores))
    if write_scores is None:
        # Only the checkout's own model has its scores recorded beside it.
        write_scores = paths.CHECKOUT is not None and output.resolve() == paths.MODEL_DIR.resolve()
    if write_scores:
        SCORES_PATH.write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
        typer.echo(f"\nrecorded in {SCORES_PATH}")
    return scores


if __name__ == "__main__":  # python -m decision_parser.train_cli
    typer.run(train_command)
