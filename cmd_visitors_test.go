package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An event log's visitors who viewed but had not bought by the cutoff get
// no row: train, predict and plan say how many, and the load note says the
// views are not orders but are used as features (review 38 #7).
//
// The log, by hand: customers c00–c59 view on 1998-01-05, buy on 01-10
// and 02-15, the even ones again on 04-15, and c01 on 05-30; v1 views
// and adds to cart in January and February, v2 views on 03-20, v3 on
// 04-02; c99 views on 02-20 and first buys on 04-20. 217 lines, 152 orders
// (60×2 + 30 + 1 + 1), 65 events (64 views, 1 cart add). At the train
// cutoff 1998-03-31 the visitors without a purchase are v1, v2 and c99
// (3); at predict's and plan's, the log's last day 1998-05-30, v1, v2 and
// v3 (3: c99 has bought by then).
func TestEventLogVisitorsNotScored(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("customer_id,date,event_type,amount\n")
	for i := range 60 {
		c := fmt.Sprintf("c%02d", i)
		b.WriteString(c + ",1998-01-05,view,0\n" + c + ",1998-01-10,purchase,10\n" + c + ",1998-02-15,purchase,12\n")
		if i%2 == 0 {
			b.WriteString(c + ",1998-04-15,purchase,9\n")
		}
	}
	b.WriteString("v1,1998-01-05,view,0\nv1,1998-02-05,addtocart,0\nv2,1998-03-20,view,0\nv3,1998-04-02,view,0\n")
	b.WriteString("c99,1998-02-20,view,0\nc99,1998-04-20,purchase,30\nc01,1998-05-30,purchase,5\n")
	log := filepath.Join(dir, "ev.csv")
	if err := os.WriteFile(log, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		c := newCLI(t)
		if code := c.run(context.Background(), args...); code != exitOK {
			t.Fatalf("%v: exit %d, %s", args, code, c.stderr.String())
		}
		return c.stderr.String()
	}
	model := filepath.Join(dir, "m.json")
	notes := run("train", "--log", log, "--cutoff", "1998-03-31", "--horizon", "30d", "--epochs", "2", "--out", model)
	const events = `; not orders but used as features: 65 events that are not purchases ("view" 64, "addtocart" 1)`
	if !strings.Contains(notes, "ev.csv: 217 lines make 152 orders"+events+"\n") {
		t.Errorf("train's load note does not say the events are used as features:\n%s", notes)
	}
	const trainSays = "note: " + "%s: 3 visitors with events but no purchase on or before the cutoff (1998-03-31) are not customers here and are not scored: only customers with a purchase have a row (their views and cart adds make the event features)\n"
	if want := strings.Replace(trainSays, "%s", log, 1); !strings.Contains(notes, want) {
		t.Errorf("train does not count the visitors not scored, want\n%s\ngot\n%s", want, notes)
	}
	for _, cmd := range []string{"predict", "plan"} {
		notes := run(cmd, "--model", model, "--log", log)
		want := "note: " + log + ": 3 visitors with events but no purchase on or before the cutoff (1998-05-30) are not customers here and are not scored"
		if !strings.Contains(notes, want) {
			t.Errorf("%s does not count the visitors not scored, want\n%s\ngot\n%s", cmd, want, notes)
		}
	}
}
