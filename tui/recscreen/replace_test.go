package recscreen

import (
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/tui/screentest"
)

// typed presses each rune of text, without clearing the field first (as a
// user does, where typeText clears it).
func typed(s Model, text string) Model {
	for _, r := range text {
		s = press(s, string(r))
	}
	return s
}

// footer is the first help group as the footer writes it.
func footer(s Model) string {
	var parts []string
	for _, b := range s.HelpGroups()[0] {
		if b.Enabled() {
			parts = append(parts, b.Help().Key+" "+b.Help().Desc)
		}
	}
	return strings.Join(parts, " • ")
}

// TestTypingReplacesASetting: the cutoff, horizon and items-left-out
// fields opened on their value with the cursor after it, so 7 typed on a
// 30-day horizon read 307 (review 22). They open on it selected: what is
// typed replaces it; end (or ←/→) keeps it, to add to a list. The dates
// and counts are TestBadSettingsRefusedInPlace's: the log runs from
// 2024-01-01 to 2024-06-28, its default cutoff with a 30-day horizon is
// 2024-05-30, and 2024-06-28 minus 6 days is the latest cutoff a 7-day
// horizon evaluates at.
func TestTypingReplacesASetting(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		s := ready(t, screentest.Common(lang, 120, 30))
		s = press(s, "h")
		if got := s.input.Value(); got != "30" {
			t.Fatalf("%s: h opens the field on %q, want 30", lang, got)
		}
		if f, want := footer(s), s.T("type to replace • ←/→ to edit", "输入 即替换 • ←/→ 在原值上修改"); !strings.Contains(f, want) {
			t.Errorf("%s: footer %q, want it to hold %q", lang, f, want)
		}
		s = press(typed(s, "7"), "enter")
		if cutoff, h := s.Settings(); h != 7 || cutoff != "2024-06-22" || s.Editing() {
			t.Errorf("%s: 7 typed on a 30-day horizon: %d days, cutoff %s, editing %v (refusal %q); want 7 days from 2024-06-22",
				lang, h, cutoff, s.Editing(), s.fieldErr.In(s.Common))
		}
		s = press(typed(press(s, "c"), "2024-04-01"), "enter")
		if cutoff, _ := s.Settings(); cutoff != "2024-04-01" || s.Editing() {
			t.Errorf("%s: 2024-04-01 typed on the cutoff: %s, editing %v (refusal %q)", lang, cutoff, s.Editing(), s.fieldErr.In(s.Common))
		}
		s = press(typed(press(s, "i"), "K11"), "enter")
		s = press(typed(press(s, "i", "end"), ", ZZ9"), "enter")
		if !slices.Equal(s.exclude, []string{"K11", "ZZ9"}) {
			t.Errorf("%s: end then , ZZ9 on K11: left out %q, want K11, ZZ9", lang, s.exclude)
		}
		s = press(typed(press(s, "i"), "ZZ9"), "enter")
		if !slices.Equal(s.exclude, []string{"ZZ9"}) {
			t.Errorf("%s: ZZ9 typed on K11, ZZ9: left out %q, want ZZ9", lang, s.exclude)
		}
	}
}
