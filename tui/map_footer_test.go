package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/retainlab/retain/tui/screentest"
)

// TestGoldenMapFooter: at 80 columns the Map screen's footer cut off
// "l next layer" (only ? listed it), in English and Chinese. Now the keys
// that choose what is drawn (x/X, y/Y, n/N, l, s) all fit, on the output's
// map and on a neuron's; only the shading key, the least needed, may give
// way to "…", and "?" (on the right) lists it.
func TestGoldenMapFooter(t *testing.T) {
	for _, lang := range screentest.Langs {
		t.Run(lang+"_80x24", func(t *testing.T) {
			opts := builtinOptions()
			opts.Lang = lang
			m := loadedModel(t, opts, 80, 24)
			run := trainRun(t, m, 2)
			m.trainScr.AddFinished(run)
			m = runCmds(t, m, m.analyse(run))
			m = pressAll(t, m, "8")
			view := screen(m)
			checkFrame(t, view, 80, 24)
			for _, keys := range [][]string{nil, {"n"}} {
				v := screen(pressAll(t, m, keys...))
				lines := strings.Split(v, "\n")
				footer := lines[len(lines)-1]
				for _, k := range []string{"x/X ", "y/Y ", "n/N ", " l ", " s ", "? "} {
					if !strings.Contains(footer, k) {
						t.Errorf("%s, after %v: the footer lists no %q: %q", lang, keys, k, footer)
					}
				}
			}
			golden.RequireEqual(t, []byte(view))
		})
	}
}
