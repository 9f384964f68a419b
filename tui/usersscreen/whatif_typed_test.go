package usersscreen

import (
	"strconv"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
)

// TestWhatIfTypedValueReplacesTheUsersOwn: review 22 pressed enter on
// recency_days (3) in a what-if, typed 100 and got 3100, clipped to the
// model's range without a word of the 100 meant. The field opens on the
// user's value selected: what is typed replaces it, so the value set is
// the one typed, inside the range and without a clip note. The footer
// says typing replaces it while the value is selected; the export
// prompt's file name is selected the same way.
func TestWhatIfTypedValueReplacesTheUsersOwn(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		s := analysed(t, lang, 120, 40)
		s = pressAll(t, s, "down", "w")
		pc := s.Exp().Pipeline.Columns[0]
		own := s.explainer().Value(s.whatIf.cur, 0)
		// A user whose own value is not 0, which typed digits after it
		// would hide ("0" then "2.9" reads 2.9).
		for tries := 0; own == "0"; tries++ {
			if tries == 50 {
				t.Fatalf("%s: 50 users in a row have %s = 0", lang, pc.Name)
			}
			s = pressAll(t, s, "esc", "down", "w")
			own = s.explainer().Value(s.whatIf.cur, 0)
		}
		// Halfway along the model's range, to 4 significant digits: a
		// value the range does not clip (whatif_clip_test's "inside").
		typed := strconv.FormatFloat((pc.Min+pc.Max)/2, 'g', 4, 64)
		s = pressAll(t, s, "enter")
		if got := s.input.Value(); got != own || own == "" {
			t.Fatalf("%s: the field opens on %q, want the user's own %q", lang, got, own)
		}
		if footer := keysText(s.HelpGroups()[0]); !strings.Contains(footer, s.T("type to replace", "输入 即替换")) {
			t.Errorf("%s: the footer %q does not say typing replaces the value", lang, footer)
		}
		s = typeText(t, s, typed)
		if line := view(s); !strings.Contains(line, s.T("Value: ", "取值：")+typed+" ") {
			t.Errorf("%s: the prompt does not read %q:\n%s", lang, typed, line)
		}
		s = pressAll(t, s, "enter")
		want := pc.Name + " = " + s.display(pc.Name, s.explainer().Value(s.whatIf.cur, 0))
		if s.status.In(s.Common) != want || strings.Contains(s.status.In(s.Common), s.T("typed", "输入")) {
			t.Errorf("%s: status %q, want %q without a clip note", lang, s.status.In(s.Common), want)
		}
		if got := s.explainer().Value(s.whatIf.cur, 0); displayValue(got) != displayValue(typed) {
			t.Errorf("%s: %s set to %s, want %s", lang, pc.Name, got, typed)
		}

		s = pressAll(t, s, "esc", "x")
		s = typeText(t, s, "mine.csv")
		if got := s.input.Value(); got != "mine.csv" {
			t.Errorf("%s: the export field holds %q after mine.csv was typed, want mine.csv", lang, got)
		}
		s = pressAll(t, s, "esc")
	}
}

// keysText is bindings as the footer writes them: "key desc • key desc".
func keysText(bindings []key.Binding) string {
	var parts []string
	for _, b := range bindings {
		if b.Enabled() {
			parts = append(parts, b.Help().Key+" "+b.Help().Desc)
		}
	}
	return strings.Join(parts, " • ")
}
