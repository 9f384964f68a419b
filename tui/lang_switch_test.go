package tui

import (
	"fmt"
	"testing"

	"github.com/retainlab/retain/tui/screentest"
)

// tabKeys are the keys of every tab, in tab order.
var tabKeys = []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "R", "T", "A"}

// other is the language the language key switches lang to.
func other(lang string) string {
	if lang == "zh" {
		return "en"
	}
	return "zh"
}

// TestLangKeySwitchesEveryScreen: after the language key, every tab and
// its help overlay read exactly as in a session started in the other
// language, with the same run analysed; a second press reads as the first
// language again. Each screen copied the language into its model when it
// was built, so without a switch that reaches every screen one would keep
// the old language.
func TestLangKeySwitchesEveryScreen(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		w, h := size[0], size[1]
		for _, from := range []string{"en", "zh"} {
			to := other(from)
			o := textbookOptions()
			o.Lang = from
			switched := pressAll(t, analysedModel(t, o, w, h, 2), langKey)
			back := pressAll(t, switched, langKey)
			o.Lang = to
			want := analysedModel(t, o, w, h, 2)
			o.Lang = from
			wantBack := analysedModel(t, o, w, h, 2)
			for _, k := range tabKeys {
				t.Run(fmt.Sprintf("%s_to_%s_tab%s_%dx%d", from, to, k, w, h), func(t *testing.T) {
					sameView(t, pressAll(t, switched, k), pressAll(t, want, k))
					sameView(t, pressAll(t, switched, k, "?"), pressAll(t, want, k, "?"))
					sameView(t, pressAll(t, back, k), pressAll(t, wantBack, k))
				})
			}
		}
	}
}

// TestLangKeyKeepsState: switching keeps the tab, the screen's place and
// a half-typed field; the state reads as it would have been built in the
// new language.
func TestLangKeyKeepsState(t *testing.T) {
	for _, from := range []string{"en", "zh"} {
		o := textbookOptions()
		o.Lang = from
		// The Model screen with a field open and half typed over.
		steps := []string{"2", "down", "down", "enter", "backspace", "7"}
		got := pressAll(t, pressAll(t, loadedModel(t, o, 100, 30), steps...), langKey)
		o.Lang = other(from)
		want := pressAll(t, loadedModel(t, o, 100, 30), steps...)
		if !got.editing() {
			t.Fatalf("%s: the field closed on the language key", from)
		}
		sameView(t, got, want)
		// The Data screen's preview, scrolled.
		o.Lang = from
		steps = []string{"1", "right", "down", "down"}
		got = pressAll(t, pressAll(t, loadedModel(t, o, 100, 30), steps...), langKey)
		o.Lang = other(from)
		sameView(t, got, pressAll(t, loadedModel(t, o, 100, 30), steps...))
	}
}

// sameView fails when the two models' screens differ, showing both.
func sameView(t *testing.T, got, want Model) {
	t.Helper()
	if g, w := screen(got), screen(want); g != w {
		t.Errorf("after the switch:\n%s\n\nstarted in that language:\n%s", g, w)
	}
}

var _ = screentest.Press
