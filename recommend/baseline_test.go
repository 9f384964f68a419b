package recommend

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
)

// smallLog is worked by hand below. Before the cutoff 2011-01-11:
// c1 buys {A,B} (inv 1), {A} (inv 2), {B,C} (inv 3) and cancels A (C4);
// c2 buys D on two lines of one invoice (5) and F at quantity 0 (8, no
// item); c3 buys {D,E} (6); a line without customer (7) is left out.
// From the cutoff on: c1 buys {A,D}, c2 {E}, and c4, new, buys A.
const smallLog = `Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID
1,A,Apple,1,2011-01-01 09:00:00,1,c1
1,B,Banana,2,2011-01-01 09:00:00,1,c1
2,A,Apple,1,2011-01-05 10:00:00,1,c1
3,C,Cherry,1,2011-01-08 10:00:00,1,c1
3,B,Banana,1,2011-01-08 10:00:00,1,c1
C4,A,Apple,-1,2011-01-09 10:00:00,1,c1
5,D,Dates,3,2011-01-09 10:00:00,1,c2
5,D,Dates,1,2011-01-09 10:00:00,1,c2
6,D,Dates,1,2011-01-10 10:00:00,1,c3
6,E,Elder,1,2011-01-10 10:00:00,1,c3
7,E,Elder,1,2011-01-10 11:00:00,1,
8,F,Fig,0,2011-01-10 12:00:00,1,c2
9,A,Apple,1,2011-01-12 10:00:00,1,c1
9,D,Dates,1,2011-01-12 10:00:00,1,c1
10,E,Elder,1,2011-01-15 10:00:00,1,c2
11,A,Apple,1,2011-01-15 10:00:00,1,c4
`

