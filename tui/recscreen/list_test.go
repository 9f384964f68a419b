package recscreen

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestLeaveOutSpaceSeparatedIds: ids pasted with spaces between them
// ("K11 A10", copied from a line of text) were left out as one id "K11
// A10", which no line has; they are two ids now. An item whose id holds a
// space (BANK CHARGES, as in online_retail) is left out in a list with a
// comma, alone with a comma after it or alone as the log writes it, and i opens the field with it
// written so, which enter reads back as the same list.
func TestLeaveOutSpaceSeparatedIds(t *testing.T) {
	s := ready(t, screentest.Common("en", 160, 30))
	s = press(s, "i")
	s, cmd := feed(s, tea.PasteMsg{Content: "K11 A10"})
	s = press(drain(s, cmd), "enter")
	if !slices.Equal(s.exclude, []string{"K11", "A10"}) || !slices.Equal(s.log.Excluded, []string{"K11", "A10"}) {
		t.Fatalf("pasted K11 A10: left out %q, the log %q", s.exclude, s.log.Excluded)
	}
	if v := ansiFree(s.View()); !strings.Contains(v, "without K11, A10 (i)") {
		t.Errorf("the settings line does not say what is left out:\n%s", v)
	}

	text, err := os.ReadFile(itemLog)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "orders.csv")
	text = append(text, "5998,BANK CHARGES,Bank charges,1,2024-02-01 10:00,15.00,c07\n"...)
	if err := os.WriteFile(path, text, 0o600); err != nil {
		t.Fatal(err)
	}
	d, err := experiment.Load(experiment.Source{Kind: "log", Path: path}, open)
	if err != nil {
		t.Fatal(err)
	}
	c := screentest.Common("en", 160, 30)
	s = New(c, open)
	s.SetSize(c.Width, c.Height)
	s = drain(s, s.SetData(d))
	for _, typed := range []struct {
		text string
		want []string
	}{
		{"BANK CHARGES, K11", []string{"BANK CHARGES", "K11"}},
		{"BANK CHARGES,", []string{"BANK CHARGES"}},
		// Alone without a comma: the whole text is one of the log's items.
		{"K11", []string{"K11"}},
		{"BANK CHARGES", []string{"BANK CHARGES"}},
		{"  BANK CHARGES ", []string{"BANK CHARGES"}},
	} {
		s = press(typeText(press(s, "i"), typed.text), "enter")
		if !slices.Equal(s.exclude, typed.want) || !slices.Equal(s.log.Excluded, typed.want) || len(s.log.NotFound) > 0 {
			t.Fatalf("%q: left out %q, the log %q, not found %q", typed.text, s.exclude, s.log.Excluded, s.log.NotFound)
		}
	}
	s = press(s, "i")
	if got := s.input.Value(); got != "BANK CHARGES," {
		t.Errorf("i opens the field with %q, want %q", got, "BANK CHARGES,")
	}
	before := s.log
	if s = press(s, "enter"); s.log != before || !slices.Equal(s.exclude, []string{"BANK CHARGES"}) {
		t.Errorf("enter on the field as opened left out %q", s.exclude)
	}
}
