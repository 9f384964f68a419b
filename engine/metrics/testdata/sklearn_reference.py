"""Reference values for engine/metrics tests, computed with scikit-learn 1.2.

Run: /usr/bin/python3 testdata/sklearn_reference.py
It prints Go constants that were pasted into reference_test.go. Inputs are the
same as in the Go tests: the small fixtures literally, the large one from the
splitmix64 generator below (mirrored by splitmix64 in reference_test.go).
"""
import numpy as np
import sklearn
from sklearn.metrics import (roc_auc_score, roc_curve, average_precision_score,
                             precision_recall_curve, log_loss, brier_score_loss,
                             accuracy_score, precision_score, recall_score,
                             f1_score, confusion_matrix)
from sklearn.calibration import calibration_curve

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def float(self):
        return (self.next() >> 11) * (1.0 / (1 << 53))


def large(n=2000, seed=42):
    g = SplitMix64(seed)
    s, y, w = [], [], []
    for _ in range(n):
        score = np.floor(g.float() * 100) / 100  # two decimals: many ties
        label = 1.0 if g.float() < 0.15 + 0.6 * score else 0.0
        weight = 0.5 + g.float()
        s.append(score); y.append(label); w.append(weight)
    return np.array(s), np.array(y), np.array(w)


SMALL_S = np.array([0.4, 0.9, 0.2, 0.8, 0.55, 0.4, 0.05, 0.8, 0.3, 0.4, 0.7, 0.2])
SMALL_Y = np.array([1, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0], dtype=float)
SMALL_W = np.array([3, 1, 2, 2, 0, 1, 1, 0.5, 1, 0.25, 1, 1])
CLIP_S = np.array([0.0, 1.0, 0.0, 1.0, 0.5, 0.25])
CLIP_Y = np.array([0, 1, 1, 0, 1, 0], dtype=float)


def g(x):
    return repr(float(x))


def arr(a):
    return "{" + ", ".join(g(v) for v in a) + "}"


def best_f1(s, y, w):
    p, r, t = precision_recall_curve(y, s, sample_weight=w)
    p, r = p[:-1], r[:-1]
    f = np.where(p + r > 0, 2 * p * r / np.where(p + r > 0, p + r, 1), 0)
    best = f.max()
    k = max(i for i in range(len(t)) if f[i] >= best - 1e-12)  # highest threshold
    return t[k], p[k], r[k], f[k]


def for_recall(s, y, w, target):
    p, r, t = precision_recall_curve(y, s, sample_weight=w)
    k = max(i for i in range(len(t)) if r[i] >= target)
    return t[k], p[k], r[k]


