package usersscreen

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/tui/widget"
)

// TestDetailSaysWhatTheAverageIs: a blank read "missing → 2,264.695
// (mean)" beside an "average" of 1,025, e^(mean of ln(1+v)) − 1, with no
// word on why the two means differ (review r25 #1). Under the feature
// table of a model with a ln(1+v) column (the shop's
// days_since_last_login, TestDetailShowsTheAverageUser), a note now says
// what the average column holds, in both languages.
func TestDetailSaysWhatTheAverageIs(t *testing.T) {
	run := shopRun(t)
	for lang, want := range map[string]string{"en": "geometric-type mean", "zh": "几何型均值"} {
		s := shopScreen(t, run, lang, 160, 48)
		lines := s.detailLines(100, 200)
		text := strings.Join(strings.Fields(ansi.Strip(strings.Join(lines, " "))), "")
		if !strings.Contains(text, strings.ReplaceAll(want, " ", "")) {
			t.Errorf("%s: the detail lacks %q:\n%s", lang, want, ansi.Strip(strings.Join(lines, "\n")))
		}
	}
}

// TestReasonsKeepThreeDecimals: the reasons were printed with decimals
// chosen by the largest of them, +0.252 for a user and +0.0627 once a
// what-if made the largest smaller (review r25 #5); they are shares of a
// probability and keep its three decimals.
func TestReasonsKeepThreeDecimals(t *testing.T) {
	s := shopScreen(t, shopRun(t), "en", 160, 48)
	for _, values := range [][]float64{{0.252, -0.04}, {0.0627, -0.004}} {
		s.bars.SetBars([]widget.Bar{{Label: "a", Value: values[0]}, {Label: "b", Value: values[1]}})
		v := ansi.Strip(s.bars.View())
		for _, want := range []string{reasonText(values[0]), reasonText(values[1])} {
			if !strings.Contains(v, want) {
				t.Errorf("bars of %v lack %q:\n%s", values, want, v)
			}
		}
	}
	for v, want := range map[float64]string{0.0627: "+0.063", -0.004: "−0.004", 0.252: "+0.252"} {
		if got := reasonText(v); got != want {
			t.Errorf("reasonText(%g) = %q, want %q", v, got, want)
		}
	}
}
