package evalscreen

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestDegenerateBGNBDIsSaid: a BG/NBD fit at a limit of the model (the
// review's a 1.3e-13, r 1.9e7, α 4.8e8, which read "a 0.000 · b 0.000")
// shows its parameters to 3 significant digits and says it is degenerate.
func TestDegenerateBGNBDIsSaid(t *testing.T) {
	run := screentest.LogRun(t, screentest.LoadLog(t, ""), experiment.OutOfTime, 3)
	want := map[string][]string{
		"en": {"(80 customers): r 1.9e+07 · α 4.8e+08 · a 1.3e-13 · b 0.0002 · log-likelihood",
			"A degenerate fit: a parameter is outside 1e-06 … 1e+06, at a limit of the model where it says little about the customers."},
		"zh": {"（80 位客户）：r 1.9e+07 · α 4.8e+08 · a 1.3e-13 · b 0.0002 · 对数似然",
			"退化的拟合：有参数超出 1e-06 … 1e+06，处于模型的极限，几乎不能说明这些客户。"},
	}
	for _, lang := range screentest.Langs {
		d, err := evaluateRun(run)
		if err != nil {
			t.Fatal(err)
		}
		if d.bgnbd == nil {
			t.Fatalf("no BG/NBD fit: %v", d.bgErr)
		}
		f := &d.bgnbd.Fit
		f.R, f.Alpha, f.A, f.B = 1.9e7, 4.8e8, 1.3e-13, 2e-4
		s := New(screentest.Common(lang, 160, 48))
		s.SetSize(160, 48)
		s.waiting = run.Number
		s, _ = s.step(ReadyMsg{Run: run.Number, data: d})
		view := flat(screentest.Render(s, 160, 48))
		for _, w := range want[lang] {
			if !strings.Contains(strings.ReplaceAll(view, " ", ""), strings.ReplaceAll(w, " ", "")) {
				t.Errorf("%s view lacks %q:\n%s", lang, w, view)
			}
		}
	}
}
