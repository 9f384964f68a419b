package runsscreen

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestOutOfTimeRunSaysWhichSetValIs: a run validated out of time lists
// its early-stopping share's figures under "val", while Evaluate and Plan
// lead with the out-of-time figures; the title says which set "val" is,
// first, so that it shows at 80 columns.
func TestOutOfTimeRunSaysWhichSetValIs(t *testing.T) {
	run := screentest.LogRun(t, screentest.LoadLog(t, ""), experiment.OutOfTime, 5)
	want := map[string]string{
		"en": "Runs · val = early-stop set (out of time: on Evaluate) · ",
		"zh": "训练记录 · 验证 = 提前停止集（跨时间指标见评估页）· ",
	}
	for _, lang := range screentest.Langs {
		c := screentest.Common(lang, 80, 24)
		first := strings.Split(screentest.Render(filled(c, run), 80, 24), "\n")[0]
		if !strings.HasPrefix(first, want[lang]) {
			t.Errorf("%s: title %q, want it to start %q", lang, first, want[lang])
		}
	}
}
