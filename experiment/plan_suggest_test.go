package experiment

import (
	"testing"

	"github.com/retainlab/retain/data"
)

// The suggestions for the platform say the figures they rest on (review
// 33, 3), on a report made by hand: drivers frequency (mean size 0.065,
// mean +0.018) and recency_days (0.052, −0.009); a best plan of 200
// contacts, 120 in At risk (of its 150: 80 %), 80 in Lost (of 400: 20 %);
// 1,000 customers, 150 beyond the training range (15 % > one in ten). At
// 100 beyond (10 %, not more than one in ten) the range is not raised;
// no contact, no budget line.
func TestPlatformSuggestions(t *testing.T) {
	rep := &PlanReport{Outcome: "orders_again_90d = yes", Customers: 1000,
		Drivers: []Driver{{Column: "frequency", Mean: 0.018, MeanAbs: 0.065}, {Column: "recency_days", Mean: -0.009, MeanAbs: 0.052}},
		Best:    PlanPoint{Contacted: 200, Outcomes: 30},
		Segments: []PlanSegment{{Cell: Cell{Segment: SegLost, Customers: 400}, Contacted: 80},
			{Cell: Cell{Segment: SegAtRisk, Customers: 150}, Contacted: 120}, {Cell: Cell{Segment: SegChampions, Customers: 450}}}}
	got := PlatformSuggestions(rep, 150)
	want := []struct{ Topic, Text string }{
		{"drivers", "The model's P(orders_again_90d = yes) rests most on frequency (moves P by 0.065 per customer; on average raises it by 0.018), " +
			"recency_days (moves P by 0.052 per customer; on average lowers it by 0.009): mean integrated-gradients attributions over these " +
			"customers, against the mean training customer. Look first at what the platform does that bears on these; they are the model's " +
			"association, not a tested effect, and a behaviour the customer chooses (orders, visits) is not a setting to turn."},
		{"budget", "Of the 200 contacts of the best plan, At risk 60 % (80 % of the segment), Lost 40 % (20 % of the segment): " +
			"where a retention programme would spend, under your assumptions and the model's probabilities."},
		{"range", "150 of the 1,000 customers (15 %) lie beyond the model's training range on a column the extrapolation warning names and " +
			"were scored at its end: retrain on data like theirs (for an order log, a later cutoff) before acting on their scores."},
	}
	if len(got) != len(want) {
		t.Fatalf("%d suggestions, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i].Topic != want[i].Topic || got[i].Text != want[i].Text {
			t.Errorf("suggestion %d (%s):\n%s\nwant (%s)\n%s", i, got[i].Topic, got[i].Text, want[i].Topic, want[i].Text)
		}
	}
	// The figures the text says, for a caller that words them otherwise
	// (the Plan screen in Chinese): the same numbers as above.
	if d := got[0].Drivers; got[0].Outcome != rep.Outcome || len(d) != 2 ||
		d[0] != (DriverFigure{Column: "frequency", Size: 0.065, By: 0.018, Raises: true}) ||
		d[1] != (DriverFigure{Column: "recency_days", Size: 0.052, By: 0.009, Raises: false}) {
		t.Errorf("drivers' figures %q %+v", got[0].Outcome, d)
	}
	if b := got[1]; b.Contacts != 200 || len(b.Shares) != 2 ||
		b.Shares[0] != (ContactShare{Segment: SegAtRisk, OfContacts: 0.6, OfSegment: 0.8}) ||
		b.Shares[1] != (ContactShare{Segment: SegLost, OfContacts: 0.4, OfSegment: 0.2}) {
		t.Errorf("budget's figures %d %+v", b.Contacts, b.Shares)
	}
	if r := got[2]; r.Beyond != 150 || r.Customers != 1000 || r.BeyondShare != 0.15 {
		t.Errorf("range's figures %d of %d (%v)", r.Beyond, r.Customers, r.BeyondShare)
	}
	rep.Best = PlanPoint{}
	if got := PlatformSuggestions(rep, 100); len(got) != 1 || got[0].Topic != "drivers" {
		t.Errorf("no contact, 10 %% beyond: %+v, want the drivers only", got)
	}
}

// CustomersBeyond counts a customer only on an end of a column's kept
// range that the extrapolation warning (data.Pipeline.Extrapolations)
// names, never on a cell beyond an end the clipping alone explains. By
// hand, 200 customers and three columns kept to [0, 10]:
//   - "tenure": rows 0–29 above (30 > 200/10 = 20, and ≥ 20): named;
//     rows 100–104 below (5): not named;
//   - "visits": rows 20–39 above (20, not more than one in ten): not named;
//   - "spend": rows 40–59 below and rows 60–79 above (20 each, neither more
//     than one in ten): not named, though 40 rows lie beyond its range.
//
// Counted: rows 0–29, 30 customers (15 %, so the suggestion is made);
// rows 20–29 are beyond on "visits" too and count once. Every cell beyond
// any end, as the count was before, gives rows 0–79 and 100–104: 85.
// With "tenure" above only rows 0–19 (20 of 200: not more than one in
// ten) nothing is named, and none is counted: the 75 customers beyond
// some end lie where about 14 of the training rows also lie (each end is
// the mean of the 10th–19th most extreme), so they make no suggestion.
func TestCustomersBeyondIsTheWarningsRule(t *testing.T) {
	p := &data.Pipeline{Columns: []data.PipelineColumn{
		{Name: "tenure", Kind: data.Numeric, Max: 10}, {Name: "visits", Kind: data.Numeric, Max: 10},
		{Name: "spend", Kind: data.Numeric, Max: 10}}}
	cells := func(tenureAbove int) map[data.Cell]float64 {
		beyond := map[data.Cell]float64{}
		put := func(col, from, to int, v float64) {
			for r := from; r <= to; r++ {
				beyond[data.Cell{Row: r, Column: col}] = v
			}
		}
		put(0, 0, tenureAbove-1, 12)
		put(0, 100, 104, -1)
		put(1, 20, 39, 11)
		put(2, 40, 59, -3)
		put(2, 60, 79, 20)
		return beyond
	}
	if n := CustomersBeyond(p, cells(30), 200); n != 30 {
		t.Errorf("CustomersBeyond = %d, want 30 (rows 0–29, beyond tenure's upper end, the only end named)", n)
	}
	rep := &PlanReport{Customers: 200}
	if got := PlatformSuggestions(rep, CustomersBeyond(p, cells(30), 200)); len(got) != 1 || got[0].Topic != TopicRange ||
		got[0].Beyond != 30 || got[0].BeyondShare != 0.15 {
		t.Errorf("30 of 200 beyond a named end: %+v, want the range suggestion with 30 (15 %%)", got)
	}
	if xs := p.Extrapolations(cells(20), 200); len(xs) != 0 {
		t.Fatalf("with 20 above tenure the warning names %+v, want none", xs)
	}
	if n := CustomersBeyond(p, cells(20), 200); n != 0 {
		t.Errorf("CustomersBeyond = %d with no end named, want 0", n)
	}
	if got := PlatformSuggestions(rep, CustomersBeyond(p, cells(20), 200)); len(got) != 0 {
		t.Errorf("no end named: %+v, want no suggestion", got)
	}
	if n := CustomersBeyond(nil, cells(30), 200); n != 0 {
		t.Errorf("CustomersBeyond without a pipeline = %d, want 0", n)
	}
}
