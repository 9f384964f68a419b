package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
)

// whyConstant is what a plan to encourage with one value for every
// customer says under its headline.
const whyConstant = "The least likely first, as a contact can only convert a customer who would not convert anyway " +
	"(success × (1 − P) each); the gains, lift and bands of `retain eval` rank the most likely first to measure the model, " +
	"not to choose whom to contact."

// TestPlanSaysWhyTheLeastLikelyFirst: `retain eval` ranks the users most
// likely to have the outcome first, a plan to encourage it contacts the
// least likely first. Review 22 found the TUI's two screens giving that
// opposite advice without a word of why; the plan's report says it under
// its headline (JSON: ranking_note), and a plan to prevent, which agrees
// with eval, says nothing of it.
func TestPlanSaysWhyTheLeastLikelyFirst(t *testing.T) {
	model := shopModel(t)
	args := []string{"plan", "--model", model, "--cost", "1", "--value", "30", "--success", "0.2"}
	md, js := newCLI(t), newCLI(t)
	if md.run(context.Background(), args...) != exitOK || js.run(context.Background(), append(args, "--json")...) != exitOK {
		t.Fatalf("stderr %q %q", md.stderr.String(), js.stderr.String())
	}
	var doc struct {
		Why  string `json:"ranking_note"`
		Plan struct {
			Headline string `json:"headline"`
			Target   string `json:"target"`
		} `json:"plan"`
	}
	if err := json.Unmarshal(js.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Plan.Target != "encourage" || !strings.HasPrefix(doc.Plan.Headline, "Contact the ") {
		t.Fatalf("want an encouraging campaign, got %s: %q", doc.Plan.Target, doc.Plan.Headline)
	}
	if doc.Why != whyConstant {
		t.Errorf("ranking_note %q, want %q", doc.Why, whyConstant)
	}
	if want := "**" + doc.Plan.Headline + "**\n\n" + whyConstant + "\n\n"; !strings.Contains(md.stdout.String(), want) {
		t.Errorf("Markdown lacks %q under the headline:\n%s", whyConstant, md.stdout.String())
	}
	prevent := newCLI(t)
	if prevent.run(context.Background(), append(args, "--target", "prevent")...) != exitOK {
		t.Fatal(prevent.stderr.String())
	}
	if strings.Contains(prevent.stdout.String(), "least likely first") {
		t.Errorf("a plan to prevent says why the least likely come first:\n%s", prevent.stdout.String())
	}
}

// TestPlanWhyWithValues: ranked by (1 − P) × value with a value column; no
// sentence when no campaign pays.
func TestPlanWhyWithValues(t *testing.T) {
	best := experiment.PlanPoint{Share: 0.5, Contacted: 10, Outcomes: 3}
	r := &experiment.PlanReport{Target: "encourage", ValueColumn: "monetary_avg", Best: best}
	if got := planWhy(r); !strings.HasPrefix(got, "Ranked by (1 − P) × value, as a contact can only convert a customer who would not convert anyway; ") {
		t.Errorf("with values: %q", got)
	}
	r.Best.Outcomes = 0.4
	if got := planWhy(r); got != "" {
		t.Errorf("no campaign pays, yet %q", got)
	}
}

// The gains sentence of eval for an outcome to encourage measures the
// model and says that plan contacts the least likely first; for one to
// prevent (for this label, not purchasing) it stays contact advice.
func TestTargetGainsSentenceEncourage(t *testing.T) {
	label := data.LabelSpec{Name: "purchased", Positive: "yes", Negative: "no"}
	row := metrics.GainsRow{Group: 1, Targeted: 10, ShareTargeted: 0.1, Positives: 3, ShareCaptured: 0.3, Lift: 3}
	for _, c := range []struct {
		t    experiment.Target
		want string
	}{
		{experiment.NewTarget(label, experiment.Encourage),
			"The 10.0% of users most likely to have purchased = yes hold 30.0% of those who have it: 3.0× better than at random. " +
				"`retain plan` contacts the least likely first instead, as a contact can only convert a user who would not convert anyway.\n"},
		{experiment.NewTarget(label, experiment.Prevent),
			"Contacting the 10.0% of users at highest risk of purchased = no reaches 30.0% of those who have it: 3.0× better than at random.\n"},
	} {
		var b bytes.Buffer
		printTargetGains(&b, c.t, []metrics.GainsRow{row})
		if !strings.HasSuffix(b.String(), c.want) {
			t.Errorf("%s: %q, want it to end %q", c.t, b.String(), c.want)
		}
	}
}
