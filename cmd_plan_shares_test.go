package main

import (
	"context"
	"strings"
	"testing"
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
