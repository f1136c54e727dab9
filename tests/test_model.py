"""The trained component: corpus integrity, a tiny training run, and the shipped model's floor."""

from __future__ import annotations

import json
import runpy
from pathlib import Path

import pytest
from spacy.tokens import DocBin

from decision_parser import model

CORPUS = model.CORPUS_DIR
SCORES = model.REPO_ROOT / "models" / "heldout_scores.json"
SPLITS = ("train", "dev", "heldout")
# Recorded figures are re-computed from the same model and data, so only float noise is allowed.
TOLERANCE = 0.002


@pytest.fixture(scope="module")
def records() -> dict[str, list[dict]]:
    return {s: model.read_jsonl(CORPUS / f"{s}.jsonl") for s in SPLITS}


# --- corpus -------------------------------------------------------------------------------
MARKUP_CASES = [
    ("The Council will [apologise to Mrs X](REMEDY).", "The Council will apologise to Mrs X.",
     [("apologise to Mrs X", "REMEDY")]),
    ("[Mrs X](PARTY) complained about [Eastmoor District Council](ORG).",
     "Mrs X complained about Eastmoor District Council.",
     [("Mrs X", "PARTY"), ("Eastmoor District Council", "ORG")]),
    # A party inside a remedy belongs to the remedy: NER spans cannot overlap.
    ("[pay [Mr Y](PARTY) £500](REMEDY)", "pay Mr Y £500", [("pay Mr Y £500", "REMEDY")]),
    ("No labels here.", "No labels here.", []),
]


@pytest.mark.parametrize(("markup", "text", "spans"), MARKUP_CASES)
def test_markup(markup, text, spans):
    mk = runpy.run_path(str(CORPUS / "markup.py"))
    got_text, got_spans = mk["parse"](markup)
    assert got_text == text
    assert [(got_text[s["start"]:s["end"]], s["label"]) for s in got_spans] == spans


def test_committed_corpus_matches_generator():
    gen = runpy.run_path(str(CORPUS / "generate.py"))
    for split, recs in gen["generate"]().items():
        committed = (CORPUS / f"{split}.jsonl").read_text(encoding="utf-8")
        assert gen["dumps"](recs) == committed, f"{split}.jsonl is stale: run generate.py"


def test_corpus_shape(records):
    total = sum(len(r) for r in records.values())
    assert total >= 1500
    for split, recs in records.items():
        for rec in recs:
            assert set(rec["cats"]) == set(model.ACTIONS), rec
            has_remedy = any(s["label"] == "REMEDY" for s in rec["spans"])
            assert has_remedy == any(rec["cats"].values()), (split, rec["text"])
    # Every label and every action is represented in every split.
    for split, recs in records.items():
        assert {s["label"] for r in recs for s in r["spans"]} == set(model.LABELS), split
        assert {a for r in recs for a, v in r["cats"].items() if v} == set(model.ACTIONS), split


def test_heldout_is_unseen(records):
    train_texts = {r["text"] for r in records["train"]}
    assert not train_texts & {r["text"] for r in records["heldout"]}
    assert not {r["meta"]["family"] for r in records["train"]} & {
        r["meta"]["family"] for r in records["heldout"] if r["meta"]["family"] != "handwritten"
    }
    # No organisation named in held-out text is named in training.
    def orgs(recs):
        return {r["text"][s["start"]:s["end"]] for r in recs for s in r["spans"]
                if s["label"] == "ORG"}

    assert not orgs(records["train"]) & orgs(records["heldout"])


def _eight_word_runs(text: str) -> set[tuple[str, ...]]:
    words = text.lower().split()
    return {tuple(words[i : i + 8]) for i in range(len(words) - 7)}


def test_heldout_shares_almost_no_wording_with_training(records):
    # A held-out sentence that repeats eight words of a training sentence measures memory, not
    # generalisation; slot pools and templates are split so that this stays rare.
    seen = set().union(*(_eight_word_runs(r["text"]) for r in records["train"]))
    shared = [r["text"] for r in records["heldout"] if _eight_word_runs(r["text"]) & seen]
    assert len(shared) <= 0.01 * len(records["heldout"]), shared[:5]


def test_training_holds_no_seed_wording(records):
    # "Loses nothing on the seeds" is only independent if no seed sentence taught the model:
    # no record may share eight words with a seed paper, bar the Ombudsman's full title.
    from decision_parser.clean import clean
    from decision_parser.read import read
    from tests.helpers import shared_or_skip

    seeds = sorted(shared_or_skip("seeds").iterdir())
    title = "local government and social care ombudsman"
    seed_runs = {
        run
        for path in seeds
        for run in _eight_word_runs(clean(read(path)).text)
        if title not in " ".join(run)
    }
    shared = [
        r["text"] for recs in records.values() for r in recs if _eight_word_runs(r["text"]) & seed_runs
    ]
    assert not shared, shared[:5]


def test_spans_align_with_tokenizer(records):
    nlp = model.blank()
    for recs in records.values():
        model.records_to_docs(nlp, recs)  # raises on any misaligned span


TOKEN_CASES = [
    ("to apologise to Mrs X.", ["to", "apologise", "to", "Mrs", "X", "."]),
    ("pay Mr. Y £1,250.", ["pay", "Mr.", "Y", "£", "1,250", "."]),
    ("(e.g. Y's EHC plan)", ["(", "e.g.", "Y", "'s", "EHC", "plan", ")"]),
]


