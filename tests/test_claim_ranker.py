"""The claim ranker: a learned decision over the claims the rules read, scored from a JSON model."""

import datetime as dt
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.pipeline import claim_ranker, run
from marsad.resources import data_path
from support import SHARED

PUBLISHED = dt.date(2024, 7, 28)
ROOT = Path(__file__).resolve().parents[1]
TEXTS = [
    "قتل ثلاثة جنود وأصيب خمسة آخرون في هجوم شنه مسلحون على حاجز قرب مدينة غاو يوم الجمعة، "
    "بحسب ما أعلن الجيش المالي في بيان.",
    "قالت مصادر طبية إن 12 مدنيا قتلوا في قصف مدفعي على سوق بلدة كتم يوم الأحد. "
    "وكانت غارة على البلدة نفسها في 3 مارس الماضي قد أسفرت عن مقتل 40 شخصا.",
]
# A report (a headline and four sentences), as the model weighs them.
REPORT = (
    "مقتل ثلاثة جنود في هجوم قرب غاو\n"
    "قتل ثلاثة جنود وأصيب خمسة آخرون في هجوم شنه مسلحون على حاجز قرب مدينة غاو يوم الجمعة، "
    "بحسب ما أعلن الجيش المالي في بيان. وقال مصدر محلي إن المهاجمين فروا نحو الحدود. "
    "وتشهد المنطقة هجمات متكررة منذ سنوات. ولم تتبن أي جماعة الهجوم حتى الآن."
)
NO_HOPE = {"threshold": 0.5, "intercept": -20.0, "weights": {}}


def _ranked_input(text):
    doc = run(text, PUBLISHED, until="assemble")
    return doc, doc.extraction


def test_claim_ranker_model_file_loads_with_its_threshold_and_weights():
    model = json.loads(data_path("marsad.pipeline", claim_ranker.MODEL_FILE).read_text(encoding="utf-8"))
    assert 0 < model["threshold"] < 1 and model["weights"]
    assert {name.split("=")[0] for name in model["weights"]} <= _feature_names()


def _feature_names() -> set[str]:
    names = set()
    for text in TEXTS:
        doc, extraction = _ranked_input(text)
        for event in extraction.events:
            for claim in event.claims:
                names |= {
                    n.split("=")[0] for n in claim_ranker.features(doc, extraction.events, event, claim)
                }
    return names


@pytest.mark.parametrize("text", TEXTS)
def test_claim_ranker_features_are_the_same_on_every_run(text):
    def all_features():
        doc, extraction = _ranked_input(text)
        return [
            claim_ranker.features(doc, extraction.events, event, claim)
            for event in extraction.events
            for claim in event.claims
        ]

    first = all_features()
    assert first and first == all_features()


def test_claim_ranker_a_figure_told_in_two_figures_sentence_says_so():
    # «قتل ثلاثة ... وأصيب خمسة»: a toll's two figures in one sentence.
    doc, extraction = _ranked_input(TEXTS[0])
    event = extraction.events[0]
    found = {
        round(claim_ranker.features(doc, extraction.events, event, c)["sentence_figures_log"], 4)
        for c in event.claims
    }
    assert found == {0.6931}


@pytest.mark.parametrize(("claim_of", "apart"), [(0, 0.0), (1, 1.0)])
def test_claim_ranker_a_figure_whose_sentence_dates_another_day_is_dated_apart(claim_of, apart):
    # The news event is dated Sunday; «في 3 مارس الماضي ... مقتل 40» tells another day's toll.
    doc, extraction = _ranked_input(TEXTS[1])
    claim = extraction.events[claim_of].claims[0]
    news = extraction.events[0].model_copy(update={"claims": [claim]})
    assert claim_ranker.features(doc, [news], news, claim)["dated_apart"] == apart


@pytest.mark.parametrize(("intercept", "kept"), [(-20.0, False), (20.0, True)])
def test_claim_ranker_drops_what_the_model_finds_unlikely_and_reconciles_again(intercept, kept):
    doc, extraction = _ranked_input(REPORT)
    model = {"threshold": 0.5, "intercept": intercept, "weights": {}}
    event = claim_ranker.ranked(doc, extraction, model).events[0]
    assert bool(event.claims) is kept
    assert event.fatalities.acled == (3 if kept else 0)


def test_claim_ranker_keeps_a_stated_zero_whatever_the_model():
    doc, extraction = _ranked_input(REPORT.replace("وأصيب خمسة آخرون", "ولم يسقط جرحى"))
    claims = [c for e in claim_ranker.ranked(doc, extraction, NO_HOPE).events for c in e.claims]
    assert [(c.kind, c.low) for c in claims] == [("injured", 0)]


@pytest.mark.parametrize("text", TEXTS)
def test_claim_ranker_leaves_a_text_of_a_few_sentences_to_the_rules(text):
    doc, extraction = _ranked_input(text)
    assert claim_ranker.ranked(doc, extraction, NO_HOPE) == extraction


@pytest.mark.parametrize(
    ("setting", "on"), [("off", False), ("0", False), ("on", True), ("", claim_ranker.SWITCHED_ON)]
)
def test_claim_ranker_setting_switches_the_model(monkeypatch, setting, on):
    monkeypatch.setenv(claim_ranker.SETTING, setting)
    assert claim_ranker.switched_on() is on


def test_claim_ranker_scores_without_scikit_learn():
    # Importing scikit-learn or numpy fails in this process: scoring is plain Python over the JSON.
    code = (
        "import sys; sys.modules['sklearn'] = sys.modules['numpy'] = None\n"
        "import marsad\n"
        f"result = marsad.extract({TEXTS[0]!r}, published='2024-07-28')\n"
        "print(sum(len(e.claims) for e in result.events))"
    )
    env = {"PYTHONPATH": str(ROOT / "src"), claim_ranker.SETTING: "on"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert int(done.stdout) > 0


@pytest.mark.skipif(
    importlib.util.find_spec("sklearn") is None, reason="training needs scikit-learn (train extra)"
)
@pytest.mark.skipif(
    not (SHARED / "corpus" / "gold").is_dir()
    or not (SHARED / "data" / "news-archive" / "news.jsonl.gz").exists(),
    reason="training needs ../shared (the corpus gold and the news archive)",
)
def test_claim_ranker_training_script_reproduces_the_model_file(tmp_path):
    out = tmp_path / "claim_ranker.json"
    subprocess.run(
        [sys.executable, str(ROOT / "gold" / "train_claim_ranker.py"), "--out", str(out)],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        check=True,
    )
    assert out.read_bytes() == data_path("marsad.pipeline", claim_ranker.MODEL_FILE).read_bytes()
