package common

import (
	"fmt"
	"time"

	"github.com/retainlab/retain/data"
)

// cutoffRangeZh says in Chinese why an order log's cutoff is refused
// (data.CutoffRangeError, whose Error says it in English) and, for a
// labelled cohort, which cutoffs the log allows: the whole sentence, as
// the Recommend screen's refusal is, the log's name kept as it is.
func cutoffRangeZh(e *data.CutoffRangeError) string {
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	head := fmt.Sprintf("%s：截止日 %s", e.Log, day(e.Cutoff))
	switch e.Problem {
	case data.CutoffNoOrders:
		return head + " 无法使用：日志中没有订单"
	case data.CutoffOneDay:
		return fmt.Sprintf("%s 无法使用：日志的订单都在 %s 这一天，而标签需要截止日之后的订单", head, day(e.Last))
	case data.CutoffOutside:
		return fmt.Sprintf("%s 不在日志的日期范围（%s 至 %s）之内", head, day(e.First), day(e.Last))
	}
	lastDate, theLog := "最后日期", "日志"
	if e.UpToToday() {
		lastDate, theLog = "截至今天的最后日期 "+day(e.End)+" ", "截至今天的日志"
	}
	choose := fmt.Sprintf("观察期为 %d 天时，请选 %s 至 %s 之间的截止日，使标签窗口在%s之前结束",
		e.HorizonDays, day(e.First), day(e.Latest), lastDate)
	if e.TooShort() {
		choose = fmt.Sprintf("%s（%s 至 %s）比 %d 天的标签窗口还短，请选更短的观察期",
			theLog, day(e.First), day(e.End), e.HorizonDays)
	}
	if e.Problem == data.CutoffAfterLast {
		return fmt.Sprintf("%s 超出范围：不早于日志的最后日期 %s，之后没有订单可以给客户打标签；%s", head, day(e.Last), choose)
	}
	return fmt.Sprintf("%s 超出范围：早于日志的第一个日期 %s，客户还没有任何历史；%s", head, day(e.First), choose)
}
