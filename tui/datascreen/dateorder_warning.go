package datascreen

import (
	"fmt"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// dateOrderWarningZh words a DateOrderWarning in Chinese: few of the log's
// year-last dates showed the order the whole log was read in.
func dateOrderWarningZh(w *experiment.DateOrderWarning) string {
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	words := func(o data.DateOrder) string {
		if o == data.DateDMY {
			return "日在前（日/月/年）"
		}
		return "月在前（月/日/年）"
	}
	lines := fmt.Sprintf("%s 个日期中只有 1 个（%s）", data.Thousands(w.Dates), w.ShownBy)
	if w.Shown > 1 {
		lines = fmt.Sprintf("%s 个日期中只有 %s 个（第一个是 %s）", data.Thousands(w.Dates), data.Thousands(w.Shown), w.ShownBy)
	}
	return fmt.Sprintf("%s：年份在后的日期全部按%s读取，因为 %s只能这样读：这样读的范围是 %s .. %s，按%s读其余日期的范围是 %s .. %s；"+
		"如果那是笔误，请用 --date-order %s 指定顺序（用 --date-order %s 保持现在的读法）",
		w.Name, words(w.Order), lines, day(w.First), day(w.Last), words(w.Other), day(w.OtherFirst), day(w.OtherLast), w.Other, w.Order)
}
