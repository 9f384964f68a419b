package planscreen

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestBestShareBelowAllIsNotAllShown: 1,000 customers, 997 with P 0.5 and
// 3 with P 0 (worth nothing), one value of 100, cost 1, success 0.1: a
// contact is worth 0.1 × 0.5 × 100 − 1 = 4 for the first 997 and −1 for
// the others, so the best plan contacts 997, 99.7 % of them, which the
// ★ row showed as "100 %" above the 100 % row of all 1,000. Its figures:
// 0.1 × 997 × 0.5 = 49.85 ≈ 50 outcomes, value 4,985, cost 997, net 3,988,
// ROI 400 %; all 1,000: net 3,985, ROI 398.5 %.
func TestBestShareBelowAllIsNotAllShown(t *testing.T) {
	probs := make([]float64, 1000)
	for i := range 997 {
		probs[i] = 0.5
	}
	seg, err := experiment.ValueSegments(probs, nil)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := experiment.NewPlanReport(experiment.PlanInput{Probs: probs, Segments: seg, Positive: true},
		experiment.PlanRequest{Assumptions: experiment.PlanAssumptions{CostPerContact: 1, Value: 100, Success: 0.1}, Prevent: true, Outcome: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	s := New(screentest.Common("en", 80, 24))
	s.report = rep
	lines := s.curve()
	var got []string
	for _, l := range []string{lines[2], lines[len(lines)-1]} {
		got = append(got, strings.TrimRight(ansi.Strip(l), " "))
	}
	want := []string{
		"★ 99.7 %        997        50  4,985.00    997.00  3,988.00  400.0 %",
		"100.0 %       1,000        50  4,985.00  1,000.00  3,985.00  398.5 %", // one decimal down the column
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCurveRowsAreTheReports (review 27, finding 9): the screen's table
// has the report's rows (experiment.PlanReport.CurveRows), the best first.
// Of 200 customers 199 have P 0.5 and one 0.05; at cost 1, value 100 and
// success 0.1 a contact pays where P > 0.1, so the best contacts 199
// (99.5 %), between the 90 % and 100 % rows, which both stay.
func TestCurveRowsAreTheReports(t *testing.T) {
	probs := make([]float64, 200)
	for i := range probs {
		probs[i] = 0.5
	}
	probs[199] = 0.05
	seg, err := experiment.ValueSegments(probs, nil)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := experiment.NewPlanReport(experiment.PlanInput{Probs: probs, Segments: seg, Positive: true},
		experiment.PlanRequest{Assumptions: experiment.PlanAssumptions{CostPerContact: 1, Value: 100, Success: 0.1}, Prevent: true, Outcome: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	s := New(screentest.Common("en", 80, 24))
	s.report = rep
	var got []string
	for _, l := range s.curve()[2:] {
		got = append(got, strings.Fields(ansi.Strip(l))[0:2]...)
	}
	want := []string{"★", "99.5", "5.0", "%", "10.0", "%", "20.0", "%", "30.0", "%", "40.0", "%", "50.0", "%", "60.0", "%",
		"70.0", "%", "80.0", "%", "90.0", "%", "100.0", "%"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("rows %q\nwant %q", got, want)
	}
}
