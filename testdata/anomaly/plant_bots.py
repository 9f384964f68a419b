"""Plant coordinated click bots in Online Shoppers and measure where retain ranks them.

Review 28's planted test (finding 2), kept so that the figures in docs/anomalies.md
can be reproduced. Plant (seeded, numpy default_rng(7) as in the review):

    python3 testdata/anomaly/plant_bots.py plant N OUT.csv [SRC.csv]

writes Online Shoppers plus N bot sessions (ProductRelated 300-700 pages, every
duration 0, BounceRates 0, PageValues 0, ordinary Month/Browser/OS/Region/
VisitorType), shuffled in, with a 0/1 truth column is_bot. Then score it:

    retain anomalies --data OUT.csv --truth is_bot --evaluate --top 20000 --json --seed S > S.json

and measure:

    python3 testdata/anomaly/plant_bots.py measure S.json

prints the bots' ranks, how many are in the top 50 and the top 1 %, and the
average precision of the ranking (the mean over the bots of the share of bots
at or above each one's rank; the --evaluate figure beside it is retain's own).
"""
import json
import sys

SRC = "../shared/datasets/online_shoppers/online_shoppers_intention.csv"


def plant(n, out, src=SRC):
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(7)
    df = pd.read_csv(src)
    rows = []
    for _ in range(n):
        r = df.iloc[0].copy()
        r["Administrative"] = int(rng.integers(0, 3))
        r["Administrative_Duration"] = 0.0
        r["Informational"] = 0
        r["Informational_Duration"] = 0.0
        r["ProductRelated"] = int(rng.integers(300, 700))
        r["ProductRelated_Duration"] = 0.0
        r["BounceRates"] = 0.0
        r["ExitRates"] = round(float(rng.uniform(0.001, 0.003)), 6)
        r["PageValues"] = 0.0
        r["SpecialDay"] = 0.0
        r["Month"] = "May"
        r["OperatingSystems"] = 2
        r["Browser"] = 2
        r["Region"] = 1
        r["TrafficType"] = 2
        r["VisitorType"] = "Returning_Visitor"
        r["Weekend"] = False
        r["Revenue"] = False
        rows.append(r)
    all_rows = pd.concat([df, pd.DataFrame(rows)], ignore_index=True)
    all_rows["is_bot"] = [0] * len(df) + [1] * n
    perm = rng.permutation(len(all_rows))
    all_rows = all_rows.iloc[perm].reset_index(drop=True)
    all_rows.to_csv(out, index=False)


def measure(path):
    d = json.load(open(path))
    users = d["users"]
    rows = d["top"]
    if len(rows) != users:
        sys.exit(f"{path}: {len(rows)} rows listed of {users}; run with --top {users} or more")
    import pandas as pd

    src = d["source"]
    # Ids are 1-based data rows (Online Shoppers has no id column).
    truth = pd.read_csv(src_path or src)["is_bot"].values
    ranks = sorted(r["rank"] for r in rows if truth[int(r["id"]) - 1] == 1)
    k1 = users // 100
    hits, ap = 0, 0.0
    for i, rk in enumerate(ranks, 1):
        ap += i / rk
    ap /= len(ranks)
    print(f"bots {len(ranks)}  ranks {ranks[0]}-{ranks[-1]} (median {ranks[len(ranks)//2]})  "
          f"top50 {sum(r <= 50 for r in ranks)}  top1%({k1}) {sum(r <= k1 for r in ranks)}  AP {ap:.3f}"
          f"  (--evaluate's AP {d['evaluation']['network']['average_precision']:.3f})")
    print("ranks:", ranks)


if __name__ == "__main__":
    src_path = None
    if sys.argv[1] == "plant":
        plant(int(sys.argv[2]), sys.argv[3], *(sys.argv[4:5]))
    elif sys.argv[1] == "measure":
        src_path = sys.argv[3] if len(sys.argv) > 3 else None
        measure(sys.argv[2])
    else:
        sys.exit(__doc__)