@pytest.mark.parametrize(("text", "tokens"), TOKEN_CASES)
def test_tokenizer(text, tokens):
    assert [t.text for t in model.blank()(text)] == tokens


# --- training and prediction --------------------------------------------------------------
def _slice(recs: list[dict], n: int) -> list[dict]:
    """n records with remedies plus n/2 naming a party or body, so every label occurs."""
    with_remedy = [r for r in recs if any(r["cats"].values())][:n]
    named = [r for r in recs if {s["label"] for s in r["spans"]} >= {"ORG", "PARTY"}][: n // 2]
    return with_remedy + named


def test_train_tiny_slice(tmp_path, records):
    nlp0 = model.blank()
    for split, n in (("train", 16), ("dev", 8)):
        docs = model.records_to_docs(nlp0, _slice(records[split], n))
        DocBin(docs=docs).to_disk(tmp_path / f"{split}.spacy")
    out = model.train(
        model.CONFIG_PATH, tmp_path / "train.spacy", tmp_path / "dev.spacy", tmp_path / "m",
        # A high learning rate so a few dozen steps are enough to fit the slice.
        overrides={"training.max_steps": 60, "training.eval_frequency": 30,
                   "training.optimizer.learn_rate": 0.005},
    )
    nlp = model.load_model(out)
    assert nlp is not None
    assert nlp.pipe_names == ["tok2vec", "ner", "textcat_multilabel"]
    assert set(nlp.get_pipe("ner").labels) == set(model.LABELS)
    text = _slice(records["train"], 16)[0]["text"]
    spans = model.predict_spans(nlp, text)
    assert spans, text
    for s in spans:
        assert s.label in model.LABELS and text[s.start:s.end] == s.text
    probs = model.predict_actions(nlp, text)
    assert set(probs) == set(model.ACTIONS) and all(0.0 <= v <= 1.0 for v in probs.values())
    [(batch_spans, batch_probs)] = model.predict_many(nlp, [text])
    assert batch_spans == spans and batch_probs == pytest.approx(probs)


def test_load_model_absent(tmp_path, monkeypatch):
    assert model.load_model(tmp_path / "nothing-here") is None
    monkeypatch.setenv(model.ENV_VAR, str(tmp_path / "nothing-here"))
    assert model.find_model_dir() is None and model.load_model() is None
    monkeypatch.setenv(model.ENV_VAR, "")  # explicitly off
    assert model.load_model() is None


ACTION_CASES = [
    ({"apology": 0.9, "payment": 0.5, "review": 0.49}, ["apology", "payment"]),
    ({}, []),
]


@pytest.mark.parametrize(("probs", "expected"), ACTION_CASES)
def test_actions_above(probs, expected):
    assert model.actions_above(probs) == expected


# --- the shipped model --------------------------------------------------------------------
@pytest.fixture(scope="module")
def shipped():
    nlp = model.load_model(model.MODEL_DIR)
    if nlp is None:
        pytest.skip(f"no trained model at {model.MODEL_DIR} (run `parse-decision train`)")
    return nlp


def test_shipped_model_holds_heldout_scores(shipped, records):
    recorded = json.loads(SCORES.read_text(encoding="utf-8"))
    got = model.evaluate(shipped, records["heldout"])
    floors = [(f"ents.{k}", got["ents"][k]["f"], v["f"]) for k, v in recorded["ents"].items()]
    floors += [(f"overlap.{k}", got["ents_overlap"][k]["f"], v["f"])
               for k, v in recorded["ents_overlap"].items()]
    floors += [(f"cats.{k}", got["cats"][k]["f"], v["f"]) for k, v in recorded["cats"].items()]
    floors.append(("cats_macro_f", got["cats_macro_f"], recorded["cats_macro_f"]))
    low = [(name, g, r) for name, g, r in floors if g < r - TOLERANCE]
    assert not low, f"held-out scores below the recorded floor: {low}"


SHIPPED_CASES = [
    # (text, spans that must be predicted, actions that must be predicted)
    ("The Council has agreed to apologise to Mrs X and pay her £500.",
     [("apologise to Mrs X", "REMEDY"), ("pay her £500", "REMEDY")], ["apology", "payment"]),
    ("Mr Y complained that Eastmoor District Council delayed his son's EHC plan.",
     [("Mr Y", "PARTY"), ("Eastmoor District Council", "ORG")], []),
]
MULTILINE = (
    "**Financial Implications**\n\nThe Council agreed to:\n"
    "- apologise to Mrs X;\n\n- pay her £250.\n"
)


@pytest.mark.parametrize(("text", "spans", "actions"), SHIPPED_CASES)
def test_shipped_model_examples(shipped, text, spans, actions):
    got = [(s.text, s.label) for s in model.predict_spans(shipped, text)]
    for span in spans:
        assert span in got
    assert model.actions_above(model.predict_actions(shipped, text)) == actions


def test_shipped_model_spans_stay_on_their_line(shipped):
    spans = model.predict_spans(shipped, MULTILINE)
    assert ("apologise to Mrs X", "REMEDY") in [(s.text, s.label) for s in spans]
    for s in spans:
        assert MULTILINE[s.start:s.end] == s.text and "\n" not in s.text


def test_model_dir_is_small():
    if not model.MODEL_DIR.is_dir():
        pytest.skip("no trained model")
    size = sum(p.stat().st_size for p in Path(model.MODEL_DIR).rglob("*") if p.is_file())
    assert size < 10 * 1024 * 1024
