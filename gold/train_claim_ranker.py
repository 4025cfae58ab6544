"""Train the claim ranker (src/marsad/pipeline/claim_ranker.py) on gold/train.

    .venv/bin/pip install -e '.[train]'              # training only; scoring needs nothing
    .venv/bin/python gold/train_claim_ranker.py      # writes src/marsad/pipeline/data/claim_ranker.json
    .venv/bin/python gold/train_claim_ranker.py --out other.json   # ... or elsewhere (the tests compare)

Each claim the rules give a news event of a gold/train article is an example: 1 when `marsad eval`'s
pairing pairs it with a gold claim, 0 when it does not (a claim of an event that pairs no gold event
is 0 too); claims of events paired with optional gold events count neither way and are left out,
as `marsad eval` leaves them out. A logistic regression over the named features, strongly
regularised, is fitted; its threshold is the one that maximises claim F1 over out-of-fold
predictions, averaged over ten shufflings of the articles into five folds (folds grouped by
article, so no article scores its own claims; one split alone left the threshold to chance, the
F1 curve being flat from 0.15 to 0.30), and no higher than
the lowest probability the model gives a claim of ../shared/corpus/gold that pairs (the articles
the rules were written on keep what they get right). Deterministic: same gold, same code, same
file. gold/test is never read here: compare `marsad eval gold/test` with MARSAD_CLAIM_RANKER=on and
=off to decide whether the model is switched on (claim_ranker.SWITCHED_ON).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from marsad.evaluation import load_gold
from marsad.evaluation.pairing import pair_events
from marsad.pipeline import claim_ranker, run
from marsad.resources import data_path

GOLD = Path(__file__).resolve().parent / "train"
# The articles the rules were written on (GOLD.md's corpus): they bound the threshold, never train.
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "gold"
REGULARISATION = 0.1  # strong: some 180 examples
FOLDS = 5
SHUFFLES = 10  # shufflings of the articles into folds, each with its seed
THRESHOLDS = tuple(round(0.05 * step, 2) for step in range(1, 19))


def examples(gold_dir: Path) -> tuple[list[dict], list[int], list[str], int]:
    """Features and labels of every counted system claim, each claim's article, and gold's claims."""
    rows, labels, groups, gold_claims = [], [], [], 0
    for article in load_gold(gold_dir):
        if article.error or article.skipped:
            continue
        gold_claims += sum(len(event.claims) for event in article.events if not event.optional)
        doc = run(article.text, article.published, until="assemble")
        events = doc.extraction.events
        pairs = {pair.system: pair for pair in pair_events(article.events, events)}
        for index, event in enumerate(events):
            pair = pairs.get(index)
            if event.background or (pair is not None and article.events[pair.gold].optional):
                continue
            paired = {claim.system for claim in pair.claims} if pair is not None else set()
            for number, claim in enumerate(event.claims):
                if not claim_ranker.weighed(doc, claim):
                    continue
                rows.append(claim_ranker.features(doc, events, event, claim))
                labels.append(int(number in paired))
                groups.append(article.id)
    return rows, labels, groups, gold_claims


def claim_f1(kept, labels, gold_claims: int) -> float:
    tp = int(np.sum(kept & (labels == 1)))
    fp = int(np.sum(kept & (labels == 0)))
    return 2 * tp / (2 * tp + fp + gold_claims - tp) if tp else 0.0


def out_of_fold(x, y, groups: list[str], seed: int):
    """Each claim's probability from a model fitted on the other folds, the articles dealt into
    folds in the seed's order."""
    order = np.random.RandomState(seed).permutation(sorted(set(groups)))
    fold_of = {article: index % FOLDS for index, article in enumerate(order)}
    folds = np.array([fold_of[article] for article in groups])
    probabilities = np.zeros(len(y))
    for fold in range(FOLDS):
        held = folds == fold
        model = LogisticRegression(C=REGULARISATION, max_iter=5000).fit(x[~held], y[~held])
        probabilities[held] = model.predict_proba(x[held])[:, 1]
    return probabilities


def mean_f1(shuffled, threshold: float, labels, gold_claims: int) -> float:
    return float(np.mean([claim_f1(p >= threshold, labels, gold_claims) for p in shuffled]))


def main(argv: list[str]) -> int:
    rows, labels, groups, gold_claims = examples(GOLD)
    vectorizer = DictVectorizer(sparse=False, sort=True)
    x, y = vectorizer.fit_transform(rows), np.array(labels)
    shuffled = [out_of_fold(x, y, groups, seed) for seed in range(SHUFFLES)]
    model = LogisticRegression(C=REGULARISATION, max_iter=5000).fit(x, y)
    # The rules' own articles keep every claim that pairs: a threshold may not rise above the
    # lowest probability the model gives one of them.
    corpus_rows, corpus_labels, _, _ = examples(CORPUS)
    corpus_p = model.predict_proba(vectorizer.transform(corpus_rows))[:, 1][np.array(corpus_labels) == 1]
    allowed = [t for t in THRESHOLDS if t <= corpus_p.min()] or [THRESHOLDS[0]]
    threshold = max(allowed, key=lambda t: (mean_f1(shuffled, t, y, gold_claims), -t))
    articles = sorted(set(groups))
    data = json.dumps([rows, labels, groups], sort_keys=True).encode()
    document = {
        "about": "Which claims of a news event are kept; trained on gold/train by gold/train_claim_ranker.py",
        "trained_on": {
            "articles_with_claims": len(articles),
            "claims": len(y),
            "paired": int(y.sum()),
            "gold_claims": gold_claims,
            "data_sha256": hashlib.sha256(data).hexdigest(),
        },
        "regularisation": REGULARISATION,
        "folds": FOLDS,
        "shuffles": SHUFFLES,
        "cross_validated_claim_f1": {
            "rules": round(claim_f1(np.ones(len(y), dtype=bool), y, gold_claims), 4),
            "model": round(mean_f1(shuffled, threshold, y, gold_claims), 4),
        },
        "corpus_lowest_paired_probability": round(float(corpus_p.min()), 4),
        "threshold": threshold,
        "intercept": round(float(model.intercept_[0]), 6),
        "weights": {
            name: round(float(w), 6) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0])
        },
    }
    path = (
        Path(argv[argv.index("--out") + 1])
        if "--out" in argv
        else data_path("marsad.pipeline", claim_ranker.MODEL_FILE)
    )
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: document[k] for k in ("trained_on", "cross_validated_claim_f1", "threshold")}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
