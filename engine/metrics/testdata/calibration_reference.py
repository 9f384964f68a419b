"""Reference values for engine/metrics calibrate.go (FitPlatt, FitIsotonic).

Run with scikit-learn 1.2 (/usr/bin/python3 on the development machine):

    /usr/bin/python3 engine/metrics/testdata/calibration_reference.py \
        > engine/metrics/testdata/calibration_reference.json

Platt: sklearn.calibration._sigmoid_calibration (what
CalibratedClassifierCV(method="sigmoid") fits), called on the logit of the
probabilities clipped to [1e-12, 1-1e-12], as retain feeds it.
Isotonic: IsotonicRegression(out_of_bounds="clip").
"""
import json

import numpy as np
from sklearn.calibration import _sigmoid_calibration
from sklearn.isotonic import IsotonicRegression


def logit(p):
    p = np.clip(p, 1e-12, 1 - 1e-12)
    return np.log(p / (1 - p))


def case(name, probs, labels):
    a, b = _sigmoid_calibration(logit(probs), labels)
    iso = IsotonicRegression(out_of_bounds="clip").fit(probs, labels)
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
