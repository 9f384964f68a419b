"""P-TopFreq and GP-TopFreq at 10 on an Online Retail-shaped log, with pandas.

Independent of retain's code; the figures in reference_test.go and
docs/recommendation.md come from it. Usage:

    python3 ptopfreq.py FILE [CUTOFF [HORIZON_DAYS]]

FILE is online_retail.parquet (needs pyarrow) or a CSV of the same columns
(InvoiceNo, StockCode, Quantity, InvoiceDate, CustomerID). The history is the
sales before the cutoff day of the (customer, item) pairs not cancelled or
returned in full before it; the truth is each customer's items of positive net
quantity in the horizon. P-TopFreq ranks a customer's items by distinct
invoices, then the later invoice (day, then the invoice's first line in the
file), then, in the "popularity" rule, the item's distinct invoices in the
horizon days before the cutoff (TopPop's window), then the item id in text
order; the "id" rule skips popularity (SOURCE.md's table, whose ties after
"most recent first" are arbitrary). GP-TopFreq fills the list with TopPop.
"""
import sys

import numpy as np
import pandas as pd

path = sys.argv[1]
cutoff = pd.Timestamp(sys.argv[2] if len(sys.argv) > 2 else "2011-11-10")
horizon = pd.Timedelta(days=int(sys.argv[3]) if len(sys.argv) > 3 else 30)
types = {"InvoiceNo": str, "StockCode": str, "CustomerID": str}
if path.endswith(".parquet"):
    o = pd.read_parquet(path)
    o["CustomerID"] = o.CustomerID.map(lambda v: None if pd.isna(v) else str(int(v)))
else:
    o = pd.read_csv(path, dtype=types)
o = o[o.CustomerID.notna()].copy()
o["d"] = pd.to_datetime(o.InvoiceDate).dt.normalize()
o["line"] = np.arange(len(o))
cancel = o.InvoiceNo.str.startswith("C") | (o.Quantity <= 0)
h = o[~cancel & (o.d < cutoff)]
net = o[o.d < cutoff].groupby(["CustomerID", "StockCode"]).Quantity.sum()
h = h.set_index(["CustomerID", "StockCode"])
h = h[h.index.isin(net[net > 0].index)].reset_index()
w = o[(o.d >= cutoff) & (o.d < cutoff + horizon)]
wn = w.groupby(["CustomerID", "StockCode"]).Quantity.sum()
bought = wn[wn > 0].reset_index().groupby("CustomerID").StockCode.apply(set)
h = h.join(h.groupby("InvoiceNo").line.min().rename("fl"), on="InvoiceNo").sort_values(["d", "fl"])
g = h.groupby(["CustomerID", "StockCode"]).agg(
    n=("InvoiceNo", "nunique"), ld=("d", "last"), lf=("fl", "last")).reset_index()
recent = h[h.d >= cutoff - horizon]
pop = recent.groupby("StockCode").InvoiceNo.nunique().rename("pop")
g = g.join(pop, on="StockCode").fillna({"pop": 0})
toppop = pop.reset_index().sort_values(["pop", "StockCode"], ascending=[False, True]).StockCode.tolist()


def score(lists, fill):
    hit, rec, ndcg = [], [], []
    for cu, b in bought.items():
        if cu not in lists.index:
            continue
        top = lists[cu][:10]
        if fill:
            own = set(lists[cu])
            top = top + [x for x in toppop if x not in own][: 10 - len(top)]
        hits = [x in b for x in top]
        hit.append(any(hits))
        rec.append(sum(hits) / min(len(b), 10))
        dcg = sum(x / np.log2(i + 2) for i, x in enumerate(hits))
        ndcg.append(dcg / sum(1 / np.log2(i + 2) for i in range(min(len(b), 10))))
    return len(rec), np.mean(hit), np.mean(rec), np.mean(ndcg)


for rule, keys in [("id", ["n", "ld", "lf"]), ("popularity", ["n", "ld", "lf", "pop"])]:
    s = g.sort_values(["CustomerID"] + keys + ["StockCode"], ascending=[True] + [False] * len(keys) + [True])
    lists = s.groupby("CustomerID").StockCode.apply(list)
    for name, fill in [("P-TopFreq", False), ("GP-TopFreq", True)]:
        print("%s ties by %s: %d customers, hit@10 %.4f recall@10 %.4f NDCG@10 %.4f" % ((name, rule) + score(lists, fill)))
