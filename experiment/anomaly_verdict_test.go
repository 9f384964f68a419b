package experiment

import (
	"testing"

	"github.com/retainlab/retain/engine/metrics"
)

// TestRetrainVerdict: the verdict follows the paired test on the users not
// flagged, at the 5 % level, whatever the test on every user says.
func TestRetrainVerdict(t *testing.T) {
	pop := func(diff, p float64) RetrainPopulation {
		return RetrainPopulation{OK: true, Paired: &metrics.PairedAUC{Diff: diff, P: p}}
	}
	for _, c := range []struct {
		clean RetrainPopulation
		want  RetrainVerdict
	}{
		{RetrainPopulation{}, VerdictUntested},
		{RetrainPopulation{OK: true}, VerdictUntested},
		{pop(-0.021, 0.0004), VerdictWorse},
		{pop(0.015, 0.01), VerdictBetter},
		{pop(-0.003, 0.73), VerdictNoDifference},
		{pop(0.02, 0.05), VerdictNoDifference},
		// Review 33, finding 11: Δ +0.002 at p 0.049 on 3,232 users is
		// detectable but negligible, as is −0.0099 at p 0.001.
		{pop(0.002, 0.049), VerdictNegligible},
		{pop(-0.0099, 0.001), VerdictNegligible},
		{pop(0.01, 0.049), VerdictBetter},
	} {
		cmp := RetrainComparison{Clean: c.clean, All: pop(-0.5, 0)}
		if got := cmp.Verdict(); got != c.want {
			t.Errorf("%+v: verdict %d, want %d", c.clean, got, c.want)
		}
	}
}
