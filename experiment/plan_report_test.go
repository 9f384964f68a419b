package experiment

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/engine/metrics"
)

func TestHeadline(t *testing.T) {
	best := PlanPoint{Contacted: 412, Share: 412.0 / 5150, Outcomes: 61.3, Net: 3449.6}
	for _, c := range []struct {
		prevent, perCustomer bool
		want                 string
	}{
		{true, false, "Contact the 412 customers at highest risk (8 %): about 61 kept, net value 3,450 under your assumptions."},
		// An encouraging plan contacts those a contact can convert, not
		// the customers who would convert anyway (review 14, H1).
		{false, false, "Contact the 412 customers least likely to convert without a contact (8 %): about 61 converted, net value 3,450 under your assumptions; customers who would convert anyway are not counted as converted."},
		{true, true, "Contact the 412 customers with the most value at stake (8 %): about 61 kept, net value 3,450 under your assumptions."},
		{false, true, "Contact the 412 customers with the most value a contact can win (8 %): about 61 converted, net value 3,450 under your assumptions; customers who would convert anyway are not counted as converted."},
	} {
		if got := Headline(best, c.prevent, c.perCustomer); got != c.want {
			t.Errorf("got  %q\nwant %q", got, c.want)
		}
	}
	// A best plan expected to change 0.18 customers is no campaign,
	// whatever its net value (review 14, M3); 1.0 customer is one.
	one := PlanPoint{Contacted: 1, Share: 0.004, Outcomes: 0.18, Net: 8}
	if got := Headline(one, true, false); got != "No campaign pays under your assumptions: the best contacts 1 customer (0.4 %) for about 0.2 kept, less than one customer, and a net value of 8.00." {
		t.Errorf("got %q", got)
	}
	whole := PlanPoint{Contacted: 10, Share: 0.04, Outcomes: 1, Net: 8}
	if got := Headline(whole, true, false); got != "Contact the 10 customers at highest risk (4 %): about 1.0 kept, net value 8.00 under your assumptions." {
		t.Errorf("got %q", got)
	}
	if got := Headline(PlanPoint{}, true, false); got[:40] != "No contact pays for itself under your as" {
		t.Errorf("got %q", got)
	}
}

