package usersscreen

import (
	"testing"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// TestWhatIfSweepSurvivesALanguageSwitch: ctrl+l relabelled the sweep from
// a screen built afresh, without data, so its x caption (the feature's
// name) became the widget's default "epoch" — English on the Chinese
// screen — and stayed so after switching back (review29 #1). Switched to
// a language and back, the what-if view is the one built in that language,
// for a categorical feature (bars, "◂ now" mark) and a numeric one (curve,
// captioned with the feature's name).
func TestWhatIfSweepSurvivesALanguageSwitch(t *testing.T) {
	run := shopRun(t)
	for _, keys := range [][]string{{"w"}, {"w", "down"}, {"w", "down", "down"}} {
		screentest.ForEach(t, func(t *testing.T, c common.Common) {
			other := map[string]string{"en": "zh", "zh": "en"}[c.Lang]
			direct := pressAll(t, selectID(t, shopScreen(t, run, c.Lang, c.Width, c.Height), "C0004"), keys...)
			want := screentest.Render(direct, c.Width, c.Height)
			switched := pressAll(t, selectID(t, shopScreen(t, run, other, c.Width, c.Height), "C0004"), keys...)
			switched.SetLang(c.Lang)
			if got := screentest.Render(switched, c.Width, c.Height); got != want {
				t.Errorf("%v, switched from %s:\n%s\nwant, as built in %s:\n%s", keys, other, got, c.Lang, want)
			}
			switched.SetLang(other)
			switched.SetLang(c.Lang)
			if got := screentest.Render(switched, c.Width, c.Height); got != want {
				t.Errorf("%v, after a round trip:\n%s\nwant:\n%s", keys, got, want)
			}
		})
	}
}
