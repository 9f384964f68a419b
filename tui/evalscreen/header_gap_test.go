package evalscreen

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestOrderLogHeaderKeepsColumnNamesApart: the metrics table of an order
// log validated out of time puts at least two spaces between its column
// names, so "early stop" and "out of time" read as two columns, not as one
// phrase "early stop out of time".
func TestOrderLogHeaderKeepsColumnNamesApart(t *testing.T) {
	run := screentest.LogRun(t, screentest.LoadLog(t, ""), experiment.OutOfTime, 30)
	for _, lang := range []string{"en", "zh"} {
		c := screentest.Common(lang, 80, 24)
		s := evaluated(t, c, run)
		head := ansi.Strip(s.metricsLines(200)[0])
		for _, col := range s.metricColumns()[1:] {
			i := strings.Index(head, col.name)
			if i < 2 || head[i-2:i] != "  " {
				t.Errorf("%s: header %q: %q follows the column before with less than two spaces", lang, head, col.name)
			}
		}
	}
}
