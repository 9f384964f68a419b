package recommend

import (
	"math"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
)

// TestBasketsWithoutInvoices: without an invoice column, a customer's lines
// of one day form one basket (an item bought twice that day counts once).
func TestBasketsWithoutInvoices(t *testing.T) {
	const text = `customer,date,sku,quantity,amount
a,2024-01-01,X,1,2.5
a,2024-01-01,Y,1,1.0
a,2024-01-01,X,2,5.0
b,2024-01-01,X,1,2.5
a,2024-01-03,Y,1,1.0
`
	l := readLog(t, text, "plain.csv", data.LogOptions{})
	if len(l.Baskets) != 3 {
		t.Fatalf("%d baskets, want 3: %+v", len(l.Baskets), l.Baskets)
	}
	// Sorted by day, then customer: a's day 1 {X,Y} (8.5), b's {X}, a's
	// day 3 {Y}.
	first := l.Baskets[0]
	if l.Customers[first.Customer] != "a" || ids(l, first.Items) != "X,Y" || math.Abs(first.Amount-8.5) > 1e-12 {
		t.Errorf("first basket %+v", first)
	}
	if got := ids(l, l.PTopFreq(0, Day(ymd(2024, 1, 4)), nil, 0)); got != "Y,X" {
		t.Errorf("P-TopFreq(a) = %s, want Y,X (Y on 2 baskets)", got)
	}
	if l.Descriptions != nil || l.ItemColumn != "sku" {
		t.Errorf("descriptions %q, item column %q", l.Descriptions, l.ItemColumn)
	}
}

// TestLastUpToToday: a basket dated after today is not the log's end for
// the default cutoffs; with every basket after today (or no today) the end
// is the last basket. In the log below, a's 2024-01-03 order has no item
// (no basket), so the last basket up to today (2024-01-04) is 2024-01-02.
func TestLastUpToToday(t *testing.T) {
	const text = `customer,date,sku,amount
a,2024-01-01,X,2.5
b,2024-01-02,Y,1.0
a,2024-01-03,,1.0
a,2104-01-01,X,2.5
`
	for _, tc := range []struct {
		today      time.Time
		want       time.Time
		evaluate30 time.Time
	}{
		{ymd(2024, 1, 4), ymd(2024, 1, 2), ymd(2023, 12, 4)},
		{time.Time{}, ymd(2104, 1, 1), ymd(2103, 12, 3)},
		{ymd(2023, 6, 1), ymd(2104, 1, 1), ymd(2103, 12, 3)},
	} {
		l := readLog(t, text, "plain.csv", data.LogOptions{Today: tc.today})
		if got := Date(l.LastUpToToday); !got.Equal(tc.want) || l.Last != Day(ymd(2104, 1, 1)) {
			t.Errorf("today %v: last up to today %v, want %v (last %v)", tc.today, got, tc.want, Date(l.Last))
		}
		if got := Date(l.LatestCutoff()); !got.Equal(tc.want.AddDate(0, 0, 1)) {
			t.Errorf("today %v: latest cutoff %v, want the day after %v", tc.today, got, tc.want)
		}
		if got := Date(l.LatestEvaluationCutoff(30)); !got.Equal(tc.evaluate30) {
			t.Errorf("today %v: latest evaluation cutoff %v, want %v", tc.today, got, tc.evaluate30)
		}
	}
}

func TestReasonString(t *testing.T) {
	for _, c := range []struct {
		r    Reason
		want string
	}{
		{Reason{Kind: ReasonRepeat, Invoices: 6, DaysAgo: 12}, "bought in 6 orders, last 12 days ago"},
		{Reason{Kind: ReasonRepeat, Invoices: 1, DaysAgo: 1}, "bought in 1 order, 1 day ago"},
		{Reason{Kind: ReasonPopular, Invoices: 120, WindowDays: 30, Trend: 0.4, HasTrend: true},
			"popular: 120 orders in the last 30 days, +40 %"},
		{Reason{Kind: ReasonPopular, Invoices: 9, WindowDays: 30, Trend: -0.125, HasTrend: true},
			"popular: 9 orders in the last 30 days, -13 %"},
		{Reason{Kind: ReasonPopular, Invoices: 1, WindowDays: 7}, "popular: 1 order in the last 7 days, new"},
	} {
		if got := c.r.String(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.r, got, c.want)
		}
	}
}
