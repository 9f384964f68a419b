"""Reference computation of retain's order-log cohort features with pandas.

Run with /usr/bin/python3 (pandas 1.5.3) from this directory:

    /usr/bin/python3 features.py

It writes, for each log below, <name>.expected.csv: one row per customer in
the cohort (ordered on or before the cutoff), sorted by id, with every
cohort feature and the label, numbers rounded to 1e-9. The definitions are
written here from the feature list in retain's data.CohortOptions doc, not
from its Go code:

- an order is the kept lines sharing (customer, order id), or one line when
  the log has no order ids; its day is its earliest line's date;
- a line is cancelled when its quantity or amount is negative or its order
  id is "C" and a digit; a kept line without a customer id is left out;
- cancelled orders are the cancelled lines with a customer id grouped the
  same way, counted only for customers who have a kept order;
- ages are whole days from the order's date to the cutoff date;
- money is net of cancellations (feature set 3): a cancelled order's refund
  is the sum of |amount| of its lines; those dated on or before the cutoff
  and on or after the customer's first kept order are taken from
  monetary_total (hence monetary_avg) and from the spend_trend window they
  fall in, each floored at 0; a net not above a billionth of the gross is 0
  (the rounding residue of a sale cancelled in full).

Online Retail (Parquet) is read from a CSV dump when it exists at
/tmp/online_retail.csv (see /work/notes/parquetdump.md); without it that
log is skipped and its committed expected output is left as it is.
"""
import os
import sys

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
MISSING = {"", "na", "n/a", "nan", "null", "none"}


def is_missing(s):
    return s.str.strip().str.lower().isin(MISSING) | s.isna()


def cohort(lines, cutoff, horizon, has_amount, has_qty, has_items, has_order):
    """lines: DataFrame with cust, order, item, qty, amount (str/float), day."""
    lines = lines.copy()
    lines["cust"] = lines["cust"].fillna("").astype(str).str.strip()
    if has_order:
        lines["order"] = lines["order"].fillna("").astype(str).str.strip()
    else:
        lines["order"] = ""
    # Blank order ids: each line its own order.
    blank = lines["order"] == ""
    lines.loc[blank, "order"] = "#blank-order-line-" + lines.index[blank].astype(str)
    cancelled = (lines["qty"] < 0) | (lines["amount"] < 0) | lines["order"].str.match(r"^[Cc][0-9]")
    n_cancelled = int(cancelled.sum())
    cust_missing = is_missing(lines["cust"])
    kept = lines[~cancelled & ~cust_missing]
    canc = lines[cancelled & ~cust_missing]

    orders = kept.groupby(["cust", "order"], sort=False).agg(
        day=("day", "min"), amount=("amount", "sum"), qty=("qty", "sum")).reset_index()
    canc = canc.assign(refund=canc["amount"].abs())
    corders = canc.groupby(["cust", "order"], sort=False).agg(
        day=("day", "min"), refund=("refund", "sum")).reset_index()
    corders = corders[corders["cust"].isin(set(orders["cust"]))]

    cut = pd.Timestamp(cutoff)
    orders["age"] = (cut - orders["day"]).dt.days
    hist = orders[orders["age"] >= 0]
    future = orders[(orders["age"] < 0) & (orders["age"] >= -horizon)]

    g = hist.groupby("cust")
    out = pd.DataFrame(index=sorted(g.groups.keys()))
    # Refunds counted: dated up to the cutoff, not before the first order.
    cref = corders.merge(g["day"].min().rename("first").reset_index(), on="cust")
    cref["age"] = (cut - cref["day"]).dt.days
    cref = cref[(cref["age"] >= 0) & (cref["day"] >= cref["first"])]

    def refunds(lo, hi):
        r = cref[(cref["age"] >= lo) & (cref["age"] < hi)]
        return r.groupby("cust")["refund"].sum().reindex(out.index, fill_value=0.0)

    def net(gross, refunds):
        n = gross - refunds
        return n.where(n > 1e-9 * gross, 0.0)
    out.index.name = "customer_id"
    out["recency_days"] = g["age"].min()
    out["frequency"] = g.size()
    if has_amount:
        out["monetary_total"] = net(g["amount"].sum(), refunds(0, 10**9))
        out["monetary_avg"] = out["monetary_total"] / out["frequency"]
    out["tenure_days"] = g["age"].max()
    out["orders_30d"] = hist[hist["age"] < 30].groupby("cust").size().reindex(out.index, fill_value=0)
    out["orders_90d"] = hist[hist["age"] < 90].groupby("cust").size().reindex(out.index, fill_value=0)

    def intervals(ages):
        d = np.sort(-ages.to_numpy())
        if len(d) < 2:
            return pd.Series({"m": float(ages.iloc[0]), "s": 0.0})
        gaps = np.diff(d).astype(float)
        return pd.Series({"m": gaps.mean(), "s": gaps.std(ddof=0)})

    iv = g["age"].apply(intervals).unstack()
    out["interval_mean_days"] = iv["m"]
    out["interval_std_days"] = iv["s"]

    if has_items:
        il = kept[~is_missing(kept["item"].fillna("").astype(str))].copy()
        il["item"] = il["item"].astype(str).str.strip()
        il = il.merge(orders[["cust", "order", "age"]], on=["cust", "order"])
        il = il[il["age"] >= 0]
        out["distinct_items"] = il.groupby("cust")["item"].nunique().reindex(out.index, fill_value=0)
    if has_qty:
        out["basket_size_avg"] = g["qty"].sum() / out["frequency"]
    elif has_items:
        lines_per = il.drop_duplicates(["cust", "order", "item"]).groupby("cust").size()
        out["basket_size_avg"] = lines_per.reindex(out.index, fill_value=0) / out["frequency"]
    if n_cancelled > 0:
        corders["age"] = (cut - corders["day"]).dt.days
        nc = corders[corders["age"] >= 0].groupby("cust").size().reindex(out.index, fill_value=0)
        out["cancel_share"] = nc / (out["frequency"] + nc)
    if has_amount:
        a = hist[hist["age"] < 30].groupby("cust")["amount"].sum().reindex(out.index, fill_value=0.0)
        b = hist[(hist["age"] >= 30) & (hist["age"] < 60)].groupby("cust")["amount"].sum().reindex(out.index, fill_value=0.0)
        a = net(a, refunds(0, 30))
        b = net(b, refunds(30, 60))
        tot = a + b
        out["spend_trend"] = np.where(tot > 0, (a - b) / tot.where(tot > 0, 1), 0.0)
    label = f"orders_again_{horizon}d"
    out[label] = out.index.isin(set(future["cust"])).astype(int)
    return out


