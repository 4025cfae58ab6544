"""Train the newsworthiness model (src/marsad/pipeline/newsworthiness.py) on gold/train.

    .venv/bin/pip install 'scikit-learn>=1.3'      # training only; inference needs nothing
    .venv/bin/python gold/train_newsworthiness.py  # writes src/marsad/pipeline/data/newsworthiness.json

Each news event the rules propose on a gold/train article is an example: 1 when it pairs with a
non-optional gold event (GOLD.md's pairing, as `marsad eval` does), 0 when it pairs with nothing;
events paired with optional gold events are left out. A logistic regression over the named
features is fitted; its threshold is the one that maximises event F1 over out-of-fold predictions
(5 folds, grouped by article, so no article scores its own events). Deterministic: same gold,
same code, same file. gold/test is never read here; compare `marsad eval gold/test` with and
without the model file to decide whether it is kept.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

import marsad
from marsad.evaluation import load_gold
from marsad.evaluation.pairing import pair_events
from marsad.pipeline import newsworthiness
from marsad.resources import data_path

GOLD = Path(__file__).resolve().parent / "train"
REGULARISATION = 0.5
FOLDS = 5


def examples(gold_dir: Path) -> tuple[list[dict], list[int], list[str], int]:
    rows, labels, groups, gold_events = [], [], [], 0
    for article in load_gold(gold_dir):
        if article.error or article.skipped:
            continue
        gold_events += sum(not event.optional for event in article.events)
        with newsworthiness.disabled():
            events = marsad.extract(article.text, published=article.published).events
        paired = {pair.system: article.events[pair.gold].optional for pair in pair_events(article.events, events)}
        headline_end = min(article.text.find("\n") if "\n" in article.text else len(article.text), 200)
        for index, event in enumerate(events):
            if event.background or paired.get(index) is True:
                continue
            rows.append(newsworthiness.features(event, events, len(article.text), headline_end, article.published))
            labels.append(int(index in paired))
            groups.append(article.id)
    return rows, labels, groups, gold_events


def f1_at(probabilities, labels, threshold: float, gold_events: int) -> float:
    kept = probabilities >= threshold
    tp = int(np.sum(kept & (labels == 1)))
    fp = int(np.sum(kept & (labels == 0)))
    return 2 * tp / (2 * tp + fp + (gold_events - tp)) if tp else 0.0


def main() -> int:
    rows, labels, groups, gold_events = examples(GOLD)
    vectorizer = DictVectorizer(sparse=False)
    x, y = vectorizer.fit_transform(rows), np.array(labels)
    out_of_fold = np.zeros(len(y))
    for train, held in GroupKFold(n_splits=FOLDS).split(x, y, groups):
        fold = LogisticRegression(C=REGULARISATION, max_iter=2000).fit(x[train], y[train])
        out_of_fold[held] = fold.predict_proba(x[held])[:, 1]
    thresholds = [round(t, 2) for t in np.arange(0.05, 0.95, 0.05)]
    threshold = max(thresholds, key=lambda t: (f1_at(out_of_fold, y, t, gold_events), -t))
    model = LogisticRegression(C=REGULARISATION, max_iter=2000).fit(x, y)
    names = vectorizer.get_feature_names_out()
    trained_on = sorted(set(groups))
    document = {
        "about": "Newsworthiness of proposed events; trained by gold/train_newsworthiness.py on gold/train.",
        "trained_on": {"articles": len(trained_on), "events": len(y), "news": int(y.sum()),
                       "ids_sha256": hashlib.sha256("\n".join(trained_on).encode()).hexdigest()[:16]},
        "cross_validated_event_f1": {"rules": round(f1_at(np.ones(len(y)), y, 0.5, gold_events), 4),
                                     "model": round(f1_at(out_of_fold, y, threshold, gold_events), 4)},
        "threshold": threshold,
        "intercept": round(float(model.intercept_[0]), 6),
        "weights": {name: round(float(w), 6) for name, w in sorted(zip(names, model.coef_[0]))},
    }
    path = data_path("marsad.pipeline", newsworthiness.MODEL_FILE)
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: document[k] for k in ("trained_on", "cross_validated_event_f1", "threshold")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
