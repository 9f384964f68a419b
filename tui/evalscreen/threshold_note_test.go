package evalscreen

import (
	"fmt"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestTableThresholdIsSaid: the metrics table's accuracy, precision,
// recall and F1 stay at the run's configured threshold (0.50) when H
// moves the live one to 0.10, as the matrix follows; the line under the
// matrix says so (in place of "configured 0.50 (r)"), en and zh, and
// goes back to that once r returns to 0.50.
func TestTableThresholdIsSaid(t *testing.T) {
	good, _ := runs(t)
	// The training part's accuracy at 0.50, from experiment directly.
	tr, err := good.Exp.Evaluate(experiment.TrainPart, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, accuracy, note string }{
		{"en", "accuracy @0.50", "the table's @ rows stay at the configured 0.50 (r)"},
		{"zh", "准确率 @0.50", "指标表中带 @ 的行仍按配置值 0.50（r）"},
	} {
		s := New(screentest.Common(c.lang, 160, 48))
		s.SetSize(160, 48)
		s, _ = drain(t, s, s.SetRun(good))
		if view := screentest.Render(s, 160, 48); strings.Contains(view, "@ rows stay") || strings.Contains(view, "带 @ 的行") {
			t.Errorf("%s: a note before the threshold moved:\n%s", c.lang, view)
		}
		for range 4 {
			s, _ = s.step(screentest.Press("H"))
		}
		view := screentest.Render(s, 160, 48)
		flat := strings.Join(strings.Fields(view), " ")
		if !strings.Contains(flat, strings.Join(strings.Fields(c.note), " ")) {
			t.Errorf("%s: no note %q:\n%s", c.lang, c.note, view)
		}
		row := ""
		for _, l := range strings.Split(view, "\n") {
			if strings.Contains(l, c.accuracy) {
				row = l
				break
			}
		}
		if want := fmt.Sprintf("%.3f", tr.Report.Accuracy); !strings.Contains(row, want) {
			t.Errorf("%s: accuracy row %q, want the figure at 0.50, %s", c.lang, row, want)
		}
		s, _ = s.step(screentest.Press("r"))
		if view := screentest.Render(s, 160, 48); strings.Contains(view, "@ rows stay") || strings.Contains(view, "带 @ 的行") {
			t.Errorf("%s: the note stayed after r:\n%s", c.lang, view)
		}
	}
}
