package experiment

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine/metrics"
)

// leakCSV has 20 users, the first 10 churn = No, the last 10 Yes. By hand,
// with p the 10 positives and n the 10 negatives (100 pairs):
//
//	leak   n 1.5..10.5, p 11.5..20.5: every pair in order, AUC 1
//	near1  as leak but the first positive 9.75, below one negative (10.5): 99/100 = 0.99
//	near2  as leak but the first positive 8.75, below two (9.5, 10.5): 98/100 = 0.98
//	rev    minus leak: AUC 0, so 1 − AUC = 1
//	blank  n 0.5..9.5, p blank: blanks a group above (or below) every value, 1
//	reason n blank, p "a" or "b": rates 0, 1, 1, AUC 1
//	plan   x on 4 n and 6 p (rate 0.6), y on 6 n and 4 p (0.4): 6·6 pairs in order,
//	       6·4 + 4·6 tied at half credit, 4·4 reversed: (36 + 24) / 100 = 0.6
//	tied   n 0, p 5 but the first positive 0: 9·10 in order + 10 ties at half: 95/100
//	copy   the label as N/Y: AUC 1, but left out with Exclude
func leakCSV() string {
	var b strings.Builder
	b.WriteString("id,leak,near1,near2,rev,blank,reason,plan,tied,copy,churn\n")
	for i := range 20 {
		pos := i >= 10
		leak := float64(i) + 1.5
		near1, near2 := leak, leak
		if i == 10 {
			near1, near2 = 9.75, 8.75
		}
		blank, reason, plan, tied, copy, churn := fmt.Sprint(float64(i)+0.5), "", "y", "0", "N", "No"
		if pos {
			blank, reason, tied, copy, churn = "", string(rune('a'+i%2)), "5", "Y", "Yes"
			if i == 10 {
				tied = "0"
			}
		}
		if (!pos && i < 4) || (pos && i < 16) {
			plan = "x"
		}
		fmt.Fprintf(&b, "u%02d,%g,%g,%g,%g,%s,%s,%s,%s,%s,%s\n", i, leak, near1, near2, -leak, blank, reason, plan, tied, copy, churn)
	}
	return b.String()
}

func TestLeakColumnAUCByHand(t *testing.T) {
	tab, err := data.ReadCSV(strings.NewReader(leakCSV()), "leak.csv", data.CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rows := leakRows(tab.Rows)
	want := map[string]float64{"leak": 1, "near1": 0.99, "near2": 0.98, "rev": 1, "blank": 1, "reason": 1, "plan": 0.6, "tied": 0.95, "copy": 1}
	var s metrics.AUCScratch
	for name, w := range want {
		c := tab.Column(name)
		if c == nil {
			t.Fatalf("no column %q", name)
		}
		got := columnAUC(&s, c, rows, tab.Label.Values, make([]float64, len(rows)))
		if d := got - w; d > 1e-12 || d < -1e-12 {
			t.Errorf("%s (%v): AUC %v, want %v", name, c.Kind, got, w)
		}
	}
}

func TestLeakWarningsOnLoad(t *testing.T) {
	src := Source{Kind: "csv", Path: "leak.csv", Exclude: []string{"copy"}}
	d, err := LoadAt(src, stringOpener(leakCSV()), time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range d.Warnings {
		if lw, ok := w.(*LeakWarning); ok {
			got = append(got, fmt.Sprintf("%s %.2f", lw.Column, lw.AUC))
		}
	}
	// id is an identifier, copy is excluded, near2, plan and tied stay below 0.99.
	if want := "leak 1.00, near1 0.99, rev 1.00, blank 1.00, reason 1.00"; strings.Join(got, ", ") != want {
		t.Errorf("leak warnings %q, want %q", strings.Join(got, ", "), want)
	}
	line := "warning: leak.csv: column \"leak\" alone separates the label (ROC AUC 1.0000 on its own): it may be the label under another name or known only after the outcome; leave it out with --exclude leak"
	if notes := d.Notes(); len(notes) == 0 || notes[0] != line {
		t.Errorf("first note %q, want %q", notes, line)
	}
}

func TestLeakWarningQuotesNames(t *testing.T) {
	w := &LeakWarning{Path: "t.csv", Column: "Churn Label", AUC: 0.99512}
	want := `t.csv: column "Churn Label" alone separates the label (ROC AUC 0.9951 on its own): it may be the label under another name or known only after the outcome; leave it out with --exclude "Churn Label"`
	if w.String() != want {
		t.Errorf("got  %s\nwant %s", w.String(), want)
	}
}

// TestLeakNeedsTenOfEachClass: nine positives are too few to tell a leak
// from chance, so a perfectly separating column is not reported.
func TestLeakNeedsTenOfEachClass(t *testing.T) {
	csv := strings.Join(strings.Split(leakCSV(), "\n")[:20], "\n") + "\n" // header + 19 rows: 9 positives
	tab, err := data.ReadCSV(strings.NewReader(csv), "leak.csv", data.CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if w := LeakWarnings("leak.csv", tab); w != nil {
		t.Errorf("warnings on 9 positives: %v", w)
	}
}

// A log whose repeat buyers before the cutoff are exactly those who buy
// again within the horizon: the history's order count alone separates the
// label, which training is warned of and scoring with a saved model is not.
func TestLeakCheckOnlyWhenTraining(t *testing.T) {
	var b strings.Builder
	b.WriteString("InvoiceNo,InvoiceDate,UnitPrice,Quantity,CustomerID\n")
	inv := 0
	order := func(c int, date string) {
		inv++
		fmt.Fprintf(&b, "%d,%s,10,1,C%02d\n", inv, date, c)
	}
	for c := range 40 {
		order(c, "2024-01-10")
		if c < 20 { // twice before the cutoff, again after it
			order(c, "2024-02-20")
			order(c, "2024-05-01")
		}
	}
	order(0, "2024-07-15") // the log covers the horizon
	src := Source{Kind: "log", Path: "orders.csv", Cutoff: time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC), HorizonDays: 90}
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	leaks := func(d *Data) (n int) {
		for _, w := range d.Warnings {
			if _, ok := w.(*LeakWarning); ok {
				n++
			}
		}
		return n
	}
	d, err := LoadAt(src, stringOpener(b.String()), now)
	if err != nil {
		t.Fatal(err)
	}
	if leaks(d) == 0 {
		t.Fatalf("training load: no leak warning in %v", d.Notes())
	}
	scoring, err := (&Bundle{Source: Source{Kind: "log", HorizonDays: 90}}).ForLog(
		Source{Kind: "log", Path: "orders.csv", Cutoff: src.Cutoff})
	if err != nil {
		t.Fatal(err)
	}
	if d, err = LoadAt(scoring, stringOpener(b.String()), now); err != nil {
		t.Fatal(err)
	}
	if n := leaks(d); n != 0 {
		t.Errorf("scoring load: %d leak warnings in %v", n, d.Notes())
	}
}
