package datascreen

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestWideSchemaGivesTheTextsTheRoom: at 200×55 the preprocessing column
// was cut ("log(1+v), then z-scored (mean 3.875, sd 1.368 in l…") while
// the panel beside it kept 72 cells, mostly empty. The panel narrows (not
// below minPanelW) while the texts are cut; at 140 columns it keeps its
// minimum and the texts are cut as before. The levels column keeps only
// the width its widest cell needs.
func TestWideSchemaGivesTheTextsTheRoom(t *testing.T) {
	d, err := experiment.Load(experiment.Source{Kind: "builtin"}, screentest.Open)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	exp, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "zh"} {
		for _, size := range [][2]int{{140, 40}, {200, 55}, {300, 80}} {
			c := screentest.Common(lang, size[0], size[1])
			s := New(c)
			s.SetSize(size[0], size[1])
			s.SetData(d, NewInfo(d, exp, cfg.Seed))
			if !s.wide() {
				t.Fatalf("%s %v: not the wide layout", lang, size)
			}
			panelW := s.panelWidth()
			if panelW < minPanelW || panelW > maxPanelW {
				t.Fatalf("%s %v: panel %d cells, want %d to %d", lang, size, panelW, minPanelW, maxPanelW)
			}
			view := ansi.Strip(screentest.Render(s, size[0], size[1]))
			whole := 0
			for _, col := range s.info.Schema.Columns {
				if strings.Contains(view, s.action(col)) {
					whole++
				}
			}
			all := whole == len(s.info.Schema.Columns)
			if !all && panelW > minPanelW {
				t.Errorf("%s %v: %d of %d preprocessing texts whole with the panel at %d cells, above its minimum",
					lang, size, whole, len(s.info.Schema.Columns), panelW)
			}
			// The levels column is no wider than its widest range ("0 – 1,825").
			if act := s.schemaWidths(size[0] - panelW - 3).act; size[0] >= 200 && act < 80 {
				t.Errorf("%s %v: preprocessing column %d cells, want 80 or more:\n%s", lang, size, act, view)
			}
		}
	}
}
