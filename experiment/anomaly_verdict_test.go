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
	} {
		cmp := RetrainComparison{Clean: c.clean, All: pop(-0.5, 0)}
		if got := cmp.Verdict(); got != c.want {
			t.Errorf("%+v: verdict %d, want %d", c.clean, got, c.want)
		}
	}
}
