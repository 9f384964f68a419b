package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestPredictLogLaterCutoffSaysWhy: a model trained on an order log at a
// cutoff and asked to score the log at its last date, later, finds the
// oldest customers' tenure_days above any in training, by construction
// (review31 #5: the README's own workflow warned "extrapolating" on 39 %
// of online_retail's customers with nothing to do about it). The warning
// now says why and what to do; at the model's own cutoff nothing warns.
//
// The log: 200 customers, customer i first ordering on day i of 2024 and
// then every 20 days (odd i: 45) up to day 400 (2025-02-04), with day 400
// itself an order (the last date); trained at day 300
// (2024-10-27) with a 30-day horizon, each training tenure is 300 − i
// days, at most 300; scored at day 400 each is 400 − i, 100 days longer,
// so every customer first seen before day 400 − max lies above the range
// (the model keeps its end from the 10th–19th largest tenures, read here
// from the model file).
func TestPredictLogLaterCutoffSaysWhy(t *testing.T) {
	day0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var b strings.Builder
	b.WriteString("customer_id,order_date,amount\n")
	for i := range 200 {
		step := 20
		if i%2 == 1 {
			step = 45 // some of these have no order in the horizon
		}
		for d := i; d <= 400; d += step {
			fmt.Fprintf(&b, "c%03d,%s,%d\n", i, day0.AddDate(0, 0, d).Format(time.DateOnly), 10+i%7)
		}
	}
	fmt.Fprintf(&b, "c000,%s,10\n", day0.AddDate(0, 0, 400).Format(time.DateOnly))
	log := writeFile(t, "orders.csv", b.String())
	model := t.TempDir() + "/m.json"
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--log", log, "--cutoff", "2024-10-27", "--horizon", "30d",
		"--epochs", "1", "--layers", "8", "--out", model); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	hi := pipelineColumn(t, readModel(t, model), "tenure_days").Max
	above := 0
	for i := range 200 {
		if float64(400-i) > hi {
			above++
		}
	}
	if above*10 <= 200 || above < 20 {
		t.Fatalf("%d of 200 customers above the kept end %v: the case would not warn", above, hi)
	}

	c = newCLI(t)
	if code := c.run(context.Background(), "predict", "--model", model, "--log", log); code != exitOK {
		t.Fatalf("predict: exit %d, stderr %q", code, c.stderr.String())
	}
	warn := fmt.Sprintf("warning: %s: column \"tenure_days\": %d of the 200 rows scored (%.1f %%) lie above the range the model keeps",
		log, above, 100*float64(above)/200)
	advice := "This is expected when scoring later than training: the model was trained on the customers at 2024-10-27 " +
		"and these are scored at 2025-02-04, 100 days later, so tenure_days, which counts days up to the cutoff, is longer than any in training " +
		"for the longest-standing customers; they are scored as the model's longest-standing ones were. " +
		"To score within the model's range, either score as of its cutoff (retain predict --model " + model + " --log " + log + " --cutoff 2024-10-27), " +
		"or, once the log runs 30 days past 2025-02-04, retrain (retain train --log FILE --horizon 30d trains at the latest cutoff the log allows)\n"
	got := c.stderr.String()
	i := strings.Index(got, warn)
	if i < 0 {
		t.Fatalf("stderr lacks %q:\n%s", warn, got)
	}
	if line, _, _ := strings.Cut(got[i:], "\n"); !strings.HasSuffix(line+"\n", "read their scores with care. "+advice) {
		t.Errorf("warning\n%s\nwant it to end with the advice\n%s", line, advice)
	}

	// At the model's cutoff the tenures are training's: no warning.
	c = newCLI(t)
	if code := c.run(context.Background(), "predict", "--model", model, "--log", log, "--cutoff", "2024-10-27"); code != exitOK {
		t.Fatalf("predict --cutoff: exit %d, stderr %q", code, c.stderr.String())
	}
	if strings.Contains(c.stderr.String(), "warning:") {
		t.Errorf("at the model's cutoff:\n%s", c.stderr.String())
	}
}
