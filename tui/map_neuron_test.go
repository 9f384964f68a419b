package tui

import (
	"strings"
	"testing"
)

// TestMapKeysShadeANeuron: through the root, n on the Map screen asks for
// and draws the map of the first hidden layer's first neuron, and l then
// goes on to the second layer (the keys reach the screen and the root asks
// for the new map), in English and Chinese.
func TestMapKeysShadeANeuron(t *testing.T) {
	for _, c := range []struct{ lang, first, second string }{
		{"en", "Neuron map · layer 1 · neuron 1 of ", "Neuron map · layer 2 · neuron 1 of "},
		{"zh", "神经元图 · 第 1 层 · 神经元 1 / ", "神经元图 · 第 2 层 · 神经元 1 / "},
	} {
		opts := textbookOptions()
		opts.Lang = c.lang
		m := loadedModel(t, opts, 100, 30)
		run := trainRun(t, m, 2)
		m.trainScr.AddFinished(run)
		m = runCmds(t, m, m.analyse(run))
		m = pressAll(t, m, "8", "n")
		if view := screen(m); !strings.Contains(view, c.first) {
			t.Fatalf("%s: after n the Map shows no %q:\n%s", c.lang, c.first, view)
		}
		m = pressAll(t, m, "l")
		if view := screen(m); !strings.Contains(view, c.second) {
			t.Fatalf("%s: after n l the Map shows no %q:\n%s", c.lang, c.second, view)
		}
	}
}
