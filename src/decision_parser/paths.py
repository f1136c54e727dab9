"""Where the model, its config and the training corpus live. No spaCy here: the command line
imports this to show `train --help` without loading the NLP stack."""

from __future__ import annotations

from pathlib import Path

MODEL_NAME = "decision-parser-ner"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _checkout() -> Path | None:
    """The source checkout that holds corpus/training and models/ (what training reads), or
    None when there is none to be found.

    From an editable install that is two folders above the package. A regular install keeps
    the package in site-packages, so look from the working directory up instead.
    """
    beside_package = _PACKAGE_DIR.parents[1]
    for folder in (beside_package, Path.cwd(), *Path.cwd().parents):
        if (folder / "corpus" / "training").is_dir() and (folder / "models").is_dir():
            return folder
    return None


CHECKOUT = _checkout()
# Where the checkout's files would be; training checks that they are there before it starts.
REPO_ROOT = CHECKOUT or _PACKAGE_DIR.parents[1]
# The repository's copy; an installed wheel may instead carry one next to the package.
MODEL_DIR = REPO_ROOT / "models" / MODEL_NAME
CONFIG_PATH = REPO_ROOT / "models" / "config.cfg"
CORPUS_DIR = REPO_ROOT / "corpus" / "training"
