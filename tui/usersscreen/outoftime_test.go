package usersscreen

import (
	"fmt"
	"slices"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// orderDays lists every customer's order days (0 = 2024-01-01) of
// screentest.OrderLog, written out from its description.
func orderDays() map[string][]int {
	days := map[string][]int{}
	add := func(id string, ds ...int) { days[id] = append(days[id], ds...) }
	for i := range 20 {
		for d := 0; d <= 60; d += 4 + i%6 {
			add(fmt.Sprintf("a%02d", i), d)
		}
		add(fmt.Sprintf("b%02d", i), i%10)
	}
	for i := range 10 {
		for d := i % 3; d <= 15; d += 4 {
			add(fmt.Sprintf("d%02d", i), d)
		}
		add(fmt.Sprintf("c%02d", i), 35, 50)
		add(fmt.Sprintf("e%02d", i), 44+i%3, 48)
		add(fmt.Sprintf("f%02d", i), 2+i%4, 6+i%4, 55)
	}
	return days
}

// cohortAt is whether each customer with an order on or before day cutoff
// orders again in the horizon days after it.
func cohortAt(cutoff, horizon int) map[string]bool {
	out := map[string]bool{}
	for id, ds := range orderDays() {
		if slices.Min(ds) > cutoff {
			continue
		}
		out[id] = slices.ContainsFunc(ds, func(d int) bool { return d > cutoff && d <= cutoff+horizon })
	}
	return out
}

// ootRun is run 1 on screentest's order log at 2024-02-20 (day 50) with a
// 10-day horizon, validated out of time: trained on the customers at
// 02-10, measured on those at 02-20.
func ootRun(t *testing.T) common.Run {
	t.Helper()
	run := screentest.LogRun(t, screentest.LoadLog(t, ""), experiment.OutOfTime, 30)
	if run.Exp.Scheme() != experiment.OutOfTime {
		t.Fatalf("the run is validated %v (fallback %v)", run.Exp.Scheme(), run.Exp.Fallback)
	}
	return run
}

// The Users screen of an out-of-time run lists the customers the run is
// measured on, at the cutoff, with the labels of the horizon after it;
// its right and wrong add up to that part's confusion matrix; t still
// shows the current customers and brings these back.
func TestUsersOfOutOfTimeRunAreTheMeasuredCustomers(t *testing.T) {
	run := ootRun(t)
	s := shopScreen(t, run, "en", 160, 48)
	u := s.list.users
	want := cohortAt(50, 10)
	got := map[string]bool{}
	for r := range u.rows() {
		got[u.id(r)] = u.positive(r)
	}
	// 80 customers at 02-20 (the e customers first order after 02-10), 30
	// positive (a and f); at 02-10 there were 70, the c customers positive.
	if len(want) != 80 || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("%d users and labels\n got %v\nwant %v", len(got), got, want)
	}
	for r := range u.rows() {
		if u.part(r) != experiment.RowLater {
			t.Fatalf("%s is in part %v", u.id(r), u.part(r).Part())
		}
	}
	screentest.MustContain(t, view(s), "Users · 80 of 80 customers at 2024-02-20, labels from the 10 days after · sorted by P(orders_again_10d = yes) ↓",
		"at 2024-02-20, measured out of time")

	// Each P is the one Evaluate measures: the run's network as the decay
	// check left it, calibrated as the run calibrates.
	probs, _, _, err := run.Exp.Scores(run.Exp.MainPart())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(probs, u.scores.Probabilities) {
		t.Fatal("the customers' P differ from the probabilities Evaluate measures")
	}

	th := s.Threshold()
	ev, err := run.Exp.Evaluate(run.Exp.MainPart(), th)
	if err != nil {
		t.Fatal(err)
	}
	c := ev.Report.Confusion
	s = pressAll(t, s, "c")
	right := len(s.list.shown)
	s = pressAll(t, s, "c")
	wrong := len(s.list.shown)
	if float64(right) != c.TP+c.TN || float64(wrong) != c.FP+c.FN {
		t.Fatalf("at %.2f: %d right and %d wrong, the evaluation's matrix %+v", th, right, wrong, c)
	}
	screentest.MustContain(t, view(s), fmt.Sprintf("%d of 80 customers at 2024-02-20, labels from the 10 days after · wrong only", wrong))
	s = pressAll(t, s, "c", "t")
	if s.list.users.current == nil {
		t.Fatalf("t did not show the current customers (status %q)", s.status.In(s.Common))
	}
	screentest.MustContain(t, view(s), "80 of 80 current customers", "as of 2024-03-01, unlabelled")
	s = pressAll(t, s, "t")
	if s.list.users != u {
		t.Fatal("t again did not bring the measured customers back")
	}
}

// TestGoldenUsersOutOfTime is the Users screen of an out-of-time run with
// the first (highest) customer's details, in both languages at both sizes.
func TestGoldenUsersOutOfTime(t *testing.T) {
	run := ootRun(t)
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, shopScreen(t, run, c.Lang, c.Width, c.Height), c.Width, c.Height)
	})
}
