package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
)

// TestGainsCountsInPart: with 7 users a tenth is 0.7 of a user, so the gains
// table writes its users to one decimal and says why, where whole cuts are
// written whole. Worked by hand: scores 0.9 … 0.3 with labels 1,0,1,0,0,1,0
// (3 positives); the top 10 % is 0.7 of the first user, a positive, so 0.7
// positives are captured (23.3 %, lift 0.7/3/0.1 = 2.33); 100 % is all 7.
func TestGainsCountsInPart(t *testing.T) {
	scores := []float64{0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3}
	labels := []float64{1, 0, 1, 0, 0, 1, 0}
	gains, err := metrics.Gains(scores, labels, nil, 10)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	tg := experiment.Target{Direction: experiment.Prevent, Label: data.LabelSpec{Name: "churn", Positive: "yes", Negative: "no"}, OnPositive: true}
	printTargetGains(&b, tg, gains)
	out := b.String()
	for _, want := range []string{
		"10.0%    0.7     0.9000           0.7     23.3%  2.33",
		"100.0%      7     0.3000             3    100.0%  1.00",
		"(10.0% of 7 users is 0.7: a share whose cut falls inside one user",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("gains output lacks %q:\n%s", want, out)
		}
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
