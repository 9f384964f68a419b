"""Reference values for engine/metrics calibrate.go (FitPlatt, FitIsotonic).

Run with scikit-learn 1.2 (/usr/bin/python3 on the development machine):

    /usr/bin/python3 engine/metrics/testdata/calibration_reference.py \
        > engine/metrics/testdata/calibration_reference.json

Platt: sklearn.calibration._sigmoid_calibration (what
CalibratedClassifierCV(method="sigmoid") fits), called on the logit of the
probabilities clipped to [1e-12, 1-1e-12], as retain feeds it.
Isotonic: IsotonicRegression(out_of_bounds="clip"); "isotonic_fit" is its
fit at each row, and "pooled_x"/"pooled_y" the points of retain's privacy-safe
map (FitIsotonic with at least MIN_ROWS rows a point), computed here from
scikit-learn's fit by the rule FitIsotonic documents.
"""
import json

import numpy as np
from sklearn.calibration import _sigmoid_calibration
from sklearn.isotonic import IsotonicRegression


def logit(p):
    p = np.clip(p, 1e-12, 1 - 1e-12)
    return np.log(p / (1 - p))


MIN_ROWS = 10


def pooled(probs, labels, iso):
    """FitIsotonic's points: scikit-learn's blocks (runs of rows, sorted by
    probability, with one fitted value) pooled until each holds MIN_ROWS
    rows, the block with the fewest first (the first on a tie), into the
    neighbour that raises the squared error least (the lower on a tie);
    a point is a block's mean probability and mean label."""
    order = np.argsort(probs, kind="stable")
    xs, ys = probs[order], labels[order]
    fit = iso.predict(xs)
    blocks = []  # [sum x, sum y, rows]
    for i in range(len(xs)):
        if i > 0 and fit[i] == fit[i - 1]:
            b = blocks[-1]
            blocks[-1] = [b[0] + xs[i], b[1] + ys[i], b[2] + 1]
        else:
            blocks.append([xs[i], ys[i], 1])

    def cost(a, b):
        d = a[1] / a[2] - b[1] / b[2]
        return a[2] * b[2] / (a[2] + b[2]) * d * d

    while len(blocks) > 1:
        small = [i for i, b in enumerate(blocks) if b[2] < MIN_ROWS]
        if not small:
            break
        k = min(small, key=lambda i: (blocks[i][2], i))
        if k == 0:
            j = 1
        elif k == len(blocks) - 1:
            j = k - 1
        else:
            j = k + 1 if cost(blocks[k], blocks[k + 1]) < cost(blocks[k - 1], blocks[k]) else k - 1
        lo = min(j, k)
        a, b = blocks[lo], blocks[lo + 1]
        blocks[lo : lo + 2] = [[a[0] + b[0], a[1] + b[1], a[2] + b[2]]]
    return [float(b[0] / b[2]) for b in blocks], [float(b[1] / b[2]) for b in blocks]


def case(name, probs, labels):
    a, b = _sigmoid_calibration(logit(probs), labels)
    iso = IsotonicRegression(out_of_bounds="clip").fit(probs, labels)
    px, py = pooled(probs, labels, iso)
    query = np.concatenate([[0.0, 1.0, probs.min() / 2], np.linspace(0, 1, 41), probs[:20]])
    return {
        "name": name,
        "probs": probs.tolist(),
        "labels": labels.tolist(),
        "platt_a": a,
        "platt_b": b,
        "query": query.tolist(),
        "platt": (1 / (1 + np.exp(a * logit(query) + b))).tolist(),
        "isotonic": iso.predict(query).tolist(),
        "isotonic_fit": iso.predict(probs).tolist(),
        "pooled_x": px,
        "pooled_y": py,
    }


rng = np.random.default_rng(13)
cases = []
# An over-confident model: raw = sigmoid(2.5 logit(p) + 0.4).
p = rng.uniform(0.02, 0.98, 300)
y = (rng.uniform(size=300) < p).astype(float)
raw = 1 / (1 + np.exp(-(2.5 * logit(p) + 0.4)))
cases.append(case("overconfident", raw, y))
# Rounded scores (many ties) with a rare positive class.
p = rng.beta(1, 6, 400)
y = (rng.uniform(size=400) < p).astype(float)
cases.append(case("ties_imbalanced", np.round(p, 2), y))
# Saturated outputs of exactly 0 and 1.
raw = np.array([0.0, 0.0, 0.1, 0.3, 0.3, 0.5, 0.7, 0.9, 1.0, 1.0, 0.2, 0.8])
y = np.array([0, 1, 0, 0, 1, 1, 0, 1, 1, 1, 0, 1], dtype=float)
cases.append(case("saturated", raw, y))
print(json.dumps({"sklearn": __import__("sklearn").__version__, "cases": cases}, indent=1))
