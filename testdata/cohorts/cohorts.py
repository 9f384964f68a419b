"""Reference retention triangles for `retain cohorts`, computed with pandas.

Run from the module root with the system Python (pandas 1.5.3):

    /usr/bin/python3 testdata/cohorts/cohorts.py [--retail /tmp/online_retail.csv]

It writes, for CDNOW master by month and by ISO week, and for Online Retail by
month when its CSV dump is given (see data/internal/parquetdump):

  <name>_<period>.csv          one row per cell with at least one order:
                               cohort, period, cohort_size, customers, orders, revenue
  <name>_<period>_average.csv  the customer-weighted average curve:
                               period, active, base, share, cohorts
  <name>_<period>_first.csv    the first cohort against the later ones: the
                               average curve without the first cohort
                               (period, active, base, share, cohorts), then
                               one row "check" with the periods compared,
                               the first cohort's active customers summed over
                               them (observed) and what they would be at the
                               later cohorts' shares (expected), and the ratio

Rules, the same as retain's order-log loader:
- CDNOW: whitespace columns customer id, date YYYYMMDD, quantity, amount; every
  line is one order; lines with a negative quantity or amount are dropped.
- Online Retail: blank CustomerID dropped; invoices "C" + digit and lines with a
  negative quantity or amount dropped; amount = Quantity x UnitPrice; an order is
  (customer, invoice), dated by its earliest line, its amounts summed.
- Revenue is net of cancellations: each cancelled line of a customer (a "C"
  invoice, a negative quantity or amount) takes back |Quantity x UnitPrice| from
  the customer's cohort in the period the line is dated in; a cancellation dated
  before the customer's first order or after the log's last order has no cell
  and is left out. A cell with such refunds and no order is listed with 0
  customers and 0 orders.
- Cohort = calendar month (or Monday-starting week) of the customer's first
  order; period k = periods since then; a customer is active in a cell when they
  have at least one order in it.
- The average curve sums the active customers and the cohort sizes over the
  cohorts whose cell for that period is fully observed (the log's last period is
  partial unless the log ends on its last day) and divides.
- The first-cohort check: for each period k >= 1 that the first cohort has
  fully observed and some later cohort too, observed adds the first cohort's
  active customers and expected its size times the later cohorts' average share
  at k (the average without the first cohort).
"""
import argparse
import os

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
CDNOW = os.path.join("..", "shared", "datasets", "cdnow", "CDNOW_master.txt")


def period_index(dates, period):
    """Number the period of each date: months since year 0, or weeks."""
    if period == "month":
        return dates.dt.year * 12 + dates.dt.month - 1
    monday = dates - pd.to_timedelta(dates.dt.weekday, unit="D")
    return (monday - pd.Timestamp("1969-12-29")).dt.days // 7


