package recscreen

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/recommend"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// retailLike is a result shaped like the Online Retail data set's: 1,200
// customers, the second of whom bought 32 items in the horizon; item
// codes of 5 or 6 characters and, once in 12,000 items, BANK CHARGES;
// descriptions of up to 35 characters; reasons of a customer's own orders
// (up to 2 digits, days ago up to 3) and popular ones.
func retailLike() *recommend.Result {
	descs := []string{"WHITE HANGING HEART T-LIGHT HOLDER", "WOODEN FRAME ANTIQUE WHITE", "POSTAGE",
		"KNITTED UNION FLAG HOT WATER BOTTLE", "HAND WARMER RED RETROSPOT", "JUMBO SHOPPER VINTAGE RED PAISLEY",
		"RED WOOLLY HOTTIE WHITE HEART.", "ROUND SNACK BOXES SET OF4 WOODLAND", "POPCORN HOLDER", "ALARM CLOCK BAKELIKE PINK"}
	ids := []string{"85123A", "82494L", "POST", "84029G", "22632", "22411", "84029E", "22326", "22197", "22728"}
	res := &recommend.Result{Evaluated: true}
	for c := range 1200 {
		cr := recommend.CustomerRecs{ID: fmt.Sprint(12580 + c), Buyer: c%2 == 1, Bought: 31 + c}
		for i := range 10 {
			it := recommend.Recommendation{ItemID: ids[(i+c)%10], Description: descs[(i+c)%10], Bought: (i+c)%3 == 0,
				Reason: recommend.Reason{Kind: recommend.ReasonRepeat, Invoices: 1 + (i*7+c)%31, DaysAgo: 1 + (i*53+c*17)%373}}
			if i >= 8 {
				it.Reason = recommend.Reason{Kind: recommend.ReasonPopular, Invoices: 100 + c*17, WindowDays: 30, HasTrend: true, Trend: 1.37}
			}
			if c == 1 && i == 4 {
				it.ItemID, it.Description = "BANK CHARGES", "Bank Charges"
			}
			cr.Items = append(cr.Items, it)
		}
		res.Customers = append(res.Customers, cr)
	}
	return res
}

// withResult is the screen after a run, showing res's customers.
func withResult(t *testing.T, c common.Common, res *recommend.Result) Model {
	t.Helper()
	s := press(ready(t, c), "space")
	if s.Result() == nil {
		t.Fatal("no result")
	}
	// The run's own cutoff, horizon and figures: only the lists differ.
	res.Cutoff, res.HorizonDays, res.Metrics, res.Check = s.res.Cutoff, s.res.HorizonDays, s.res.Metrics, s.res.Check
	s.res, s.cols, s.selected = res, s.columnWidths(res), 0
	if !s.bothFit() {
		s = press(s, "v")
	}
	return s
}

// TestGoldenRetailColumns: at 80 columns the item column was 12 wide
// for codes of 6 (one BANK CHARGES in the result set it) and the
// descriptions were cut at 18 cells while rows stayed blank below.
func TestGoldenRetailColumns(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := withResult(t, c, retailLike())
		s = press(s, "j") // the customer with BANK CHARGES
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

// TestRetailColumnsAt80: every description of the customer shows whole,
// the item column is 6 cells (the codes of all items but one), BANK
// CHARGES is whole on its row, every reason starts in one column:
// 3 (rank) + 2 (mark) + 6 + 2 + 35 (the longest description) + 2 = 50,
// and the line about the horizon is whole (it was cut at "✓ 为推荐中的").
func TestRetailColumnsAt80(t *testing.T) {
	for _, lang := range screentest.Langs {
		s := press(withResult(t, screentest.Common(lang, 80, 24), retailLike()), "j")
		view := ansi.Strip(s.View())
		c := s.res.Customers[1]
		bought := map[string]string{"en": "bought 32 items in the horizon; ✓ marks those offered",
			"zh": "观察期内买了 32 件商品；✓ 为推荐中的"}[lang]
		if !strings.Contains(view, bought) {
			t.Errorf("%s: no %q whole in\n%s", lang, bought, view)
		}
		for _, it := range c.Items {
			var row string
			for _, line := range strings.Split(view, "\n") {
				if strings.Contains(line, " "+it.ItemID+" ") {
					row = line
				}
			}
			if row == "" {
				t.Fatalf("%s: no row of %s in\n%s", lang, it.ItemID, view)
			}
			if !strings.Contains(row, " "+it.Description+" ") {
				t.Errorf("%s: the description %q is not whole: %q", lang, it.Description, row)
			}
			reason := s.ReasonShort(it.Reason)
			if at := strings.Index(row, reason); at < 0 || ansi.StringWidth(row[:at]) != 50 {
				t.Errorf("%s: reason %q not at cell 50: %q", lang, reason, row)
			}
			if it.ItemID != "BANK CHARGES" {
				if at := strings.Index(row, it.Description); ansi.StringWidth(row[:at]) != 13 {
					t.Errorf("%s: description at cell %d, want 13 (an item column of 6): %q", lang, ansi.StringWidth(row[:at]), row)
				}
			}
		}
	}
}

// TestMeasuredLineWhole: with the Online Retail log's figures (1,376
// customers bought in the horizon, a catalogue of 3,628 items) the line
// over the metrics was cut at 80 columns ("catalogue 3,628…"). It wraps
// between its parts instead, in both languages, every figure whole.
func TestMeasuredLineWhole(t *testing.T) {
	want := map[string][]string{
		"en": {"Measured at 2024-05-30, next 30 days · 1,376 customers bought", "catalogue 3,628 items"},
		"zh": {"在 2024-05-30 评估，之后 30 天 · 1,376 位客户购买 · 商品目录 3,628 件"},
	}
	for _, lang := range screentest.Langs {
		s := press(ready(t, screentest.Common(lang, 80, 24)), "space")
		if s.Result() == nil {
			t.Fatal("no result")
		}
		res := *s.res
		res.Metrics = slices.Clone(res.Metrics)
		res.Metrics[0].Customers, res.Metrics[0].Catalogue = 1376, 3628
		s.res = &res
		var got []string
		for _, l := range s.metricLines(80)[:len(want[lang])] {
			got = append(got, strings.TrimRight(ansi.Strip(l), " "))
		}
		if !slices.Equal(got, want[lang]) {
			t.Errorf("%s: the metrics open with\n%q\nwant\n%q", lang, got, want[lang])
		}
	}
}
