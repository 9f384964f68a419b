package usersscreen

import (
	"testing"

	"github.com/retainlab/retain/tui/screentest"
)

// TestTypicalHeaderSaysWhatTheValuesAre: the English detail headed its
// typical values "median" beside a categorical level ("gender Male median
// Male") while Chinese said 典型值. Both say "median" when every feature
// is numeric (the textbook shop) and "typical" when levels are among them
// (the shop CSV's plan).
func TestTypicalHeaderSaysWhatTheValuesAre(t *testing.T) {
	for lang, want := range map[string][2]string{"en": {"median", "typical"}, "zh": {"中位数", "典型值"}} {
		numeric := analysedWith(t, screentest.Common(lang, 120, 40))
		if got := numeric.typicalHeader(numeric.Exp()); got != want[0] {
			t.Errorf("%s, textbook shop: %q, want %q", lang, got, want[0])
		}
		mixed := shopScreen(t, shopRun(t), lang, 120, 40)
		if got := mixed.typicalHeader(mixed.Exp()); got != want[1] {
			t.Errorf("%s, shop CSV: %q, want %q", lang, got, want[1])
		}
	}
}
