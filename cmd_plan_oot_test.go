package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// The plan's "The model" section says, for a model trained on an order
// log, that its figures are a random split at the training cutoff and
// gives the backtest that measures it out of time there (review 33, 7): the
// model of trainCDNOW is trained at 1997-06-30 with a 90-day horizon. The
// JSON says the same (validation_random_split); a per-user model's plan
// says nothing of it.
func TestPlanSaysRandomSplitOfALogModel(t *testing.T) {
	model := trainCDNOW(t)
	want := "These are a random split of the customers at its training cutoff, 1997-06-30, not an out-of-time test" +
		", which is what planning for customers at a later date calls for (their behaviour may have drifted). `retain backtest --log " +
		cdnowMaster + " --horizon 90d --cutoffs 1997-06-30` measures it out of time"
	c := newCLI(t)
	if code := c.run(context.Background(), "plan", "--model", model, "--log", cdnowMaster); code != exitOK {
		t.Fatalf("plan: exit %d, stderr %q", code, c.stderr.String())
	}
	md := c.stdout.String()
	if i := strings.Index(md, "## The model"); i < 0 || !strings.Contains(md[i:], want) {
		t.Errorf("The model section lacks %q:\n%s", want, md[max(0, strings.Index(md, "## The model")):])
	}
	j := newCLI(t)
	if code := j.run(context.Background(), "plan", "--model", model, "--log", cdnowMaster, "--json"); code != exitOK {
		t.Fatalf("plan --json: exit %d", code)
	}
	var doc struct {
		RandomSplit string `json:"validation_random_split"`
	}
	if err := json.Unmarshal(j.stdout.Bytes(), &doc); err != nil || !strings.HasPrefix(doc.RandomSplit, want) {
		t.Errorf("JSON validation_random_split %q (%v), want %q…", doc.RandomSplit, err, want)
	}
	shop := newCLI(t)
	if code := shop.run(context.Background(), "plan", "--model", shopModel(t)); code != exitOK {
		t.Fatalf("plan on the shop: exit %d", code)
	}
	if strings.Contains(shop.stdout.String(), "random split") {
		t.Error("a per-user model's plan speaks of a random split at a training cutoff")
	}
}
