package main

import (
	"context"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// A plan's "value in play" is what a contact can change (review 33, 3b):
// with one value v for everyone, a segment of n customers of mean
// probability m has n·v·m in play preventing the outcome (Σ P × v) and
// n·v·(1 − m) encouraging it (Σ (1 − P) × v), an identity of the JSON's
// own figures. It used to be n·v·m both ways, so an encouraging plan put
// the segments most likely to buy anyway first in its suggested actions.
func TestPlanValueInPlay(t *testing.T) {
	model := shopModel(t)
	for _, target := range []string{"encourage", "prevent"} {
		c := newCLI(t)
		if code := c.run(context.Background(), "plan", "--model", model, "--target", target, "--cost", "2", "--value", "50",
			"--success", "0.25", "--json"); code != exitOK {
			t.Fatalf("plan --target %s: exit %d, stderr %q", target, code, c.stderr.String())
		}
		type cell struct {
			Segment   string  `json:"segment"`
			Customers int     `json:"customers"`
			MeanP     float64 `json:"mean_probability"`
			InPlay    float64 `json:"value_in_play"`
		}
		var doc struct {
			Plan struct {
				Segments []cell `json:"segments"`
				Actions  []cell `json:"actions"`
			} `json:"plan"`
		}
		if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		cells := append(doc.Plan.Segments, doc.Plan.Actions...)
		if len(doc.Plan.Actions) < 2 {
			t.Fatalf("%s: %d action cells", target, len(doc.Plan.Actions))
		}
		for _, g := range cells {
			q := g.MeanP
			if target == "encourage" {
				q = 1 - q
			}
			if want := 50 * float64(g.Customers) * q; math.Abs(g.InPlay-want) > 1e-6*want {
				t.Errorf("%s: %s: value in play %g, want 50 × %d × %.6f = %g", target, g.Segment, g.InPlay, g.Customers, q, want)
			}
		}
		md := newCLI(t)
		if code := md.run(context.Background(), "plan", "--model", model, "--target", target, "--cost", "2", "--value", "50",
			"--success", "0.25"); code != exitOK {
			t.Fatalf("plan: exit %d", code)
		}
		want := map[string]string{"encourage": "Value in play: Σ (1 − P) × value", "prevent": "Value in play: Σ P × value"}[target]
		if !strings.Contains(md.stdout.String(), want) {
			t.Errorf("%s: the report does not say %q", target, want)
		}
	}
}
