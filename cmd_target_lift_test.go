package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
)

// The gains sentence under the table says a lift below 1 is worse than at
// random, not "0.8× better than at random".
func TestTargetGainsSentenceBelowRandom(t *testing.T) {
	target := experiment.DefaultTarget(data.LabelSpec{Name: "churn", Positive: "yes", Negative: "no"})
	for _, c := range []struct {
		row  metrics.GainsRow
		want string
	}{
		{metrics.GainsRow{Group: 1, Targeted: 10, ShareTargeted: 0.1, Positives: 1, ShareCaptured: 0.08, Lift: 0.8},
			"reaches 8.0% of those who have it: 0.8× the random rate: worse than at random.\n"},
		{metrics.GainsRow{Group: 1, Targeted: 10, ShareTargeted: 0.1, Positives: 3, ShareCaptured: 0.3, Lift: 3},
			"reaches 30.0% of those who have it: 3.0× better than at random.\n"},
	} {
		var b bytes.Buffer
		printTargetGains(&b, target, []metrics.GainsRow{c.row})
		if !strings.HasSuffix(b.String(), c.want) {
			t.Errorf("lift %g: %q, want it to end %q", c.row.Lift, b.String(), c.want)
		}
	}
}
