package evalscreen

import (
	"slices"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// A run whose Platt scaling was not fitted says so, and why, in both
// languages; a run that asked for no calibration says nothing.
func TestDroppedCalibrationLines(t *testing.T) {
	dr := &experiment.CalibrationDropped{Method: experiment.CalibPlatt, FitPart: experiment.ValPart, Rows: 47, Positives: 20,
		MinClassRows: 20, MinRows: 376}
	for _, c := range []struct {
		lang string
		want []string
	}{
		{"en", []string{"Calibration: none — the 47 validation rows hold 20 positive and 27 negative; Platt needs at least 20 of each class " +
			"and 376 rows at this positive rate, so the network's own probabilities are kept"}},
		{"zh", []string{"校准：无 — 47 行验证数据中正例 20 行、负例 27 行；Platt 缩放至少需要每类 20 行，且在此正例率下需要 376 行，因此保留网络自己的概率"}},
	} {
		s := New(screentest.Common(c.lang, 300, 60))
		lines := s.calibrationLines(&evalData{dropped: dr}, 300)
		for i := range lines {
			lines[i] = ansi.Strip(lines[i])
		}
		if !slices.Equal(lines, c.want) {
			t.Errorf("%s: lines\n%q\nwant\n%q", c.lang, lines, c.want)
		}
		if got := s.calibrationLines(&evalData{}, 300); got != nil {
			t.Errorf("%s: no calibration asked for, lines %q", c.lang, got)
		}
	}
}