def write(out, name):
    # Small fixtures are committed beside the script; the large ones are
    # written where RETAIN_REF_OUT says (the Go tests pass a temporary dir).
    path = os.path.join(os.environ.get("RETAIN_REF_OUT", HERE), name + ".expected.csv")
    out.round(9).to_csv(path, float_format="%.9f")
    print(f"{name}: {len(out)} customers, {int(out.iloc[:, -1].sum())} positive -> {path}", file=sys.stderr)


def small():
    raw = pd.read_csv(os.path.join(HERE, "small_log.csv"), dtype=str, keep_default_na=False)
    lines = pd.DataFrame({
        "cust": raw["CustomerID"], "order": raw["InvoiceNo"], "item": raw["StockCode"],
        "qty": raw["Quantity"].astype(float),
        "day": pd.to_datetime(raw["InvoiceDate"].str[:10]),
    })
    lines["amount"] = raw["UnitPrice"].astype(float) * lines["qty"]
    write(cohort(lines, "2011-03-31", 30, True, True, True, True), "small_log")


def cdnow():
    path = os.path.join(HERE, "..", "..", "..", "shared", "datasets", "cdnow", "CDNOW_master.txt")
    raw = pd.read_csv(path, sep=r"\s+", header=None, dtype=str, skiprows=1,
                      names=["cust", "date", "qty", "amount"])
    lines = pd.DataFrame({
        "cust": raw["cust"], "order": "", "item": "", "qty": raw["qty"].astype(float),
        "amount": raw["amount"].astype(float), "day": pd.to_datetime(raw["date"], format="%Y%m%d"),
    })
    write(cohort(lines, "1997-09-30", 90, True, True, False, False), "cdnow_master")


def online_retail():
    path = os.environ.get("RETAIN_OR_CSV", "/tmp/online_retail.csv")
    if not os.path.exists(path):
        print(f"online_retail: {path} not found, skipped", file=sys.stderr)
        return
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    lines = pd.DataFrame({
        "cust": raw["CustomerID"], "order": raw["InvoiceNo"], "item": raw["StockCode"],
        "qty": raw["Quantity"].astype(float),
        "day": pd.to_datetime(raw["InvoiceDate"].str[:10]),
    })
    lines["amount"] = raw["UnitPrice"].astype(float) * lines["qty"]
    write(cohort(lines, "2011-09-09", 90, True, True, True, True), "online_retail")


if __name__ == "__main__":
    small()
    cdnow()
    online_retail()
