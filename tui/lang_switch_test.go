package tui

import (
	"fmt"
	"testing"
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

// TestLangKeyKeepsState: switching keeps the tab, the screen's place,
// a half-typed field and what the screen says about the last key (a
// refusal), each read as in a session started in the new language that
// was given the same keys. Each refusal was kept as the text said in the
// old language.
func TestLangKeyKeepsState(t *testing.T) {
	cases := []struct {
		name     string
		analysed bool // a run trained and analysed first
		keys     []string
	}{
		{"model field half typed", false, []string{"2", "down", "down", "enter", "backspace", "7"}},
		{"model refusal", false, []string{"2", "down", "down", "down", "down", "down", "enter",
			"backspace", "backspace", "backspace", "backspace", "backspace", "-", "1", "enter"}},
		{"data preview scrolled", false, []string{"1", "right", "down", "down"}},
		{"data prompt refusal", false, []string{"1", "o", "enter"}},
		{"data seed refusal", false, []string{"1", "s", "x", "enter"}},
		{"users find prompt", true, []string{"5", "/", "z", "z"}},
		{"users find refusal", true, []string{"5", "/", "z", "z", "enter"}},
		{"plan field refusal", true, []string{"0", "b", "backspace", "backspace", "x", "enter"}},
		{"tune budget refusal", false, []string{"T", "b", "x", "enter"}},
		{"walkthrough step", true, []string{"6", "right", "right"}},
		{"help open", true, []string{"4", "?"}},
	}
	for _, c := range cases {
		for _, from := range []string{"en", "zh"} {
			t.Run(fmt.Sprintf("%s_%s", c.name, from), func(t *testing.T) {
				start := func(lang string) Model {
					o := textbookOptions()
					o.Lang = lang
					if c.analysed {
						return analysedModel(t, o, 100, 30, 2)
					}
					return loadedModel(t, o, 100, 30)
				}
				before := pressAll(t, start(from), c.keys...)
				got := pressAll(t, before, langKey)
				want := pressAll(t, start(other(from)), c.keys...)
				if got.active != want.active || got.editing() != want.editing() || got.help.ShowAll != want.help.ShowAll {
					t.Errorf("the switch changed the state: tab %d, editing %v, help %v; want %d, %v, %v",
						got.active, got.editing(), got.help.ShowAll, want.active, want.editing(), want.help.ShowAll)
				}
				sameView(t, got, want)
			})
		}
	}
}

// sameView fails when the two models' screens differ, showing both.
func sameView(t *testing.T, got, want Model) {
	t.Helper()
	if g, w := screen(got), screen(want); g != w {
		t.Errorf("after the switch:\n%s\n\nstarted in that language:\n%s", g, w)
	}
}