func ymd(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func readLog(t *testing.T, text, name string, opts data.LogOptions) *Log {
	t.Helper()
	ol, err := data.ReadOrderLog(strings.NewReader(text), name, opts)
	if err != nil {
		t.Fatal(err)
	}
	l, err := FromOrderLog(ol)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// ids turns item indices into item ids.
func ids(l *Log, items []int32) string {
	var s []string
	for _, it := range items {
		s = append(s, l.Items[it])
	}
	return strings.Join(s, ",")
}

func TestBaselinesByHand(t *testing.T) {
	l := readLog(t, smallLog, "small.csv", data.LogOptions{Descriptions: true})
	cutoff := Day(ymd(2011, 1, 11))
	// Invoices holding each item in the 10 days before the cutoff:
	// A 2, B 2, D 2, C 1, E 1; ties in id order.
	if got := ids(l, l.TopPop(cutoff, 10, 0)); got != "A,B,D,C,E" {
		t.Errorf("TopPop = %s, want A,B,D,C,E", got)
	}
	// The 2 days before the cutoff (01-09, 01-10) hold invoices 5 and 6
	// only: D 2, E 1.
	if got := ids(l, l.TopPop(cutoff, 2, 0)); got != "D,E" {
		t.Errorf("TopPop over 2 days = %s, want D,E", got)
	}
	c := func(id string) int32 { return int32(slices.Index(l.Customers, id)) }
	// Baskets in TopPop's 10 days, for P-TopFreq's last ties.
	counts := l.Popularity(cutoff-10, cutoff)
	for _, w := range []struct{ customer, own, both string }{
		// A and B on 2 invoices each, B more recently (inv 3); then C.
		{"c1", "B,A,C", "B,A,C,D,E"},
		// The duplicate line of invoice 5 counts once; F sold nothing.
		{"c2", "D", "D,A,B,C,E"},
		// D and E tie on the same invoice: D is on more invoices in
		// the 10 days (2 against 1).
		{"c3", "D,E", "D,E,A,B,C"},
	} {
		own := l.PTopFreq(c(w.customer), cutoff, counts, 0)
		if got := ids(l, own); got != w.own {
			t.Errorf("P-TopFreq(%s) = %s, want %s", w.customer, got, w.own)
		}
		if got := ids(l, GPTopFreq(own, l.TopPop(cutoff, 10, 0), 5)); got != w.both {
			t.Errorf("GP-TopFreq(%s) = %s, want %s", w.customer, got, w.both)
		}
	}
	if got := ids(l, l.PTopFreq(c("c1"), cutoff, counts, 2)); got != "B,A" {
		t.Errorf("P-TopFreq(c1) cut at 2 = %s, want B,A", got)
	}
	if l.Description(int32(slices.Index(l.Items, "B"))) != "Banana" {
		t.Errorf("descriptions %q", l.Descriptions)
	}

	// c4 has no history and is not evaluated; the catalogue is the 5 items
	// bought before the cutoff (F sold nothing).
	truth := l.TruthAt(cutoff, 10)
	if len(truth.Customers) != 2 || l.Customers[truth.Customers[0]] != "c1" || l.Customers[truth.Customers[1]] != "c2" ||
		truth.Catalogue != 5 {
		t.Fatalf("truth: customers %v, catalogue %d", truth.Customers, truth.Catalogue)
	}
	names, lists := l.BaselineLists(truth.Customers, cutoff, 10, 20)
	if names[2] != GPTopFreqName {
		t.Fatalf("baselines %v", names)
	}
	// GP-TopFreq @5: c1 (bought A, D) hits at ranks 2 and 4: recall 1,
	// NDCG (1/log2 3 + 1/log2 5)/(1 + 1/log2 3) = 0.6509209; c2 (bought E)
	// hits at rank 5: recall 1, NDCG 1/log2 6 = 0.3868528. Mean NDCG
	// 0.5188869; the top 5s cover all 5 items.
	m := Measure(names[2], lists[2], truth.Bought, truth.Catalogue).AtK(5)
	if !near(m.Hit, 1) || !near(m.Recall, 1) || !near(m.NDCG, 0.5188868685208371) || !near(m.Coverage, 1) {
		t.Errorf("GP-TopFreq @5 = %+v", m)
	}
	// P-TopFreq @5: c1 hits A at rank 2 (recall 1/2, NDCG
	// (1/log2 3)/(1 + 1/log2 3) = 0.3868528); c2's list is D only.
	m = Measure(names[1], lists[1], truth.Bought, truth.Catalogue).AtK(5)
	if !near(m.Hit, 0.5) || !near(m.Recall, 0.25) || !near(m.NDCG, 0.3868528072345416/2) || !near(m.Coverage, 0.8) {
		t.Errorf("P-TopFreq @5 = %+v", m)
	}
}

func TestNoItemColumn(t *testing.T) {
	// CDNOW's layout: customer, date, CDs, dollars, no header.
	const cdnow = "00001 19970101 1 11.77\n00002 19970112 1 12.00\n"
	ol, err := data.ReadOrderLog(strings.NewReader(cdnow), "cdnow/CDNOW_master.txt", data.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = FromOrderLog(ol)
	want := "cdnow/CDNOW_master.txt has no item column (columns: 1, 2, 3, 4); recommendation needs one — name it with --item-column"
	if !errors.Is(err, ErrNoItems) || err.Error() != want {
		t.Errorf("err = %v, want %q (ErrNoItems)", err, want)
	}
}

// tieLog is worked by hand in TestPTopFreqTiesByPopularity. Cutoff
// 2011-02-01; TopPop's window of 10 days is 2011-01-22 .. 01-31.
const tieLog = `Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID
1,A,A,1,2011-01-02 09:00:00,1,c1
2,A,A,1,2011-01-05 09:00:00,1,c1
2,B,B,1,2011-01-05 09:00:00,1,c1
2,C,C,1,2011-01-05 09:00:00,1,c1
2,F,F,1,2011-01-05 09:00:00,1,c1
3,D,D,1,2011-01-25 09:00:00,1,c1
3,E,E,1,2011-01-25 09:00:00,1,c1
4,B,B,1,2011-01-10 09:00:00,1,c2
5,B,B,1,2011-01-11 09:00:00,1,c3
6,C,C,1,2011-01-23 09:00:00,1,c2
6,E,E,1,2011-01-23 09:00:00,1,c2
7,C,C,1,2011-01-24 09:00:00,1,c3
7,F,F,1,2011-01-24 09:00:00,1,c3
`

// TestPTopFreqTiesByPopularity: P-TopFreq's ties left after the count and
// the latest basket go to the item on more baskets in TopPop's window, not
// to the item id. By hand, c1 has A on 2 baskets (1, 2), then D and E on
// its latest basket (3), then B, C and F on basket 2. In the 10 days
// before the cutoff the baskets are 3 {D,E}, 6 {C,E} and 7 {C,F}: C 2,
// E 2, D 1, F 1, B 0 (B's 3 baskets, 2, 4 and 5, are all earlier, so over
// the whole history B would tie C). So: A; E (2) before D (1); C (2), F
// (1), B (0): A,E,D,C,F,B. The id order (SOURCE.md's rule, pop nil) gives
// A,D,E,B,C,F. The network's candidates and GP-TopFreq follow P-TopFreq.
func TestPTopFreqTiesByPopularity(t *testing.T) {
	l := readLog(t, tieLog, "ties.csv", data.LogOptions{})
	cutoff := Day(ymd(2011, 2, 1))
	c1 := int32(slices.Index(l.Customers, "c1"))
	const want = "A,E,D,C,F,B"
	if got := ids(l, l.PTopFreq(c1, cutoff, l.Popularity(cutoff-10, cutoff), 0)); got != want {
		t.Errorf("P-TopFreq(c1) = %s, want %s", got, want)
	}
	if got := ids(l, l.PTopFreq(c1, cutoff, nil, 0)); got != "A,D,E,B,C,F" {
		t.Errorf("P-TopFreq(c1) without popularity = %s, want A,D,E,B,C,F", got)
	}
	names, lists := l.BaselineLists([]int32{c1}, cutoff, 10, 10)
	for i, name := range names {
		if name != TopPopName {
			if got := ids(l, lists[i][0]); got != want {
				t.Errorf("%s(c1) = %s, want %s", name, got, want)
			}
		}
	}
	var items []int32
	for _, p := range l.snapshotAt(cutoff, 10).candidates(c1, 150, 0, nil) {
		items = append(items, p.item)
	}
	if got := ids(l, items); got != want {
		t.Errorf("the network's candidates for c1 = %s, want %s", got, want)
	}
}
