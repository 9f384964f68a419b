package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
)

// TestGainsCountsInPart: with 7 users a tenth is ⌈0.7⌉ = 1 whole user, as
// bands count it; only users tied at a cut are counted in part, and the
// table then writes the users with the outcome to one decimal and says why.
// Worked by hand: scores 0.9, 0.9, 0.7 … 0.3 with labels 1,0,1,0,0,1,0 (3
// positives); the top 10 % is 1 user (14.3 %) of the two tied at 0.9, one
// of them positive, so 0.5 captured (16.7 %, lift 0.5/3 ÷ 1/7 = 1.17); the
// top 20 % is ⌈1.4⌉ = 2 users (28.6 %), both tied ones, 1 captured (33.3 %,
// lift 1/3 ÷ 2/7 = 1.17); 100 % is all 7.
func TestGainsCountsInPart(t *testing.T) {
	scores := []float64{0.9, 0.9, 0.7, 0.6, 0.5, 0.4, 0.3}
	labels := []float64{1, 0, 1, 0, 0, 1, 0}
	gains, err := metrics.Gains(scores, labels, nil, 10)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	tg := experiment.Target{Direction: experiment.Prevent, Label: data.LabelSpec{Name: "churn", Positive: "yes", Negative: "no"}, OnPositive: true}
	printTargetGains(&b, tg, gains)
	out := b.String()
	rows := map[string]string{}
	for _, l := range strings.Split(out, "\n") {
		if f := strings.Fields(l); len(f) == 6 && strings.HasSuffix(f[0], "%") {
			rows[f[0]] = strings.Join(f[1:], " ")
		}
	}
	for share, want := range map[string]string{
		"14.3%":  "1 0.9000 0.5 16.7% 1.17",
		"28.6%":  "2 0.9000 1 33.3% 1.17",
		"100.0%": "7 0.3000 3 100.0% 1.00",
	} {
		if rows[share] != want {
			t.Errorf("row %s: %q, want %q:\n%s", share, rows[share], want, out)
		}
	}
	if note := "(1 of 7 users counts 0.5 with the outcome: a cut that falls inside users tied on the probability counts them in part, " +
		"the average of breaking the tie at random; bands break ties by row order.)\n"; !strings.Contains(out, note) {
		t.Errorf("gains output lacks %q:\n%s", note, out)
	}

	// Ten users cut on whole users: no decimals and no note.
	b.Reset()
	gains, err = metrics.Gains([]float64{1, .9, .8, .7, .6, .5, .4, .3, .2, .1}, []float64{1, 0, 1, 0, 0, 1, 0, 0, 0, 0}, nil, 10)
	if err != nil {
		t.Fatal(err)
	}
	printTargetGains(&b, tg, gains)
	if strings.Contains(b.String(), "(10.0% of") || !strings.Contains(b.String(), " 10.0%      1 ") {
		t.Errorf("whole cuts:\n%s", b.String())
	}
}
