package usersscreen

import (
	"strings"
	"testing"
)

// TestWhatIfRefusalInBothLanguages: a level the column does not have was
// refused in English only, with the package prefix ("✗ experiment: plan
// has no level …") and cut at 80 columns. It now reads in the interface's
// language, without the prefix, wrapped in full.
func TestWhatIfRefusalInBothLanguages(t *testing.T) {
	for lang, want := range map[string]string{
		"en": `✗ plan has no level "gold" (levels: basic, plus, premium)`,
		"zh": `✗ plan 没有取值“gold”（可选：basic、plus、premium）`,
	} {
		s := shopScreen(t, shopRun(t), lang, 80, 24)
		s = pressAll(t, s, "w")
		for s.Exp().Pipeline.Columns[s.whatIf.col].Name != "plan" {
			s = pressAll(t, s, "down")
			if s.whatIf.col == 0 {
				t.Fatal("no plan column")
			}
		}
		s = pressAll(t, s, "enter")
		for range 12 {
			s = pressAll(t, s, "backspace")
		}
		for _, r := range "gold" {
			s = pressAll(t, s, string(r))
		}
		s = pressAll(t, s, "enter")
		if s.status.In(s.Common) != want {
			t.Errorf("%s: status %q, want %q", lang, s.status.In(s.Common), want)
		}
		// Every word of it is on screen: wrapped, not cut.
		flat := strings.Join(strings.Fields(view(s)), " ")
		for _, word := range strings.Fields(strings.TrimPrefix(want, "✗ ")) {
			if !strings.Contains(flat, word) {
				t.Errorf("%s: %q is not on screen:\n%s", lang, word, view(s))
			}
		}
	}
}
