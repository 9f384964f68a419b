package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
)

// The best row's share is written so that it is not the 100 % row's: of
// 1,000 customers valued by their spend, 3 spend nothing, so contacting
// them is worth nothing and the best plan (a contact costing 0.0001)
// contacts the other 997, 99.7 %, which the report wrote "100 %" above
// the row of all 1,000, and the headline said "(100 %)".
func TestPlanBestShareBelowAllIsNotAllShown(t *testing.T) {
	lines := strings.Split(strings.TrimSpace(mustRead(t, usersCSV(t, 1000))), "\n")
	for i := 1; i < len(lines); i++ {
		f := strings.Split(lines[i], ",")
		switch {
		case i <= 3:
			f[2] = "0"
		case f[2] == "0":
			f[2] = "0.1" // the generator's own rare zeros: exactly 3 spend nothing
		}
		lines[i] = strings.Join(f, ",")
	}
	users := writeFile(t, "users.csv", strings.Join(lines, "\n")+"\n")
	model := trainModel(t, users)
	c := newCLI(t)
	if code := c.run(context.Background(), "plan", "--model", model, "--data", users, "--value", "spend", "--cost", "0.0001"); code != exitOK {
		t.Fatalf("plan: exit %d, stderr %q", code, c.stderr.String())
	}
	out := c.stdout.String()
	if !strings.Contains(out, "**Contact the 997 customers with the most value at stake (99.7 %):") {
		t.Fatalf("headline: want 997 customers (99.7 %%):\n%s", out)
	}
	for _, want := range []string{"\n| **best: 99.7 %** | 997 | ", "\n| 100.0 % | 1,000 | "} { // one decimal down the column
		if !strings.Contains(out, want) {
			t.Errorf("no row %q in\n%s", want, out)
		}
	}
}

// The report's table has the Plan screen's rows (review 27, finding 9;
// experiment.PlanReport.CurveRows): of 200 customers 199 have P 0.5 and
// one 0.05; at cost 1, value 100 and success 0.1 a contact pays where
// P > 0.1, so the best contacts 199 (99.5 %), between the 90 % and the
// 100 % rows, which both stay.
func TestPlanCurveRowsAreTheScreens(t *testing.T) {
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
	var b bytes.Buffer
	planDoc{report: rep}.curve(&b)
	var got []string
	for _, l := range strings.Split(b.String(), "\n")[4:] {
		if l != "" {
			got = append(got, strings.Split(l, " | ")[0])
		}
	}
	want := []string{"| 5.0 %", "| 10.0 %", "| 20.0 %", "| 30.0 %", "| 40.0 %", "| 50.0 %", "| 60.0 %", "| 70.0 %", "| 80.0 %",
		"| 90.0 %", "| **best: 99.5 %**", "| 100.0 %"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