def label(index, period):
    if period == "month":
        return "%04d-%02d" % (index // 12, index % 12 + 1)
    return (pd.Timestamp("1969-12-29") + pd.Timedelta(days=7 * int(index))).strftime("%Y-%m-%d")


def triangle(orders, period, refunds=None):
    """orders: customer, day (datetime64, midnight), amount; one row per order.
    refunds: customer, day, refund; one row per cancelled line (or None)."""
    o = orders.copy()
    o["p"] = period_index(o["day"], period)
    o["cohort"] = o.groupby("customer")["p"].transform("min")
    o["period"] = o["p"] - o["cohort"]
    sizes = o.groupby("cohort")["customer"].nunique().rename("cohort_size")
    cells = o.groupby(["cohort", "period"]).agg(
        customers=("customer", "nunique"), orders=("customer", "size"), revenue=("amount", "sum"))
    last = o["day"].max()
    if refunds is not None:
        first = o.groupby("customer").agg(first=("day", "min"), cohort=("cohort", "first"))
        r = refunds.join(first, on="customer", how="inner")
        r = r[(r["day"] >= r["first"]) & (r["day"] <= last)].copy()
        r["period"] = period_index(r["day"], period) - r["cohort"]
        taken = r.groupby(["cohort", "period"])["refund"].sum()
        cells = cells.join(taken, how="outer")
        cells[["customers", "orders"]] = cells[["customers", "orders"]].fillna(0).astype(int)
        cells["revenue"] = cells["revenue"].fillna(0.0) - cells["refund"].fillna(0.0)
        cells = cells.drop(columns="refund")
    cells = cells.join(sizes, on="cohort").reset_index()
    last_p = period_index(pd.Series([last]), period)[0]
    next_p = period_index(pd.Series([last + pd.Timedelta(days=1)]), period)[0]
    end_partial = next_p == last_p
    # The average: every cohort's cells 0 .. last_p - cohort, zeros included.
    rows, row_cohorts = [], []
    for cohort, size in sizes.items():
        got = cells[cells["cohort"] == cohort].set_index("period")["customers"]
        for k in range(int(last_p - cohort) + 1):
            if end_partial and cohort + k == last_p:
                continue
            rows.append((k, int(got.get(k, 0)), int(size)))
            row_cohorts.append(int(cohort))
    avg = pd.DataFrame(rows, columns=["period", "active", "base"]).groupby("period").agg(
        active=("active", "sum"), base=("base", "sum"), cohorts=("base", "size")).reset_index()
    avg["share"] = avg["active"] / avg["base"]
    first = int(sizes.index.min())
    later = pd.DataFrame([r for r, c in zip(rows, row_cohorts) if c != first],
                         columns=["period", "active", "base"]).groupby("period").agg(
        active=("active", "sum"), base=("base", "sum"), cohorts=("base", "size")).reset_index()
    later["share"] = later["active"] / later["base"]
    later = later[["period", "active", "base", "share", "cohorts"]]
    observed, expected, compared = 0, 0.0, 0
    for k, active, base in [r for r, c in zip(rows, row_cohorts) if c == first]:
        hit = later[later["period"] == k]
        if k == 0 or hit.empty:
            continue
        compared += 1
        observed += active
        expected += base * float(hit["share"].iloc[0])
    check = (compared, observed, expected, observed / expected if expected else 0.0)
    cells["cohort"] = [label(c, period) for c in cells["cohort"]]
    cells = cells[["cohort", "period", "cohort_size", "customers", "orders", "revenue"]]
    return cells, avg[["period", "active", "base", "share", "cohorts"]], later, check


def cdnow_orders():
    df = pd.read_csv(CDNOW, sep=r"\s+", header=0, names=["customer", "date", "quantity", "amount"],
                     dtype={"customer": str, "date": str})
    df = df[(df["quantity"] >= 0) & (df["amount"] >= 0)]
    df["day"] = pd.to_datetime(df["date"], format="%Y%m%d")
    return df[["customer", "day", "amount"]]


def retail_orders(path):
    df = pd.read_csv(path, dtype={"InvoiceNo": str, "CustomerID": str, "InvoiceDate": str},
                     keep_default_na=False)
    df["CustomerID"] = df["CustomerID"].str.strip()
    df = df[~df["CustomerID"].isin(["", "NA", "NaN", "nan", "null", "NULL"])]
    df["amount"] = df["Quantity"].astype(float) * df["UnitPrice"].astype(float)
    df["day"] = pd.to_datetime(df["InvoiceDate"].str[:10], format="%Y-%m-%d")
    cancelled = df["InvoiceNo"].str.match(r"^[Cc][0-9]") | (df["Quantity"] < 0) | (df["amount"] < 0)
    refunds = df[cancelled].assign(refund=df["amount"].abs()).rename(columns={"CustomerID": "customer"})
    df = df[~cancelled]
    orders = df.groupby(["CustomerID", "InvoiceNo"]).agg(day=("day", "min"), amount=("amount", "sum")).reset_index()
    return (orders.rename(columns={"CustomerID": "customer"})[["customer", "day", "amount"]],
            refunds[["customer", "day", "refund"]])


def write(name, period, orders, refunds=None):
    cells, avg, later, check = triangle(orders, period, refunds)
    cells.to_csv(os.path.join(HERE, "%s_%s.csv" % (name, period)), index=False, float_format="%.8f")
    avg.to_csv(os.path.join(HERE, "%s_%s_average.csv" % (name, period)), index=False, float_format="%.12f")
    with open(os.path.join(HERE, "%s_%s_first.csv" % (name, period)), "w") as f:
        later.to_csv(f, index=False, float_format="%.12f")
        f.write("check,%d,%d,%.9f,%.12f\n" % check)
    print("%s by %s: %d cohorts, %d cells with orders, %d customers, %d orders" % (
        name, period, cells["cohort"].nunique(), len(cells), orders["customer"].nunique(), len(orders)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--retail", help="Online Retail as CSV (the Parquet file dumped by data/internal/parquetdump)")
    args = ap.parse_args()
    cd = cdnow_orders()
    write("cdnow", "month", cd)
    write("cdnow", "week", cd)
    if args.retail:
        rt, refunds = retail_orders(args.retail)
        write("online_retail", "month", rt, refunds)
        write("online_retail", "week", rt, refunds)


if __name__ == "__main__":
    main()
