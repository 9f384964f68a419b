package evalscreen

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// TestThresholdStaysInsideZeroAndOne: L twelve times reached 1.00 (every
// user negative) and H fourteen times 0.00, thresholds train refuses
// ("threshold must be in (0, 1)"). A step to 0 or 1, or beyond, is now
// refused with train's reason in a panel, in either language; the
// threshold stays and nothing is announced; the next key clears it.
func TestThresholdStaysInsideZeroAndOne(t *testing.T) {
	good, _ := runs(t)
	for _, c := range []struct {
		lang      string
		keys      []string // from 0.5
		at        string   // the head's threshold after them
		lines     []string // the panel at 80×24
		announced []float64
	}{
		{"en", []string{"L", "L", "L", "L", "L"}, "threshold 0.90", []string{
			"│ Threshold not changed                                                        │",
			"│ threshold must be in (0, 1), got 1                                           │",
			"│ It stays 0.90.                                                               │"},
			[]float64{0.6, 0.7, 0.8, 0.9}},
		{"zh", []string{"H", "H", "H", "H", "left", "left", "left", "left", "left", "left", "left", "left", "left", "left"}, "阈值 0.01", []string{
			"│ 阈值未改变                                                                   │",
			"│ 阈值必须在 (0, 1) 之内，现为 0                                               │",
			"│ 仍为 0.01。                                                                  │"},
			[]float64{0.4, 0.3, 0.2, 0.1, 0.09, 0.08, 0.07, 0.06, 0.05, 0.04, 0.03, 0.02, 0.01}},
	} {
		s := New(screentest.Common(c.lang, 80, 24))
		s.SetSize(80, 24)
		s, _ = drain(t, s, s.SetRun(good))
		var announced []float64
		for _, k := range c.keys {
			next, out := s.step(screentest.Press(k))
			s = next
			if out != nil {
				announced = append(announced, out().(common.ThresholdMsg).Threshold)
			}
		}
		if len(announced) != len(c.announced) {
			t.Fatalf("%s: announced %v, want %v", c.lang, announced, c.announced)
		}
		for i := range announced {
			if announced[i] != c.announced[i] {
				t.Fatalf("%s: announced %v, want %v", c.lang, announced, c.announced)
			}
		}
		view := screentest.Render(s, 80, 24)
		screentest.MustContain(t, view, append([]string{c.at}, c.lines...)...)
		s, _ = s.step(screentest.Press("v"))
		if view := screentest.Render(s, 80, 24); strings.Contains(view, c.lines[0]) {
			t.Errorf("%s: the refusal stayed after the next key:\n%s", c.lang, view)
		}
	}
}
