package evalscreen

import (
	"fmt"
	"regexp"
	"slices"
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

// cutWord matches a word cut by common.Truncate: an ellipsis right after
// a character (the BG/NBD fit's "2024-01-01 … 2024-02-20" has spaces).
var cutWord = regexp.MustCompile(`[^\s]…`)

// TestSummaryCutsNothing: at every width from 80 the metrics table and the
// confusion matrix with its notes show whole: side by side only where the
// matrix fits beside the table, its notes broken between figures, never
// cut ("Confusion matrix · out of ti…" at 100 and 110 columns for an
// order log, the calibration notes at 100 for a calibrated run).
func TestSummaryCutsNothing(t *testing.T) {
	good, _ := runs(t)
	calibOnce.Do(func() {
		calibRun = screentest.Train(t, "builtin", 2, func(c *experiment.Config) {
			c.CalibFrac, c.Calibration = experiment.DefaultCalibFrac, experiment.CalibPlatt
		})
	})
	fixtures := map[string]common.Run{"built-in": good, "calibrated": calibRun, "order log": orderLogRun(t)}
	for name, run := range fixtures {
		for _, lang := range screentest.Langs {
			for _, w := range []int{80, 90, 99, 100, 105, 110, 117, 118, 119, 120, 130, 160, 200} {
				h := 60 // the whole summary page on the screen, or the overview
				c := screentest.Common(lang, w, h)
				s := evaluated(t, c, run)
				view := screentest.Render(s, w, h)
				lines := strings.Split(view, "\n")
				where := fmt.Sprintf("%s, %s %dx%d", name, lang, w, h)
				for i, l := range lines { // the run's head included: it leaves out or wraps, never cuts
					if cutWord.MatchString(l) {
						t.Errorf("%s: line %d is cut: %q", where, i+1, l)
					}
				}
				d := s.data
				cm := d.confusionAt(s.threshold)
				figures := []string{
					c.Tf("precision %.3f", "精确率 %.3f", cm.Precision()), c.Tf("recall %.3f", "召回率 %.3f", cm.Recall()),
					fmt.Sprintf("F1 %.3f", cm.F1()), c.Tf("accuracy %.3f", "准确率 %.3f", cm.Accuracy()),
					c.Tf("best F1 %.3f at threshold %.3f (f)", "最佳 F1 %.3f，阈值 %.3f（f）", d.bestF1.F1, d.bestF1.Threshold),
					c.Tf("configured %.2f (r)", "配置值 %.2f（r）", d.threshold),
					fmt.Sprintf("%s %s %s", c.Tf("actual %s", "实际 %s", d.label.Positive), common.Thousands(int(cm.FN)), common.Thousands(int(cm.TP))),
				}
				for _, f := range figures {
					if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(flat(l), flat(f)) }) {
						t.Errorf("%s: no line holds %q whole:\n%s", where, f, view)
					}
				}
			}
		}
	}
}

// TestGoldenSummaryLayouts: the summary at the widths where the matrix
// goes beside the table or under it, for an order log (four metric
// columns) and a calibrated run (the calibration notes), in both
// languages: stacked at 100 and 110 columns for the order log, beside it
// from 120 (the overview), the notes wrapped where they are longer than
// the room beside the table.
func TestGoldenSummaryLayouts(t *testing.T) {
	calibOnce.Do(func() {
		calibRun = screentest.Train(t, "builtin", 2, func(c *experiment.Config) {
			c.CalibFrac, c.Calibration = experiment.DefaultCalibFrac, experiment.CalibPlatt
		})
	})
	fixtures := map[string]common.Run{"calibrated": calibRun, "orderlog": orderLogRun(t)}
	for _, name := range []string{"calibrated", "orderlog"} {
		for _, lang := range screentest.Langs {
			for _, sz := range [][2]int{{100, 30}, {110, 30}, {120, 40}, {200, 60}} {
				t.Run(fmt.Sprintf("%s/%s_%dx%d", name, lang, sz[0], sz[1]), func(t *testing.T) {
					c := screentest.Common(lang, sz[0], sz[1])
					screentest.Golden(t, evaluated(t, c, fixtures[name]), sz[0], sz[1])
				})
			}
		}
	}
}
