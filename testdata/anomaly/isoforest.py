#!/usr/bin/python3
"""Reference anomaly scores for `retain anomalies`.

Runs scikit-learn's IsolationForest with its default settings
(random_state=0) on the preprocessed features that
`retain anomalies --export-features FILE` wrote, and measures its score
(the negated score_samples: higher is more abnormal) against the truth
column the same way retain does: ROC AUC, average precision, precision@k
with k the number of abusers, recall per archetype in the top 2k (ties
broken by row order). Prints one JSON object.

    retain anomalies --builtin-users 5000 --export-features f.csv
    /usr/bin/python3 testdata/anomaly/isoforest.py f.csv abuser abuser_archetype
"""
import json
import sys

import numpy as np
import pandas as pd
from sklearn.ensemble import IsolationForest
from sklearn.metrics import average_precision_score, roc_auc_score


def main(path, truth, archetype=None):
    frame = pd.read_csv(path, keep_default_na=False)
    drop = ["id", truth] + ([archetype] if archetype else [])
    x = frame.drop(columns=drop).to_numpy(dtype=float)
    y = frame[truth].to_numpy(dtype=float)
    score = -IsolationForest(random_state=0).fit(x).score_samples(x)
    k = int(y.sum())
    order = np.argsort(-score, kind="stable")
    top2k = np.zeros(len(y), dtype=bool)
    top2k[order[: 2 * k]] = True
    kinds = frame[archetype].to_numpy() if archetype else np.array(["all"] * len(y))
    recall = {}
    for kind in sorted(set(kinds[y == 1])):
        members = (y == 1) & (kinds == kind)
        recall[kind] = float(top2k[members].mean())
    print(json.dumps({
        "rows": len(y), "positives": k,
        "roc_auc": roc_auc_score(y, score),
        "average_precision": average_precision_score(y, score),
        "precision_at_k": float(y[order[:k]].mean()),
        "recall_top_2k": recall,
    }, sort_keys=True))


if __name__ == "__main__":
    main(*sys.argv[1:])
