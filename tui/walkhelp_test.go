package tui

import (
	"strings"
	"testing"
)

// TestWalkthroughHelpListsTabOnce: on a walkthrough step with layers the
// help overlay listed tab both for the next layer and, under Screens, for
// the next screen, though tab moves to the next layer there.
func TestWalkthroughHelpListsTabOnce(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		o := textbookOptions()
		o.Lang = lang
		m := analysedModel(t, o, 120, 40, 2)
		m = pressAll(t, m, "5", "down", "6", "right", "right")
		if !m.walkScr.Walkthrough().KeyMap().Layer.Enabled() {
			t.Fatal("the forward step does not offer the next layer")
		}
		next := map[string]string{"en": "next screen", "zh": "下一页"}[lang]
		view := screen(pressAll(t, m, "?"))
		if strings.Contains(view, next) {
			t.Errorf("%s: the help says tab goes to the next screen on a layer step:\n%s", lang, view)
		}
		// On the first step tab has no layer: it switches screens, and the
		// help says so.
		first := pressAll(t, m, "left", "left", "?")
		view = screen(first)
		if first.walkScr.Walkthrough().KeyMap().Layer.Enabled() || !strings.Contains(view, next) {
			t.Errorf("%s: the first step's help lacks %q:\n%s", lang, next, view)
		}
	}
}
