package recommend

import "testing"

// TestTopPopAhead: when the lists are GP-TopFreq's and TopPop's recall@10
// is above GP-TopFreq's on the measured horizon, the run says so (review
// 14, L6: returns.csv, 0.245 against 0.226); not when the network's lists
// are written or GP-TopFreq is ahead.
func TestTopPopAhead(t *testing.T) {
	metrics := func(pop, gp float64) []Metrics {
		return []Metrics{{Ranker: TopPopName, At: []AtK{{K: 10, Recall: pop, NDCG: pop / 2}}},
			{Ranker: GPTopFreqName, At: []AtK{{K: 10, Recall: gp, NDCG: gp / 2}}}}
	}
	for _, c := range []struct {
		ranker  string
		pop, gp float64
		want    bool
	}{
		{GPTopFreqName, 0.245, 0.226, true},
		{GPTopFreqName, 0.226, 0.226, false},
		{GPTopFreqName, 0.2, 0.226, false},
		{ModelName, 0.245, 0.226, false},
	} {
		r := Result{Ranker: c.ranker, Metrics: metrics(c.pop, c.gp)}
		pop, gp, ok := r.TopPopAhead()
		if ok != c.want || (ok && (pop.Recall != c.pop || gp.Recall != c.gp)) {
			t.Errorf("%s %v vs %v: %v %v %v, want %v", c.ranker, c.pop, c.gp, pop.Recall, gp.Recall, ok, c.want)
		}
	}
	if _, _, ok := (&Result{Ranker: GPTopFreqName}).TopPopAhead(); ok {
		t.Error("an unmeasured run says TopPop is ahead")
	}
}

// TestOneOrderEachNotRefused: Prepare refused a log where every customer
// has one order (ErrTrainingPairs, advising another cutoff or horizon);
// it returns a run without a network whose lists are GP-TopFreq's.
func TestOneOrderEachNotRefused(t *testing.T) {
	l := &Log{Name: "once.csv", Customers: []string{"a", "b"}, Items: []string{"x", "y"},
		Baskets:    []Basket{{Customer: 0, Day: 100, Items: []int32{0}}, {Customer: 1, Day: 200, Items: []int32{1}}},
		ByCustomer: [][]int32{{0}, {1}}, First: 100, Last: 200, LastUpToToday: 200}
	if !l.OneOrderEach() {
		t.Fatal("OneOrderEach false")
	}
	r, err := Prepare(l, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "every customer of once.csv has one order, so nobody bought again after some history, which is what the network learns from — is the customer column a per-order key?"
	if r.Model != nil || r.Untrained != want {
		t.Errorf("model %v, untrained %q, want %q", r.Model, r.Untrained, want)
	}
	l.Baskets = append(l.Baskets, Basket{Customer: 0, Day: 201, Items: []int32{1}})
	l.ByCustomer[0] = append(l.ByCustomer[0], 2)
	l.Last, l.LastUpToToday = 201, 201
	if l.OneOrderEach() {
		t.Error("OneOrderEach true with a second order up to today")
	}
	l.LastUpToToday = 200 // the second order is dated after today
	if !l.OneOrderEach() {
		t.Error("OneOrderEach false though the second order is dated after today")
	}
}
