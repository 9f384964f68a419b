package datascreen

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestSettingPromptsReplaceTheirValue: s, u and h opened on the seed,
// cutoff and horizon with the cursor after them, so 60 typed on a
// 30-day horizon asked for 3,060 days (review 22's finding, on the Data
// screen too). They open on the value selected: what is typed replaces
// it, and the footer says so. o and g now do the same with the file's
// folder (TestPathPromptsReplaceTheirFolder).
func TestSettingPromptsReplaceTheirValue(t *testing.T) {
	for _, lang := range screentest.Langs {
		s := loaded(t, screentest.Common(lang, 80, 24), experiment.Source{Kind: "log", Path: "/data/orders.csv"}, orderLog())
		src := s.data.Source
		for _, c := range []struct{ key, typed string }{{"h", "60"}, {"u", "1998-06-30"}, {"s", "7"}} {
			s := keys(s, c.key)
			var footer []string
			for _, b := range s.HelpGroups()[0] {
				if b.Enabled() {
					footer = append(footer, b.Help().Key+" "+b.Help().Desc)
				}
			}
			if f, want := strings.Join(footer, " • "), s.T("type to replace • ←/→ to edit", "输入 即替换 • ←/→ 在原值上修改"); !strings.Contains(f, want) {
				t.Errorf("%s %s: footer %q, want it to hold %q", lang, c.key, f, want)
			}
			s = keys(s, strings.Split(c.typed, "")...)
			_, cmd := s.step(tea.KeyPressMsg{Code: tea.KeyEnter})
			if cmd == nil {
				t.Fatalf("%s %s %s: enter refused it: %q", lang, c.key, c.typed, s.PromptErr())
			}
			switch msg := cmd().(type) {
			case OpenMsg:
				want := src
				if c.key == "h" {
					// The default cutoff follows the horizon: the root
					// loads it again (TestHorizonMovesTheDefaultCutoff).
					want.HorizonDays, want.Cutoff = 60, time.Time{}
				} else {
					want.Cutoff = time.Date(1998, 6, 30, 0, 0, 0, 0, time.UTC)
				}
				if msg.Src.HorizonDays != want.HorizonDays || !msg.Src.Cutoff.Equal(want.Cutoff) {
					t.Errorf("%s %s %s: opens horizon %d cutoff %s, want %d and %s", lang, c.key, c.typed,
						msg.Src.HorizonDays, msg.Src.Cutoff.Format(time.DateOnly), want.HorizonDays, want.Cutoff.Format(time.DateOnly))
				}
			case ResplitMsg:
				if msg.Seed != 7 {
					t.Errorf("%s: 7 typed on the seed re-splits with %d", lang, msg.Seed)
				}
			default:
				t.Errorf("%s %s: enter gives %#v", lang, c.key, msg)
			}
		}
		g := keys(s, "g", "x")
		if got := g.PromptValue(); got != "x" {
			t.Errorf("%s: x typed after g: %q, want x", lang, got)
		}
	}
}