def gains(s, y, w, groups=10):
    # Independent formula: every tie group contributes its positives times
    # the fraction of its weight lying before the cut. Group k cuts after
    # ceil(k * W / groups) users when the total weight W is whole (users, or
    # whole weights as copies), as risk bands count a share; else exactly at
    # k * W / groups. Lift is the captured share over the targeted share.
    w = np.ones_like(s) if w is None else w
    keep = w != 0
    s, y, w = s[keep], y[keep], w[keep]
    u = np.unique(s)[::-1]
    mass = np.array([w[s == v].sum() for v in u])
    posm = np.array([(w * y)[s == v].sum() for v in u])
    start = np.concatenate([[0], np.cumsum(mass)[:-1]])
    out = []
    for k in range(1, groups + 1):
        W = w.sum()
        cut = k * W / groups
        if k < groups and W == np.trunc(W):
            cut = float(-(-(k * int(W)) // groups))
        frac = np.clip((cut - start) / mass, 0, 1)
        cap = (posm * frac).sum()
        lo = u[np.nonzero(frac > 0)[0].max()]
        out.append((cut, lo, cap, cap / (w * y).sum(), cap / (w * y).sum() / (cut / W)))
    return out


def calib_weighted(s, y, w, bins=10):
    edges = np.linspace(0, 1, bins + 1)
    ids = np.searchsorted(edges[1:-1], s)
    keep = w != 0
    out = []
    for b in range(bins):
        m = (ids == b) & keep
        tw = w[m].sum()
        out.append((w[m] @ s[m] / tw if tw else 0, w[m] @ y[m] / tw if tw else 0, int(m.sum())))
    return out


def dump(name, s, y, w, curves):
    print(f"// ---- {name} ----")
    for tag, ww in (("", None), ("Weighted", w)):
        if ww is None and tag == "Weighted":
            continue
        pre = name + tag
        print(f"{pre}AUC = {g(roc_auc_score(y, s, sample_weight=ww))}")
        print(f"{pre}AP = {g(average_precision_score(y, s, sample_weight=ww))}")
        print(f"{pre}LogLoss = {g(log_loss(y, s, sample_weight=ww, labels=[0, 1]))}")
        print(f"{pre}Brier = {g(brier_score_loss(y, s, sample_weight=ww))}")
        yp = (s >= 0.5).astype(float)
        print(f"{pre}Accuracy = {g(accuracy_score(y, yp, sample_weight=ww))}")
        print(f"{pre}Precision = {g(precision_score(y, yp, sample_weight=ww))}")
        print(f"{pre}Recall = {g(recall_score(y, yp, sample_weight=ww))}")
        print(f"{pre}F1 = {g(f1_score(y, yp, sample_weight=ww))}")
        print(f"{pre}Confusion = {arr(confusion_matrix(y, yp, sample_weight=ww).ravel())} // tn fp fn tp")
        print(f"{pre}BestF1 = {arr(best_f1(s, y, ww))} // threshold precision recall f1")
        print(f"{pre}Recall80 = {arr(for_recall(s, y, ww, 0.8))} // threshold precision recall")
        fpr, tpr, thr = roc_curve(y, s, sample_weight=ww, drop_intermediate=False)
        p, r, t = precision_recall_curve(y, s, sample_weight=ww)
        if curves:
            print(f"{pre}ROCFPR = {arr(fpr)}\n{pre}ROCTPR = {arr(tpr)}\n{pre}ROCThr = {arr(thr)}")
            print(f"{pre}PRP = {arr(p)}\n{pre}PRR = {arr(r)}\n{pre}PRThr = {arr(t)}")
        else:
            print(f"{pre}ROCLen = {len(fpr)}; sums fpr tpr thr = {arr([fpr.sum(), tpr.sum(), thr.sum()])}")
            print(f"{pre}PRLen = {len(p)}; sums p r thr = {arr([p.sum(), r.sum(), t.sum()])}")
        if ww is None:
            pt, pp = calibration_curve(y, s, n_bins=10, strategy="uniform")
            print(f"{pre}CalibObserved = {arr(pt)} // non-empty bins\n{pre}CalibPredicted = {arr(pp)}")
            ids = np.searchsorted(np.linspace(0, 1, 11)[1:-1], s)
            print(f"{pre}CalibCounts = {arr(np.bincount(ids, minlength=10))}")
        else:
            print(f"{pre}Calib = {[tuple(map(float, c)) for c in calib_weighted(s, y, ww)]}")
        for row in gains(s, y, ww):
            print(f"{pre}Gains row (targeted, min score, positives, share, lift) = {arr(row)}")


print("// scikit-learn", sklearn.__version__, "numpy", np.__version__)
dump("small", SMALL_S, SMALL_Y, SMALL_W, True)
print("// clip:", g(log_loss(CLIP_Y, CLIP_S, labels=[0, 1])), g(brier_score_loss(CLIP_Y, CLIP_S)))
S, Y, W = large()
print("// large first scores", arr(S[:5]), "labels", arr(Y[:5]), "weights", arr(W[:5]), "positives", Y.sum())
dump("large", S, Y, W, False)
print("// large AUC of 1-s:", g(roc_auc_score(Y, 1 - S)))
