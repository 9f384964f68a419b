package evalscreen

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestGainsShowWholeUsers: the gains table shows the whole users each
// tenth targets, ⌈share × n⌉ as the bands count them. Seven users, as in
// the CLI's TestGainsCountsInPart: the top tenth is 1 user (14 %), of two
// tied at the top with one positive, so 0.5 of the 3 positives (16.7 %,
// lift 0.5/3 ÷ 1/7 = 1.17); the top fifth 2 users (29 %), 1 positive
// (33.3 %, lift 1.17).
func TestGainsShowWholeUsers(t *testing.T) {
	gains, err := metrics.Gains([]float64{0.9, 0.9, 0.7, 0.6, 0.5, 0.4, 0.3}, []float64{1, 0, 1, 0, 0, 1, 0}, nil, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "zh"} {
		s := New(screentest.Common(lang, 160, 48))
		s.plan.target = experiment.Target{Direction: experiment.Prevent,
			Label: data.LabelSpec{Name: "churn", Positive: "yes", Negative: "no"}, OnPositive: true}
		s.plan.gains = gains
		var got []string
		for _, l := range s.gainsLines(40)[3:5] {
			got = append(got, strings.Join(strings.Fields(ansi.Strip(l)), " "))
		}
		if want := []string{"14 % 1 16.7 % 1.17×", "29 % 2 33.3 % 1.17×"}; strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: rows %q, want %q", lang, got, want)
		}
	}
}
