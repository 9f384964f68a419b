package common

import (
	"fmt"
	"time"

	"github.com/retainlab/retain/experiment"
)

// FutureWarningText words w, an order log's lines dated after today, in
// the interface's language: English is experiment's own wording (what the
// command line prints), Chinese is worded here from its fields.
func (c Common) FutureWarningText(w *experiment.FutureWarning) string {
	if c.Lang != "zh" {
		return w.String()
	}
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	zh := fmt.Sprintf("%s：%s 行中有 %s 行的日期晚于今天（%s）；日志的日期范围为 %s .. %s",
		w.Name, Thousands(w.Lines), Thousands(w.Future), day(w.Today), day(w.First), day(w.Last))
	switch {
	case w.AllFuture():
		zh += fmt.Sprintf("；没有订单的日期在今天及以前，所以这些行都不排除：日志按今天就是其最后日期 %s 来读", day(w.Last))
	case w.DefaultCutoff && w.Unlabelled:
		zh += fmt.Sprintf("；默认截止日不计这些行（取今天及以前的最后日期 %s）", day(w.LastUpToToday))
	case w.DefaultCutoff:
		zh += fmt.Sprintf("；默认截止日不计这些行（取今天及以前的最后日期 %s，减去观察期）", day(w.LastUpToToday))
	}
	return zh
}
