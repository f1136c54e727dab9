"""The trained spaCy component: load it, train it, and ask it for spans and actions.

The shipped pipeline (``models/decision-parser-ner``) is ``spacy.blank("en")`` + a small
tok2vec + ``ner`` (labels ORG, PARTY, REMEDY) + ``textcat_multilabel`` (the six
recommendation actions). It is trained from ``corpus/training`` by `train` (see
``train_cli.train_command``) and is optional: `load_model` returns None when it is absent
so the package still runs on rules alone; the caller decides how to warn.

Typical use by the pipeline::

    nlp = load_model()                       # once per process; None -> rules only
    if nlp is not None:
        for s in predict_spans(nlp, text):   # ORG / PARTY / REMEDY with char offsets
            ...
        probs = predict_actions(nlp, item)   # {"apology": 0.97, "payment": 0.02, ...}
        acts = actions_above(probs)          # ["apology"]

Offsets are character offsets into the text passed in, so evidence can quote it directly.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

# The paths live apart so the command line can start without spaCy; re-exported from here.
from .paths import (  # noqa: E402, F401
    _PACKAGE_DIR,
    CONFIG_PATH,
    CORPUS_DIR,
    MODEL_DIR,
    MODEL_NAME,
    REPO_ROOT,
)

ENV_VAR = "DECISION_PARSER_MODEL"
ACTIONS = ("apology", "payment", "provision", "review", "service_improvement", "report")
LABELS = ("ORG", "PARTY", "REMEDY")
DEFAULT_THRESHOLD = 0.5

# A single capital letter then a full stop ends a sentence far more often than it abbreviates
# a name here ("... apologise to Mrs X."), and the default English tokenizer keeps "X." as one
# token, which would glue the stop onto every PARTY span at a sentence end.
_EXTRA_SUFFIXES = (r"(?<=\b[A-Z])\.",)
TOKENIZER = "decision_parser.tokenizer.v1"


class SpanPrediction(NamedTuple):
    start: int  # character offset of the first character
    end: int  # character offset just past the last character
    label: str  # ORG, PARTY or REMEDY
    text: str
    score: float | None = None  # the greedy NER gives no per-span confidence


def _special_cases(defaults) -> dict:
    # English ships ~2,700 special cases, mostly contractions and clock times; building them
    # twice (defaults, then from disk) was most of the load time. These documents need only
    # the abbreviations with a full stop ("Mr.", "e.g.", "No."), minus single letters.
    return {
        k: v
        for k, v in defaults.tokenizer_exceptions.items()
        if "." in k and not re.fullmatch(r"[A-Za-z]\.", k) and not re.search(r"\d", k)
    }


@spacy.registry.tokenizers(TOKENIZER)
def _create_tokenizer():
    """The pipeline's tokenizer; named in models/config.cfg and in the saved model."""

    def make(nlp: Language) -> Tokenizer:
        d = nlp.Defaults
        return Tokenizer(
            nlp.vocab,
            rules=_special_cases(d),
            prefix_search=compile_prefix_regex(d.prefixes).search,
            suffix_search=compile_suffix_regex([*d.suffixes, *_EXTRA_SUFFIXES]).search,
            infix_finditer=compile_infix_regex(d.infixes).finditer,
            token_match=d.token_match,
            url_match=d.url_match,
        )

    return make


def blank() -> Language:
    """The tokenizer the corpus is annotated against: blank English with our tokenizer."""
    return spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})


# --- locating and loading -----------------------------------------------------------------
def _candidates() -> Iterator[Path]:
    env = os.environ.get(ENV_VAR)
    if env is not None:
        # An explicit setting wins, including an empty one, which means "no model".
        if env.strip():
            yield Path(env).expanduser()
        return
    yield _PACKAGE_DIR / "shipped" / MODEL_NAME  # installed: models/ is package data (pyproject)
    yield MODEL_DIR  # a source checkout or an editable install


def _is_pipeline(path: Path) -> bool:
    return (path / "config.cfg").is_file() and (path / "meta.json").is_file()


def find_model_dir() -> Path | None:
    """Where the trained pipeline is: $DECISION_PARSER_MODEL, next to the package, or the
    repository's models/ folder. None when there is none (or the variable is set empty)."""
    for path in _candidates():
        if _is_pipeline(path):
            return path
    return None


def load_model(path: str | Path | None = None) -> Language | None:
    """Load the trained pipeline, or return None when it is absent.

    ``path`` overrides the search in `find_model_dir`. A folder without a pipeline in it
    (no config.cfg and meta.json) gives None; a pipeline that is there but fails to load
    raises, because that is a broken install rather than a rules-only one.
    """
    target = Path(path) if path is not None else find_model_dir()
    if target is None or not _is_pipeline(target):
        return None
    return spacy.load(target)


