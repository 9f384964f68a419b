package planscreen

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/screentest"
)

// TestFieldsOpenOnTheirValueSelected: the Plan's fields opened empty with
// the value as a placeholder while every other screen's opened on it
// with the cursor after it (review 22). Every field now opens on its
// value selected, as the Model screen's settings do: what is typed
// replaces it (2 on a cost of 1 is 2), → keeps it to edit (100, →, 0 is
// 1000: on an empty field it was 0), enter
// on the value as opened keeps it and computes nothing again, and the
// export's file name is there to take or replace.
func TestFieldsOpenOnTheirValueSelected(t *testing.T) {
	run := screentest.TextbookRun(t)
	for _, lang := range screentest.Langs {
		s := planned(t, screentest.Common(lang, 100, 30), run)
		s = feed(t, s, screentest.Press("c"))
		if got := s.input.Value(); got != "1" {
			t.Fatalf("%s: c opens the cost's field on %q, want 1", lang, got)
		}
		var footer []string
		for _, b := range s.HelpGroups()[0] {
			footer = append(footer, b.Help().Key+" "+b.Help().Desc)
		}
		if f, want := strings.Join(footer, " • "), s.T("type to replace • ←/→ to edit", "输入 即替换 • ←/→ 在原值上修改"); !strings.Contains(f, want) {
			t.Errorf("%s: footer %q, want it to hold %q", lang, f, want)
		}
		s = feed(t, s, screentest.Press("esc"))
		s = typeIn(t, s, "c", "2")
		if got := s.in.assumptions.CostPerContact; got != 2 {
			t.Errorf("%s: 2 typed on a cost of 1: cost %v, want 2", lang, got)
		}
		s = feed(t, s, screentest.Press("v"))
		s = feed(t, s, screentest.Press("right"))
		s = feed(t, s, screentest.Press("0"))
		next, cmd := s.Update(screentest.Press("enter"))
		if s = next.(Model); cmd != nil {
			s = feed(t, s, cmd())
		}
		if got := s.in.assumptions.Value; got != 1000 {
			t.Errorf("%s: → then 0 on a value of 100: value %v, want 1000", lang, got)
		}
		s = feed(t, s, screentest.Press("v"))
		next, cmd = s.Update(screentest.Press("enter"))
		if s = next.(Model); cmd != nil || s.Editing() || s.in.assumptions.Value != 1000 {
			t.Errorf("%s: enter on the value as opened: a Cmd %v, editing %v, value %v; want none, closed, 1000", lang, cmd != nil, s.Editing(), s.in.assumptions.Value)
		}
		s = feed(t, s, screentest.Press("x"))
		if got := s.input.Value(); !s.Editing() || got != "plan-targets.csv" {
			t.Fatalf("%s: x opens the export's field (%v) on %q, want plan-targets.csv", lang, s.Editing(), got)
		}
		s = feed(t, s, tea.KeyPressMsg{Code: 'a', Text: "a"})
		if got := s.input.Value(); got != "a" {
			t.Errorf("%s: a typed on the file name: %q, want a", lang, got)
		}
	}
}
