package tui

import (
	"strings"
	"testing"
)

// TestMapSaysARunIsBeingAnalysed: between a run's end and its analysis
// landing, the Map screen says the run is being analysed, in English and
// Chinese; it said "No trained model yet" and asked for a run to be
// trained. Once the analysis has landed it shows no such line.
func TestMapSaysARunIsBeingAnalysed(t *testing.T) {
	for _, c := range []struct{ lang, want string }{
		{"en", "Analysing run 1…"},
		{"zh", "正在分析第 1 次训练…"},
	} {
		opts := textbookOptions()
		opts.Lang = c.lang
		m := loadedModel(t, opts, 80, 24)
		m = pressAll(t, m, "8")
		run := trainRun(t, m, 2)
		m.trainScr.AddFinished(run)
		cmd := m.analyse(run)
		if view := screen(m); !hasLine(view, c.want) {
			t.Errorf("%s: while run 1 is analysed the Map shows no line %q:\n%s", c.lang, c.want, view)
		}
		m = runCmds(t, m, cmd)
		if view := screen(m); strings.Contains(view, c.want) {
			t.Errorf("%s: the analysed run's Map still says %q:\n%s", c.lang, c.want, view)
		}
	}
}