# --- predicting ---------------------------------------------------------------------------
def _spans(doc: Doc) -> list[SpanPrediction]:
    return [SpanPrediction(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]


def _cats(doc: Doc) -> dict[str, float]:
    return {a: float(doc.cats.get(a, 0.0)) for a in ACTIONS}


def _lines(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            yield start, line
        start += len(line)


def predict_spans(nlp: Language, text: str, batch_size: int = 64) -> list[SpanPrediction]:
    """ORG, PARTY and REMEDY spans in ``text``, in order, with character offsets into it.

    Works line by line: the model was trained on single sentences and list items, and no
    entity in these documents crosses a line break (a whole-document pass let spans run across
    headings and blank lines). Pass whole documents or single items alike.
    """
    lines = list(_lines(text))
    out = []
    docs = nlp.pipe((ln for _, ln in lines), batch_size=batch_size, disable=_others(nlp, "ner"))
    for (offset, _), doc in zip(lines, docs, strict=True):
        out += [s._replace(start=s.start + offset, end=s.end + offset) for s in _spans(doc)]
    return out


def predict_actions(nlp: Language, text: str) -> dict[str, float]:
    """Probability of each recommendation action for one item or sentence.

    Meant for a single recommendation (a list item, a table cell, one sentence): the classifier
    was trained on those, not on whole documents. All values are low for text that carries no
    remedy. Line breaks inside a wrapped item are read as spaces.
    """
    flat = " ".join(text.split())
    return _cats(nlp(flat, disable=_others(nlp, "textcat_multilabel")))


def predict_many(
    nlp: Language, texts: Iterable[str], batch_size: int = 64
) -> list[tuple[list[SpanPrediction], dict[str, float]]]:
    """Spans and action probabilities for many single-line items in one batched pass.

    Unlike `predict_spans` this does not split lines, so offsets stay relative to each item;
    pass items without line breaks (as the lead's list finder yields them).
    """
    return [(_spans(d), _cats(d)) for d in nlp.pipe(texts, batch_size=batch_size)]


def actions_above(probs: Mapping[str, float], threshold: float = DEFAULT_THRESHOLD) -> list[str]:
    """The actions whose probability reaches ``threshold``, in ACTIONS order."""
    return [a for a in ACTIONS if probs.get(a, 0.0) >= threshold]


def _others(nlp: Language, keep: str) -> list[str]:
    # tok2vec feeds both heads, so it always runs.
    return [n for n in nlp.pipe_names if n not in (keep, "tok2vec")]


# --- corpus -> Docs -----------------------------------------------------------------------
def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def records_to_docs(nlp: Language, records: Iterable[Mapping[str, Any]]) -> list[Doc]:
    """Reference Docs from corpus records ({"text", "spans", "cats"}).

    Raises ValueError when a span does not fall on token boundaries: a silently dropped or
    stretched span would teach the model the wrong boundaries.
    """
    docs = []
    for rec in records:
        doc = nlp.make_doc(rec["text"])
        ents = []
        for s in rec.get("spans", []):
            span = doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="strict")
            if span is None:
                raise ValueError(
                    f"span {rec['text'][s['start'] : s['end']]!r} ({s['label']}) is not on token "
                    f"boundaries in {rec['text']!r}"
                )
            ents.append(span)
        doc.ents = ents
        doc.cats = {a: float(rec.get("cats", {}).get(a, 0.0)) for a in ACTIONS}
        docs.append(doc)
    return docs


def build_docbins(
    corpus_dir: str | Path = CORPUS_DIR,
    out_dir: str | Path | None = None,
    splits: Iterable[str] = ("train", "dev", "heldout"),
) -> dict[str, Path]:
    """Write ``<split>.spacy`` DocBins from ``<split>.jsonl``; returns the paths written."""
    from spacy.tokens import DocBin

    corpus_dir = Path(corpus_dir)
    out = Path(out_dir) if out_dir is not None else corpus_dir / "spacy"
    out.mkdir(parents=True, exist_ok=True)
    nlp = blank()
    written = {}
    for split in splits:
        docs = records_to_docs(nlp, read_jsonl(corpus_dir / f"{split}.jsonl"))
        path = out / f"{split}.spacy"
        DocBin(docs=docs, store_user_data=False).to_disk(path)
        written[split] = path
    return written


# --- training -----------------------------------------------------------------------------
def train(
    config: str | Path = CONFIG_PATH,
    train_path: str | Path | None = None,
    dev_path: str | Path | None = None,
    output_dir: str | Path = MODEL_DIR,
    seed: int = 0,
    overrides: Mapping[str, Any] | None = None,
) -> Path:
    """Train the pipeline from DocBins and write the best model to ``output_dir``.

    Wraps ``spacy.cli.train.train``. ``overrides`` are config overrides such as
    ``{"training.max_steps": 20}``. The previous contents of ``output_dir`` are replaced only
    once training has succeeded. Returns ``output_dir``.
    """
    from spacy.cli.train import train as spacy_train

    train_path = Path(train_path) if train_path else CORPUS_DIR / "spacy" / "train.spacy"
    dev_path = Path(dev_path) if dev_path else CORPUS_DIR / "spacy" / "dev.spacy"
    opts: dict[str, Any] = {
        "paths.train": str(train_path),
        "paths.dev": str(dev_path),
        "system.seed": seed,
    }
    opts.update(overrides or {})
    output_dir = Path(output_dir)
    with tempfile.TemporaryDirectory(prefix="dp-train-") as tmp:
        spacy_train(Path(config), Path(tmp), overrides=opts, use_gpu=-1)
        best = Path(tmp) / "model-best"
        if not best.is_dir():  # no evaluation ran (e.g. max_steps below eval_frequency)
            best = Path(tmp) / "model-last"
        _forget_paths(best / "config.cfg")
        if output_dir.exists():
            shutil.rmtree(output_dir)
        output_dir.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(best, output_dir)
    return output_dir


def _forget_paths(config_path: Path) -> None:
    # The saved config would otherwise record this machine's temporary DocBin paths, making
    # two identical trainings differ and leaking a local path into the shipped model.
    from thinc.api import Config

    cfg = Config().from_disk(config_path, interpolate=False)
    for key in ("train", "dev"):
        cfg["paths"][key] = None
    cfg.to_disk(config_path)


# --- evaluation ---------------------------------------------------------------------------
def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "support": tp + fn}


