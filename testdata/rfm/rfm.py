"""Reference RFM segmentation with pandas, for retain's experiment.RFMScores.

Run with /usr/bin/python3 (pandas 1.5.3) from this directory:

    /usr/bin/python3 rfm.py

It reads the CDNOW master cohort at cutoff 1997-09-30 that
../orderlog_features/features.py computed with pandas from the raw log
(one row per customer, sorted by id: recency_days, frequency,
monetary_total) and writes cdnow_master.rfm.csv: customer_id, R, F, M, FM
and the segment name. The rules are written here from the doc comment of
experiment/segments.go, not from its Go code:

- each score is the quintile of x.rank(method="min"), cut at the fixed
  edges 1 + j*(n-1)/5, j = 0 ... 5, so equal values share a score;
- R is 6 minus the recency quintile (the most recent customers get 5);
- FM is (F + M)/2 rounded half up;
- the segment is the cell of the R x FM grid below.
"""
import os

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))

# GRID[R][FM], R and FM from 1 to 5.
GRID = {
    5: ["New", "Potential loyalist", "Potential loyalist", "Champions", "Champions"],
    4: ["Promising", "Potential loyalist", "Potential loyalist", "Loyal", "Loyal"],
    3: ["About to sleep", "About to sleep", "Need attention", "Loyal", "Loyal"],
    2: ["Hibernating", "Hibernating", "At risk", "At risk", "Can't lose them"],
    1: ["Lost", "Hibernating", "At risk", "At risk", "Can't lose them"],
}


def quintile(s):
    n = len(s)
    edges = [1 + j * (n - 1) / 5 for j in range(6)]
    ranks = s.rank(method="min")
    return pd.cut(ranks, edges, labels=False, include_lowest=True).astype(int) + 1


def main():
    out_dir = os.environ.get("RETAIN_REF_OUT", HERE)
    src = os.path.join(out_dir, "cdnow_master.expected.csv")
    c = pd.read_csv(src, dtype={"customer_id": str})
    out = pd.DataFrame({"customer_id": c["customer_id"]})
    out["R"] = 6 - quintile(c["recency_days"])
    out["F"] = quintile(c["frequency"])
    out["M"] = quintile(c["monetary_total"])
    out["FM"] = (out["F"] + out["M"] + 1) // 2
    out["segment"] = [GRID[r][fm - 1] for r, fm in zip(out["R"], out["FM"])]
    out.to_csv(os.path.join(out_dir, "cdnow_master.rfm.csv"), index=False)


if __name__ == "__main__":
    main()
