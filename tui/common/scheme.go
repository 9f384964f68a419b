package common

import (
	"time"

	"github.com/retainlab/retain/experiment"
)

// SchemeName names a validation scheme in the interface's language.
func (c Common) SchemeName(s experiment.Scheme) string {
	if s == experiment.OutOfTime {
		return c.T("out of time", "跨时间验证")
	}
	return c.T("random split", "随机划分")
}

// FallbackReason says, in the interface's language, why an order log
// could not be validated out of time and was split at random instead.
func (c Common) FallbackReason(e *experiment.OutOfTimeError) string {
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	days := func(t time.Time) int { return int(t.Unix() / 86400) }
	// Day counts are written as the command line writes them, with a
	// thousands separator.
	n := Thousands
	dayCount := func(d int) string {
		if d == 1 {
			return c.T("1 day", "1 天")
		}
		return c.Tf("%s days", "%s 天", n(d))
	}
	if e.OneClass != "" {
		cohort := c.T("training", "训练")
		if e.OneClass != "training" {
			cohort = c.T("test", "测试")
		}
		return c.Tf("out of time is impossible here: the %s cohort at %s has %s customers and %s who order again within %s days, and a model needs both classes; split at random instead",
			"此处无法跨时间验证：%s客户群（截止 %s）有 %s 位客户，其中 %s 位在 %s 天内再次下单，模型需要两类都有；已改用随机划分",
			cohort, day(e.Report.Cutoff), Thousands(e.Report.Customers), Thousands(e.Report.Positives), n(e.HorizonDays))
	}
	if e.Few {
		return c.Tf("out of time is impossible here: the training cohort at %s has %s customers and %s who order again within %s days, and a model needs at least %d customers of each class to learn from; split at random instead",
			"此处无法跨时间验证：训练客户群（截止 %s）有 %s 位客户，其中 %s 位在 %s 天内再次下单，而模型每一类至少需要 %d 位客户才能学习；已改用随机划分",
			day(e.Report.Cutoff), Thousands(e.Report.Customers), Thousands(e.Report.Positives), n(e.HorizonDays), experiment.MinTrainClass)
	}
	if e.Short && e.TooShort() {
		// The days counted with both ends in, as retain backtest and
		// recommend count them.
		span := days(e.Last) - days(e.First) + 1
		return c.Tf("out of time is impossible here: the log runs %s .. %s (%s), and a %s-day horizon needs %s of orders (the training cutoff's day with one horizon of history before it, then two horizons; the same rule as retain backtest); split at random instead (load a longer log or choose a shorter horizon)",
			"此处无法跨时间验证：日志覆盖 %s .. %s（%s），而 %s 天的观察期需要 %s（训练截止日当天及其之前一个观察期的历史，之后两个观察期；与 retain backtest 规则相同）；已改用随机划分（请载入更长的日志或选更短的观察期）",
			day(e.First), day(e.Last), dayCount(span), n(e.HorizonDays), dayCount(experiment.FoldDays(e.HorizonDays)))
	}
	if e.Late {
		// The rule of retain backtest and eval --model --log: the label
		// window of the customers measured must end by the log's last date.
		// Short enough for the Data screen's three lines at 80 columns.
		return c.Tf("out of time is impossible here: the %s-day label window ends %s, past the log's last date %s, truncating the labels (backtest's rule); split at random instead (latest cutoff %s)",
			"此处无法跨时间验证：%s 天的标签窗口到 %s 才结束，晚于日志的最后日期 %s，标签会被截断（与 retain backtest 规则相同）；已改用随机划分（最晚截止日 %s）",
			n(e.HorizonDays), day(e.Cutoff.AddDate(0, 0, e.HorizonDays)), day(e.Last), day(e.Latest))
	}
	if e.Short {
		return c.Tf("out of time is impossible here: it would train on the customers at %s, who have only %s of orders before them, less than the %s-day horizon (the log starts on %s); split at random instead (choose a cutoff from %s or a shorter horizon)",
			"此处无法跨时间验证：它要用 %s 的客户训练，而他们之前只有 %s的订单，短于 %s 天的观察期（日志从 %s 开始）；已改用随机划分（请选 %s 或更晚的截止日，或更短的观察期）",
			day(e.TrainCutoff), dayCount(days(e.TrainCutoff)-days(e.First)), n(e.HorizonDays), day(e.First), day(e.Earliest))
	}
	return c.Tf("out of time is impossible here: it would train on the customers at %s (%s before the cutoff %s), before the log starts on %s; split at random instead (choose a later cutoff or a shorter horizon)",
		"此处无法跨时间验证：它要用 %[1]s（截止日 %[3]s 之前 %[2]s）的客户训练，而日志从 %[4]s 才开始；已改用随机划分（请选更晚的截止日或更短的观察期）",
		day(e.TrainCutoff), dayCount(e.HorizonDays), day(e.Cutoff), day(e.First))
}