func TestPlanNumberFormats(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Percent(0.08), "8 %"}, {Percent(0.004), "0.4 %"}, {Percent(0.35), "35 %"}, {Percent(1), "100 %"},
		{Percent(2.0 / 23570), "< 0.1 %"}, {Percent(0), "0 %"}, {Percent(0.0008), "0.1 %"},
		// Below 100 % is never written 100 %: 4,335 of 4,339 customers are
		// 99.908 %, 23,458 of 23,570 are 99.525 %, 23,569 of 23,570 are
		// 99.9958 % (one decimal would round it up to 100.0).
		{Percent(4335.0 / 4339), "99.9 %"}, {Percent(23458.0 / 23570), "99.5 %"}, {Percent(23569.0 / 23570), "> 99.9 %"},
		{Percent(0.994), "99 %"}, {Percent(0.99952), "> 99.9 %"}, {Percent(0.0004), "< 0.1 %"},
		{Count(61.3), "61"}, {Count(1234.5), "1,235"}, {Count(3.44), "3.4"},
		{Money(3449.6), "3,450"}, {Money(-1200), "-1,200"}, {Money(12.5), "12.50"}, {Money(-0.001), "0.00"},
		// A budget of 1e19 wrote a negative amount (int overflow).
		{Money(1e19), "1e+19"}, {Money(-2.5e300), "-2.5e+300"}, {Count(1.23456e20), "1.235e+20"},
		{Money(999_999_999_999_999), "999,999,999,999,999"}, {Money(1e15), "1e+15"}, {Money(123_456_789_012), "123,456,789,012"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// PercentLabels tells rows apart. 1,226 and 1,230 of 4,086 are 30.005 %
// and 30.103 %: "30.0 %" and "30.1 %", and the row of 20 % (818, 20.02 %)
// takes their decimal too (review 12, finding 13: "5.1 %" above "10 %").
// 99.91 % and 99.93 % need two decimals. Equal shares keep one label; a
// column of whole shares stays whole.
func TestPercentLabels(t *testing.T) {
	for _, c := range []struct {
		shares []float64
		want   []string
	}{
		{[]float64{1230.0 / 4086, 818.0 / 4086, 1226.0 / 4086}, []string{"30.1 %", "20.0 %", "30.0 %"}},
		{[]float64{0.9991, 0.9993, 1}, []string{"99.91 %", "99.93 %", "100.00 %"}},
		{[]float64{4335.0 / 4339, 1, 0.3, 0.3}, []string{"99.9 %", "100.0 %", "30.0 %", "30.0 %"}},
		{[]float64{0.051, 0.1, 0.2}, []string{"5.1 %", "10.0 %", "20.0 %"}},
		{[]float64{0.05, 0.1, 1}, []string{"5 %", "10 %", "100 %"}},
		{[]float64{0.300001, 0.3}, []string{"30.0001 %", "30.0000 %"}},
		{[]float64{0.3000001, 0.3}, []string{"30.0000 %", "30.0000 %"}},
	} {
		if got := PercentLabels(c.shares); !slices.Equal(got, c.want) {
			t.Errorf("%v: %q, want %q", c.shares, got, c.want)
		}
	}
}

// Wilson, 81 hits in 100: p = 0.81, z = 1.96: centre (0.81 + z²/200)/(1 +
// z²/100) = 0.79853, half-width z/(1 + z²/100)·√(0.81·0.19/100 +
// z²/40000) = 0.07632: 0.72221 … 0.87485. Hanley–McNeil, AUC 0.8 with 50
// positives and 150 negatives: Q1 = 0.8/1.2, Q2 = 1.28/1.8, SE² = (0.16 +
// 49(Q1 − 0.64) + 149(Q2 − 0.64))/7500, SE = 0.040104: 0.72140 … 0.87860.
func TestValidationFiguresHandCalculation(t *testing.T) {
	r := &metrics.Report{ROCAUC: 0.8, Positives: 50, Negatives: 150,
		Confusion: metrics.Confusion{TP: 40, FN: 10, FP: 9, TN: 141}}
	figs := ValidationFigures(r)
	if len(figs) != 4 {
		t.Fatalf("%d figures", len(figs))
	}
	auc := figs[0]
	if auc.Name != "ROC AUC" || math.Abs(auc.Low-0.7213984) > 1e-6 || math.Abs(auc.High-0.8786016) > 1e-6 || auc.Of != 200 ||
		auc.Method != "Hanley-McNeil" {
		t.Errorf("AUC %+v", auc)
	}
	// A model file that records DeLong's interval (train's, in the text
	// and the file) gets that one, so plan and train agree.
	r.ROCAUCCI = &metrics.Interval{Low: 0.75, High: 0.85, Level: 0.95, Method: "DeLong"}
	if auc := ValidationFigures(r)[0]; auc.Low != 0.75 || auc.High != 0.85 || auc.Method != "DeLong" || auc.Value != 0.8 || auc.Of != 200 {
		t.Errorf("AUC with the file's interval %+v", auc)
	}
	// recall 40/50; precision 40/49; accuracy 181/200.
	if figs[3].Name != "recall" || figs[3].Of != 50 || !near(figs[3].Value, 0.8) ||
		figs[2].Name != "precision" || figs[2].Of != 49 || figs[1].Name != "accuracy" || figs[1].Of != 200 {
		t.Errorf("figures %+v", figs)
	}
	w := wilson("x", 81, 100)
	if math.Abs(w.Low-0.7222115) > 1e-6 || math.Abs(w.High-0.8748525) > 1e-6 {
		t.Errorf("Wilson 81/100 %+v", w)
	}
	if ValidationFigures(nil) != nil {
		t.Error("figures without metrics")
	}
}

// Four customers of the lever model: coupons 1 2 3 1 on the basic plan
// and the premium plan for the last: P(churn) = σ(1 − c/2) or σ(−1 − c/2).
// One value 100, cost 10, success 0.2: a contact is worth 20·p − 10, so
// σ(0.5) = 0.62 gains 2.45, σ(0) = 0.5 gains nothing (a tie the fewer
// contacts win, whatever the rounding) and the rest lose: the best plan
// contacts customer a only.
func TestNewPlanReportSmallCase(t *testing.T) {
	x := leverExplainer(t)
	rows := [][]float64{{0.25, 1, 0}, {0.5, 1, 0}, {0.75, 1, 0}, {0.25, 0, 1}}
	probs := make([]float64, len(rows))
	for i, r := range rows {
		probs[i] = x.Predict(r)
	}
	seg, err := ValueSegments(probs, nil)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := NewPlanReport(PlanInput{IDs: []string{"a", "b", "c", "d"}, Probs: probs, Segments: seg,
		Explainer: x, Row: func(i int) []float64 { return rows[i] }, Positive: true},
		PlanRequest{Assumptions: PlanAssumptions{CostPerContact: 10, Value: 100, Success: 0.2}, Prevent: true,
			Outcome: "churn", Levers: []string{"coupons", "plan"}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Best.Contacted != 1 || !near(rep.Best.Net, 20*sigmoid(0.5)-10) || len(rep.Contacts) != 1 {
		t.Fatalf("best %+v, contacts %+v", rep.Best, rep.Contacts)
	}
	c := rep.Contacts[0]
	if c.ID != "a" || c.Action.String() != "contact in the order of the plan" || c.Lever == nil || c.Lever.String("churn") != "plan basic → premium: P(churn) 0.62 → 0.18" {
		t.Errorf("contact %+v, lever %v", c, c.Lever)
	}
	// The top 5 … 100 % of 4 customers reach ⌈pct·4/100⌉: 1 up to 25 %, 2
	// up to 50 %, 3 up to 75 %, then 4; each count is one row.
	var counts []int
	for _, p := range rep.Curve {
		counts = append(counts, p.Contacted)
	}
	if !slices.Equal(counts, []int{1, 2, 3, 4}) {
		t.Errorf("curve contacts %v, want [1 2 3 4]", counts)
	}
	if len(rep.Segments) != 1 || rep.Segments[0].Customers != 4 || len(rep.Drivers) != 2 || rep.Target != "prevent" {
		t.Errorf("segments %+v, drivers %+v, target %s", rep.Segments, rep.Drivers, rep.Target)
	}
	// No per-customer values: every customer is worth the assumed 100, in
	// the segments as in the plan (value 4 × 100; in play, preventing,
	// 100 × Σp).
	sumP := probs[0] + probs[1] + probs[2] + probs[3]
	if s := rep.Segments[0]; !near(s.Value, 400) || !near(s.ValueInPlay, 100*sumP) {
		t.Errorf("segment value %g and value in play %g, want 400 and %g (100 per customer)", s.Value, s.ValueInPlay, 100*sumP)
	}
	for _, a := range rep.Actions {
		if !near(a.Value, 100*float64(a.Customers)) {
			t.Errorf("cell %s/%v: value %g for %d customers, want 100 each", a.Segment, a.Risk, a.Value, a.Customers)
		}
	}
}

// TestActionsFollowTheContactDecision: 10 customers, one value of 100,
// P 0.95, 0.85 … 0.05 (P levels: the top 2 high, the next 3 medium, the
// last 5 low); cost 1, success 0.1: a contact is worth 10·P − 1, so the
// first 9 pay for themselves and the last (P 0.05) does not. The action of
// a customer is its segment's contact action when the plan contacts it,
// whatever its P level: the medium cell and 4 of the 5 low ones are
// contacted ("contact in the order of the plan"), and only the customer
// left out gets "no paid contact". The P levels used to choose it: the
// medium and low cells read the rest's action while every one of the
// medium customers was contacted.
func TestActionsFollowTheContactDecision(t *testing.T) {
	probs := make([]float64, 10)
	for i := range probs {
		probs[i] = 0.95 - 0.1*float64(i)
	}
	seg, err := ValueSegments(probs, nil)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := NewPlanReport(PlanInput{IDs: []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}, Probs: probs, Segments: seg, Positive: true},
		PlanRequest{Assumptions: PlanAssumptions{CostPerContact: 1, Value: 100, Success: 0.1}, Prevent: true, Outcome: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Best.Contacted != 9 {
		t.Fatalf("best %+v, want 9 contacts", rep.Best)
	}
	const contact, rest = "contact in the order of the plan", "no paid contact"
	word := func(a *Action) string {
		if a == nil {
			return "—"
		}
		return a.String()
	}
	type group struct {
		customers, contacted int
		contact, rest        string
	}
	got := func(g PlanSegment) group { return group{g.Customers, g.Contacted, word(g.Contact), word(g.Others)} }
	if len(rep.Segments) != 1 || got(rep.Segments[0]) != (group{10, 9, contact, rest}) {
		t.Errorf("segments %+v", rep.Segments)
	}
	want := []group{{2, 2, contact, "—"}, {3, 3, contact, "—"}, {5, 4, contact, rest}}
	if len(rep.Actions) != len(want) {
		t.Fatalf("%d cells, want %d", len(rep.Actions), len(want))
	}
	for k, a := range rep.Actions {
		if got(a.PlanSegment) != want[k] {
			t.Errorf("cell %v: %+v, want %+v", a.Risk, got(a.PlanSegment), want[k])
		}
	}
	for i := range probs {
		if w := map[bool]string{true: contact, false: rest}[i < 9]; rep.ActionOf(i).String() != w {
			t.Errorf("customer %d: %q, want %q", i, rep.ActionOf(i), w)
		}
	}
	for _, c := range rep.Contacts {
		if c.Action.String() != contact {
			t.Errorf("contact %s: %q", c.ID, c.Action)
		}
	}
}

// Cells of 1 and 3 customers (n = 4) whose drivers of column a are
// 0.4 (|0.4|) and −0.2 (|0.2|): overall mean 0.25·0.4 + 0.75·(−0.2) =
// −0.05, size 0.25·0.4 + 0.75·0.2 = 0.25; column b only in the second
// cell: 0.75·0.1 = 0.075.
func TestOverallDriversWeightByCellSize(t *testing.T) {
	cells := []Cell{{Customers: 1}, {Customers: 3}}
	drivers := [][]Driver{{{Column: "a", Mean: 0.4, MeanAbs: 0.4}},
		{{Column: "b", Mean: 0.1, MeanAbs: 0.1}, {Column: "a", Mean: -0.2, MeanAbs: 0.2}}}
	got := overallDrivers(cells, drivers, 4)
	if len(got) != 2 || got[0].Column != "a" || !near(got[0].Mean, -0.05) || !near(got[0].MeanAbs, 0.25) ||
		got[1].Column != "b" || !near(got[1].Mean, 0.075) {
		t.Errorf("got %+v", got)
	}
}

// TestMoneyColumn writes a column with amounts below 100 to the cent
// throughout, and one whose amounts are all 0 or from 100 up whole.
func TestMoneyColumn(t *testing.T) {
	cases := []struct {
		in   []float64
		want []string
	}{
		{[]float64{339, 25, 0, 1234.5, -0.001}, []string{"339.00", "25.00", "0.00", "1,234.50", "0.00"}},
		{[]float64{339, 0, -1200, 3449.6}, []string{"339", "0", "-1,200", "3,450"}},
		{[]float64{12.5, 1e19}, []string{"12.50", "1e+19"}},
		{[]float64{-99.995}, []string{"-100.00"}},
	}
	for _, c := range cases {
		if got := MoneyColumn(c.in); !slices.Equal(got, c.want) {
			t.Errorf("MoneyColumn(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

// PlanValues fills a blank with the model's fill, or without one with the
// mean of the other cells ((10 + 0 + 30 − 4) / 4 = 9), and counts a
// negative value as 0.
func TestPlanValues(t *testing.T) {
	raw := []float64{10, math.NaN(), 0, 30, -4}
	got, read := PlanValues("spend", raw, 7)
	if want := []float64{10, 7, 0, 30, 0}; !slices.Equal(got, want) {
		t.Errorf("values %v, want %v", got, want)
	}
	if want := (PlanValueColumn{Name: "spend", Blanks: 1, Fill: 7, Zeroed: 1}); read != want {
		t.Errorf("read %+v, want %+v", read, want)
	}
	got, read = PlanValues("spend", raw, math.NaN())
	if got[1] != 9 || read.Fill != 9 || read.Blanks != 1 {
		t.Errorf("without a fill: values %v, read %+v, want the blank at 9", got, read)
	}
	got, read = PlanValues("spend", []float64{1, 2}, 7)
	if !slices.Equal(got, []float64{1, 2}) || (read != PlanValueColumn{Name: "spend"}) {
		t.Errorf("nothing to fill: values %v, read %+v", got, read)
	}
}

// The JSON of a plan whose values come from a column has no assumed
// "value" (it is not used); a plan on an amount has it.
func TestPlanReportJSONValueOnlyWhenUsed(t *testing.T) {
	a := PlanAssumptions{CostPerContact: 1, Value: 100, Success: 0.1}
	for _, c := range []struct {
		column string
		want   string
	}{
		{"", `"assumptions":{"cost_per_contact":1,"value":100,"success_rate":0.1}`},
		{"spend", `"assumptions":{"cost_per_contact":1,"success_rate":0.1}`},
	} {
		out, err := json.Marshal(&PlanReport{Assumptions: a, ValueColumn: c.column})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), c.want) || strings.Count(string(out), `"assumptions"`) != 1 {
			t.Errorf("column %q: %s, want %s once", c.column, out, c.want)
		}
	}
}

// TestPlanTiesByID: customers of equal worth are ranked in the customers'
// order, or, with TiesByID (pseudonymised ids, whose customers' order is
// the file's), in the order of their ids; unequal ones by worth either way.
func TestPlanTiesByID(t *testing.T) {
	probs := []float64{0.5, 0.9, 0.5, 0.5}
	ids := []string{"p_c", "p_z", "p_a", "p_b"}
	seg, err := ValueSegments(probs, nil)
	if err != nil {
		t.Fatal(err)
	}
	req := PlanRequest{Assumptions: PlanAssumptions{CostPerContact: 1, Value: 100, Success: 0.2}, Prevent: true, Outcome: "churn"}
	for _, c := range []struct {
		byID bool
		want []string
	}{
		{false, []string{"p_z", "p_c", "p_a", "p_b"}},
		{true, []string{"p_z", "p_a", "p_b", "p_c"}},
	} {
		rep, err := NewPlanReport(PlanInput{IDs: ids, Probs: probs, Segments: seg, Positive: true, TiesByID: c.byID}, req)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, i := range rep.Plan.Order {
			got = append(got, ids[i])
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("TiesByID %v: order %q, want %q", c.byID, got, c.want)
		}
		for k, contact := range rep.Contacts {
			if contact.Rank != k+1 || contact.ID != c.want[k] {
				t.Errorf("TiesByID %v: contact %d is %s ranked %d, want %s", c.byID, k, contact.ID, contact.Rank, c.want[k])
			}
		}
	}
}