def _touch(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _prf_overlap(p_hit: int, n_pred: int, g_hit: int, n_gold: int) -> dict[str, float]:
    p = p_hit / n_pred if n_pred else 0.0
    r = g_hit / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "support": n_gold}


def evaluate(
    nlp: Language, records: Iterable[Mapping[str, Any]], threshold: float = DEFAULT_THRESHOLD
) -> dict[str, Any]:
    """P/R/F per entity label and per action, plus summaries.

    ``ents`` counts exact span matches; ``ents_overlap`` counts a prediction as right when it
    overlaps a gold span of its label (a located but differently bounded remedy). Actions are
    scored per record at ``threshold``.
    """
    records = list(records)
    ent = {lab: [0, 0, 0] for lab in LABELS}
    # Overlap counts: (predicted spans touching a gold span, predicted, gold touched, gold).
    ovl = {lab: [0, 0, 0, 0] for lab in LABELS}
    act = {a: [0, 0, 0] for a in ACTIONS}
    item_exact = 0
    preds = nlp.pipe((r["text"] for r in records), batch_size=64)
    for rec, doc in zip(records, preds, strict=True):
        gold = {(s["start"], s["end"], s["label"]) for s in rec["spans"]}
        pred = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        for lab in LABELS:
            g = {x for x in gold if x[2] == lab}
            p = {x for x in pred if x[2] == lab}
            ent[lab][0] += len(g & p)
            ent[lab][1] += len(p - g)
            ent[lab][2] += len(g - p)
            ovl[lab][0] += sum(any(_touch(x, y) for y in g) for x in p)
            ovl[lab][1] += len(p)
            ovl[lab][2] += sum(any(_touch(y, x) for x in p) for y in g)
            ovl[lab][3] += len(g)
        gold_acts = {a for a in ACTIONS if rec["cats"].get(a, 0.0) >= 0.5}
        pred_acts = set(actions_above(doc.cats, threshold))
        item_exact += gold_acts == pred_acts
        for a in ACTIONS:
            act[a][0] += a in gold_acts and a in pred_acts
            act[a][1] += a in pred_acts and a not in gold_acts
            act[a][2] += a in gold_acts and a not in pred_acts
    ents = {lab: _prf(*v) for lab, v in ent.items()}
    overlap = {lab: _prf_overlap(*v) for lab, v in ovl.items()}
    cats = {a: _prf(*v) for a, v in act.items()}
    return {
        "n_records": len(records),
        "ents": ents,
        "ents_micro": _prf(*(sum(v[i] for v in ent.values()) for i in range(3))),
        "ents_overlap": overlap,
        "cats": cats,
        "cats_macro_f": round(sum(c["f"] for c in cats.values()) / len(cats), 4),
        "cats_exact_match": round(item_exact / len(records), 4) if records else 0.0,
    }


def format_scores(scores: Mapping[str, Any]) -> str:
    """A plain-text table of `evaluate` output."""
    lines = [
        f"records: {scores['n_records']}",
        "",
        f"{'entity':<22}{'P':>8}{'R':>8}{'F':>8}{'n':>7}",
    ]
    rows = [*scores["ents"].items(), ("(micro)", scores["ents_micro"])]
    rows += [(f"{k} (overlap)", v) for k, v in scores["ents_overlap"].items()]
    for name, s in rows:
        lines.append(f"{name:<22}{s['p']:>8.3f}{s['r']:>8.3f}{s['f']:>8.3f}{s['support']:>7}")
    lines += ["", f"{'action':<22}{'P':>8}{'R':>8}{'F':>8}{'n':>7}"]
    for name, s in scores["cats"].items():
        lines.append(f"{name:<22}{s['p']:>8.3f}{s['r']:>8.3f}{s['f']:>8.3f}{s['support']:>7}")
    lines.append(f"{'(macro F)':<22}{'':>16}{scores['cats_macro_f']:>8.3f}")
    lines.append(f"{'(exact action set)':<22}{'':>16}{scores['cats_exact_match']:>8.3f}")
    return "\n".join(lines)
