package evalscreen

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

var (
	logRunOnce sync.Once
	logRun     common.Run
)

// orderLogRun is the order-log run of TestGoldenOrderLog, trained once.
func orderLogRun(t *testing.T) common.Run {
	t.Helper()
	logRunOnce.Do(func() {
		logRun = screentest.LogRun(t, screentest.LoadLog(t, ""), experiment.OutOfTime, 30)
	})
	if logRun.Exp == nil {
		t.Fatal("the order-log run failed to train")
	}
	return logRun
}

// TestChartsKeepTheirAxisTitles: the ROC and calibration charts end with
// their x axis's tick labels and title at every size, on the overview and
// on the curves page, whatever stands above them (an order log's extra
// table column and lines, a diverged run's warning). The overview used to
// give them its height less 16 lines, which an order log overran.
func TestChartsKeepTheirAxisTitles(t *testing.T) {
	good, bad := runs(t)
	fixtures := map[string]common.Run{"built-in": good, "diverged": bad, "order log": orderLogRun(t)}
	sizes := [][2]int{{80, 24}, {100, 30}, {118, 34}, {120, 40}, {160, 48}, {200, 60}}
	for name, run := range fixtures {
		for _, lang := range screentest.Langs {
			for _, sz := range sizes {
				c := screentest.Common(lang, sz[0], sz[1])
				s := evaluated(t, c, run)
				if !s.allOnOne() {
					s.page = PageCurves
					s.render()
				}
				view := screentest.Render(s, sz[0], sz[1])
				lines := strings.Split(view, "\n")
				last := len(lines) - 1
				for last > 0 && strings.TrimSpace(lines[last]) == "" {
					last--
				}
				where := fmt.Sprintf("%s, %s %dx%d", name, lang, sz[0], sz[1])
				for _, title := range []string{c.T("false positive rate →", "假阳性率 →"), c.T("predicted probability →", "预测概率 →")} {
					if !strings.Contains(lines[last], title) {
						t.Errorf("%s: the last line %q lacks %q:\n%s", where, lines[last], title, view)
					}
				}
				if ticks := lines[last-1]; strings.Count(ticks, "1.0") != 2 {
					t.Errorf("%s: the line above the titles %q is not both charts' tick labels", where, ticks)
				}
			}
		}
	}
}
