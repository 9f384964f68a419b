package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestManyClippedValuesWarn: predict warns, after the routine notes, when
// more than one scored row in ten, and at least 20, hold a value beyond
// one end of a column's kept range; one in ten exactly stays a note. The
// model keeps visits to [2, 15] (usersLinesVisitsHeld); of 200 rows to
// score, 21 (10.5 %) or 20 have visits 1000, the rest 5.
func TestManyClippedValuesWarn(t *testing.T) {
	users := writeFile(t, "users.csv", strings.Join(usersLinesVisitsHeld(t, 300, 2, 15), "\n")+"\n")
	model := t.TempDir() + "/model.json"
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--data", users, "--label", "churn", "--epochs", "1", "--layers", "8",
		"--out", model); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	if visits := pipelineColumn(t, readModel(t, model), "visits"); visits.Min != 2 || visits.Max != 15 {
		t.Fatalf("visits range [%v, %v], want [2, 15]", visits.Min, visits.Max)
	}
	for _, beyond := range []int{21, 20} {
		var b strings.Builder
		b.WriteString("user_id,visits,spend,plan\n")
		for i := range 200 {
			visits := 5
			if i < beyond {
				visits = 1000
			}
			fmt.Fprintf(&b, "u%d,%d,50,basic\n", i, visits)
		}
		next := writeFile(t, "next.csv", b.String())
		c := newCLI(t)
		if code := c.run(context.Background(), "predict", "--model", model, "--data", next); code != exitOK {
			t.Fatalf("predict: exit %d, stderr %q", code, c.stderr.String())
		}
		note := fmt.Sprintf("note: %s: column \"visits\": outside the range the model keeps [2, 15] "+
			"(its ends are means of the 10th–19th most extreme training values, for privacy): %d values above it scored as 15; "+
			"the first is 1000 at line 2, column 2\n", next, beyond)
		want := note
		if beyond == 21 {
			want += "warning: " + next + ": column \"visits\": 21 of the 200 rows scored (10.5 %) lie above the range the model keeps [2, 15] " +
				"and were scored as 15: for that many rows the model is extrapolating on this feature, so read their scores with care\n"
		}
		if got := c.stderr.String(); got != want {
			t.Errorf("%d beyond: stderr\n%s\nwant\n%s", beyond, got, want)
		}
	}
}
