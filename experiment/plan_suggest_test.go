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
		{"range", "150 of the 1,000 customers (15 %) lie beyond the model's training range on at least one column and were scored at " +
			"its end: retrain on data like theirs (for an order log, a later cutoff) before acting on their scores."},
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
	beyond := map[data.Cell]float64{{Row: 3, Column: 0}: 9, {Row: 3, Column: 2}: 7, {Row: 5, Column: 0}: 1}
	if n := CustomersBeyond(beyond); n != 2 {
		t.Errorf("CustomersBeyond = %d, want 2 (rows 3 and 5)", n)
	}
}
