package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestEvalGainsCountWholeUsers evaluates on 295 users, where a tenth is
// 29.5: the top decile is ⌈29.5⌉ = 30 whole users (10.2 %), as the bands
// count it. The users with the outcome among them, and so the captured
// share and the lift, are counted here from predict's probabilities of the
// same rows: the 30 highest P(churn = yes), their churn = yes counted.
func TestEvalGainsCountWholeUsers(t *testing.T) {
	model, _ := trainWithTarget(t, usersCSV(t, 300))
	raw, err := os.ReadFile(usersCSV(t, 300))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(raw), "\n")
	users := writeFile(t, "u295.csv", strings.Join(lines[:296], ""))

	c := newCLI(t)
	if code := c.run(context.Background(), "predict", "--model", model, "--data", users); code != exitOK {
		t.Fatalf("predict: exit %d, %s", code, c.stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(c.stdout.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := csv.NewReader(strings.NewReader(strings.Join(lines[:296], ""))).ReadAll()
	type user struct {
		p     float64
		churn bool
	}
	var us []user
	churners := 0
	for i, r := range recs[1:] {
		u := user{parseFloat(t, r[1]), rows[i+1][4] == "yes"}
		us = append(us, u)
		if u.churn {
			churners++
		}
	}
	slices.SortStableFunc(us, func(a, b user) int {
		switch {
		case a.p > b.p:
			return -1
		case a.p < b.p:
			return 1
		}
		return 0
	})
	if len(us) != 295 || us[29].p == us[30].p {
		t.Fatalf("%d users, the 30th and 31st tied: the count by hand would need the tie rule", len(us))
	}
	captured := 0
	for _, u := range us[:30] {
		if u.churn {
			captured++
		}
	}
	lift := float64(captured) / float64(churners) / (30.0 / 295)

	c = newCLI(t)
	if code := c.run(context.Background(), "eval", "--model", model, "--data", users, "--json"); code != exitOK {
		t.Fatalf("eval --json: exit %d, %s", code, c.stderr)
	}
	var doc struct {
		Gains []struct {
			Share    float64 `json:"share_targeted"`
			Targeted float64 `json:"targeted"`
			Pos      float64 `json:"positives"`
			Lift     float64 `json:"lift"`
		} `json:"gains"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Gains) != 10 {
		t.Fatalf("JSON has %d gains rows:\n%s", len(doc.Gains), c.stdout)
	}
	g := doc.Gains[0]
	if g.Targeted != 30 || g.Share != 30.0/295 || g.Pos != float64(captured) || math.Abs(g.Lift-lift) > 1e-12 {
		t.Errorf("top decile %+v; want 30 users (share 30/295), %d with the outcome, lift %v", g, captured, lift)
	}

	c = newCLI(t)
	if code := c.run(context.Background(), "eval", "--model", model, "--data", users); code != exitOK {
		t.Fatalf("eval: exit %d, %s", code, c.stderr)
	}
	var row []string
	for _, l := range strings.Split(c.stdout.String(), "\n") {
		if f := strings.Fields(l); len(f) == 6 && f[0] == "10.2%" && f[1] == "30" {
			row = f
		}
	}
	if f := row; len(f) != 6 || f[3] != fmt.Sprint(captured) || f[5] != fmt.Sprintf("%.2f", lift) {
		t.Errorf("the top decile's row %q: want 30 users, %d with the outcome, lift %.2f:\n%s", row, captured, lift, c.stdout)
	}
}
