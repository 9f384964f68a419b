package main

import (
	"context"
	"os"
	"strings"
	"testing"
)

// TestRecommendSaysWhomItLeavesOut (review 33, finding 5): a customer
// whose every order was cancelled in full has no item left to rank from,
// and recommend left them out without a word while predict and plan,
// which count orders, score them. Customer 99999 of this log orders SKU03
// on 2011-01-10 and cancels all 5 units the same day: recommend ranks the
// other 40 and says it left 1 out and why. It also says which date its
// cutoff's history ends on: the default cutoff 2011-03-02 is the day
// after the log's last date, 2011-03-01, predict's "active at" date.
func TestRecommendSaysWhomItLeavesOut(t *testing.T) {
	path := retailStyleLog(t, iiHeader)
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.WriteString("600001,SKU03,THING 3,5,2011-01-10 09:00:00,1.75,99999,United Kingdom\n" +
		"C600002,SKU03,THING 3,-5,2011-01-10 09:20:00,1.75,99999,United Kingdom\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	c := newCLI(t)
	if code := c.run(context.Background(), "recommend", "--log", path, "--horizon", "10d", "--top", "3"); code != 0 {
		t.Fatalf("exit %d: %s", code, c.stderr)
	}
	for _, want := range []string{
		"note: 1 customer is left out: they cancelled or returned in full every item they ordered, so no history is left to rank from; predict, plan, cohorts and anomalies, which count orders rather than the items kept, keep them",
		`note: the history is every order before the cutoff 2011-03-02, up to 2011-03-01: the date retain predict and plan call "active at" and train --log the cutoff`,
		"Ranked 40 customers",
	} {
		if !strings.Contains(c.stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, c.stderr)
		}
	}
	if strings.Contains(c.stdout.String(), "99999") {
		t.Error("customer 99999 has recommendations")
	}
}
