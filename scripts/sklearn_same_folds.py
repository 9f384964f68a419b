#!/usr/bin/python3
"""scikit-learn's reference models on the same folds as retain.

Cross-validates, on a per-user CSV, the models of ../shared/reference (one-hot categoricals, mean-imputed,
z-scored): LogisticRegression, MLPClassifier((64,32), adam, lr 1e-3, batch 32, early_stopping=True) and
HistGradientBoostingClassifier with scikit-learn's defaults, plus a logistic regression that first passes
non-negative numeric columns through ln(1+v) (as retain's default does), on folds read from a file
(`retain eval --cv 5 --write-folds FILE` writes retain's) or made by StratifiedKFold(5, shuffle=True,
random_state=SEED), which --write-folds writes for `retain eval --folds FILE`.

Usage: /usr/bin/python3 scripts/sklearn_same_folds.py --data FILE --label COL [--drop COL,...]
         (--folds FILE | --seed SEED [--write-folds FILE]) [--models lr,mlp,hgb,lr_log1p]
"""
import argparse
import sys
import warnings

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

warnings.filterwarnings("ignore")
POSITIVE = {"1", "1.0", "yes", "true", "y", "t"}


def load(path, label, drop):
    df = pd.read_csv(path, skipinitialspace=True)
    y = df.pop(label).astype(str).str.strip().str.lower().isin(POSITIVE).astype(int).values
    for c in drop:
        df.pop(c)
    for c in df.columns:  # numbers stored as text with blanks (Telco's TotalCharges)
        if df[c].dtype == object:
            num = pd.to_numeric(df[c].str.strip(), errors="coerce")
            if num.notna().sum() == df[c].str.strip().replace("", np.nan).notna().sum():
                df[c] = num
    numeric = [c for c in df.columns if df[c].dtype != object and df[c].dtype != bool]
    return df, y, numeric


def design(df, numeric, log1p, train):
    x = df.copy()
    if log1p:
        for c in numeric:
            if x[c].loc[train].min() >= 0:
                x[c] = np.log1p(x[c])
    cat = [c for c in x.columns if c not in numeric]
    x = pd.get_dummies(x, columns=cat, dtype=float)
    x = x.fillna(x.loc[train].mean()).fillna(0)
    return x.values.astype(float)


def models():
    return {
        "lr": ("logistic regression", False, lambda: LogisticRegression(max_iter=1000)),
        "mlp": ("MLP (64,32), early stopping", False,
                lambda: MLPClassifier((64, 32), solver="adam", learning_rate_init=1e-3, batch_size=32,
                                      early_stopping=True, random_state=0)),
        "hgb": ("HistGradientBoosting", False, lambda: HistGradientBoostingClassifier(random_state=0)),
        "lr_log1p": ("logistic regression, ln(1+v)", True, lambda: LogisticRegression(max_iter=1000)),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--label", required=True)
    ap.add_argument("--drop", default="")
    ap.add_argument("--folds")
    ap.add_argument("--seed", type=int)
    ap.add_argument("--write-folds")
    ap.add_argument("--models", default="lr,mlp,hgb,lr_log1p")
    a = ap.parse_args()
    df, y, numeric = load(a.data, a.label, [c for c in a.drop.split(",") if c])
    if a.folds:
        fold = np.array([int(v) for v in open(a.folds).read().split() if v.lstrip("-").isdigit()])
        if len(fold) != len(y):
            sys.exit(f"{a.folds}: {len(fold)} fold numbers for {len(y)} rows")
        where = a.folds
    elif a.seed is not None:
        fold = np.zeros(len(y), int)
        for i, (_, te) in enumerate(StratifiedKFold(5, shuffle=True, random_state=a.seed).split(np.zeros(len(y)), y)):
            fold[te] = i
        where = f"StratifiedKFold(5, shuffle=True, random_state={a.seed})"
        if a.write_folds:
            with open(a.write_folds, "w") as f:
                f.write("fold\n" + "".join(f"{v}\n" for v in fold))
    else:
        sys.exit("give --folds FILE or --seed SEED")
    print(f"{a.data}: {len(y)} rows, {y.sum()} positive; folds: {where}")
    table = models()
    for key in a.models.split(","):
        name, log1p, make = table[key]
        aucs = []
        for k in sorted(set(fold)):
            train, test = fold != k, fold == k
            x = design(df, numeric, log1p, train)
            scaler = StandardScaler().fit(x[train])
            m = make().fit(scaler.transform(x[train]), y[train])
            aucs.append(roc_auc_score(y[test], m.predict_proba(scaler.transform(x[test]))[:, 1]))
        print(f"  {name:32s} ROC AUC {np.mean(aucs):.4f} ± {np.std(aucs, ddof=1):.4f}", flush=True)


if __name__ == "__main__":
    main()
