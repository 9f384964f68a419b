package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// plan says, as predict does, the cells it scored at a bound of the range
// the model keeps and warns when many customers lie beyond it (review 27,
// finding 1): the model keeps visits to [2, 15] (usersLinesVisitsHeld);
// 21 of the 200 customers to plan for (10.5 %) have visits 1000. The
// report and its JSON carry the warning too, and the suggestions for the
// platform the advice to retrain for those 21.
func TestPlanSaysTheModelExtrapolates(t *testing.T) {
	users := writeFile(t, "users.csv", strings.Join(usersLinesVisitsHeld(t, 300, 2, 15), "\n")+"\n")
	model := t.TempDir() + "/model.json"
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--data", users, "--label", "churn", "--epochs", "1", "--layers", "8",
		"--out", model); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	var b strings.Builder
	b.WriteString("user_id,visits,spend,plan\n")
	for i := range 200 {
		visits := 5
		if i < 21 {
			visits = 1000
		}
		fmt.Fprintf(&b, "u%d,%d,50,basic\n", i, visits)
	}
	next := writeFile(t, "next.csv", b.String())
	warning := next + ": column \"visits\": 21 of the 200 rows scored (10.5 %) lie above the range the model keeps [2, 15] " +
		"and were scored as 15: for that many rows the model is extrapolating on this feature, so read their scores with care"
	note := "note: " + next + ": column \"visits\": outside the range the model keeps [2, 15] " +
		"(its ends are means of the 10th–19th most extreme training values, for privacy): 21 values above it scored as 15; " +
		"the first is 1000 at line 2, column 2\n"
	c = newCLI(t)
	if code := c.run(context.Background(), "plan", "--model", model, "--data", next); code != exitOK {
		t.Fatalf("plan: exit %d, stderr %q", code, c.stderr.String())
	}
	for _, want := range []string{note, "warning: " + warning + "\n"} {
		if !strings.Contains(c.stderr.String(), want) {
			t.Errorf("stderr lacks\n%s\ngot\n%s", want, c.stderr.String())
		}
	}
	if want := "**Warning:** " + warning + ".\n"; !strings.Contains(c.stdout.String(), want) {
		t.Errorf("report lacks\n%s\ngot\n%s", want, c.stdout.String()[:min(2000, c.stdout.Len())])
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "plan", "--model", model, "--data", next, "--json"); code != exitOK {
		t.Fatalf("plan --json: exit %d, stderr %q", code, c.stderr.String())
	}
	var doc struct {
		Extrapolating []string `json:"extrapolating"`
		Suggestions   []struct {
			Topic, Text string
		} `json:"platform_suggestions"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(doc.Extrapolating, []string{warning}) {
		t.Errorf("JSON extrapolating %q, want %q", doc.Extrapolating, warning)
	}
	// The suggestion to retrain counts the customers beyond the end the
	// warning names, the 21 (10.5 %, more than one in ten; Percent writes
	// whole percents), by the same
	// rule (experiment.CustomersBeyond).
	suggestion := "21 of the 200 customers (10 %) lie beyond the model's training range on a column the extrapolation warning " +
		"names and were scored at its end: retrain on data like theirs (for an order log, a later cutoff) before acting on their scores."
	var ranges []string
	for _, p := range doc.Suggestions {
		if p.Topic == "range" {
			ranges = append(ranges, p.Text)
		}
	}
	if !slices.Equal(ranges, []string{suggestion}) {
		t.Errorf("range suggestions %q, want %q", ranges, suggestion)
	}
}

// On an order log plan gives the same range notes and warnings as predict
// for the same model, log and cutoff: the model trained at 1997-06-30
// (tenures of about 100 to 180 days) scores CDNOW's customers at
// 1998-06-30, a year later, every tenure above its range.
func TestPlanLogSaysWhatPredictSaysOfRanges(t *testing.T) {
	model := trainCDNOW(t)
	rangeLines := func(stderr string) []string {
		var out []string
		for _, l := range strings.Split(stderr, "\n") {
			if strings.Contains(l, "the range the model keeps") {
				out = append(out, l)
			}
		}
		return out
	}
	p := newCLI(t)
	if code := p.run(context.Background(), "predict", "--model", model, "--log", cdnowMaster, "--out", t.TempDir()+"/p.csv"); code != exitOK {
		t.Fatalf("predict: exit %d, stderr %q", code, p.stderr.String())
	}
	want := rangeLines(p.stderr.String())
	if !slices.ContainsFunc(want, func(l string) bool {
		return strings.HasPrefix(l, "warning: ") && strings.Contains(l, `column "tenure_days": 23,570 of the 23,570 rows scored (100.0 %) lie above`)
	}) {
		t.Fatalf("predict does not warn of tenure_days:\n%s", strings.Join(want, "\n"))
	}
	c := newCLI(t)
	if code := c.run(context.Background(), "plan", "--model", model, "--log", cdnowMaster, "--target", "prevent"); code != exitOK {
		t.Fatalf("plan: exit %d, stderr %q", code, c.stderr.String())
	}
	if got := rangeLines(c.stderr.String()); !slices.Equal(got, want) {
		t.Errorf("plan's range lines\n%s\npredict's\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
