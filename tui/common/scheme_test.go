package common

import (
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// A training cohort with too few customers of a class is named with its
// counts and the minimum, in both languages.
func TestFallbackReasonTooFewOfAClass(t *testing.T) {
	cut := time.Date(2024, 2, 10, 0, 0, 0, 0, time.UTC)
	e := &experiment.OutOfTimeError{HorizonDays: 10, Few: true,
		Report: data.CohortReport{Cutoff: cut, Customers: 1235, Positives: 5}}
	for _, c := range []struct{ lang, want string }{
		{"en", "out of time is impossible here: the training cohort at 2024-02-10 has 1,235 customers and 5 who order again within 10 days, and a model needs at least 10 customers of each class to learn from; split at random instead"},
		{"zh", "此处无法跨时间验证：训练客户群（截止 2024-02-10）有 1,235 位客户，其中 5 位在 10 天内再次下单，而模型每一类至少需要 10 位客户才能学习；已改用随机划分"},
	} {
		if got := (Common{Lang: c.lang}).FallbackReason(e); got != c.want {
			t.Errorf("%s: %q\nwant %q", c.lang, got, c.want)
		}
	}
}

// The day counts of an out-of-time refusal carry a thousands separator,
// as the command line writes them. The log 2020-01-01 .. 2022-12-31 is
// 366 + 365 + 365 = 1,096 days; a 400-day horizon needs 3 × 400 + 1 =
// 1,201. A training cutoff 1,000 days before a cutoff of 2020-06-01 is
// 2017-09-05 (Python's datetime).
func TestFallbackReasonCountsDaysWithSeparators(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	short := &experiment.OutOfTimeError{HorizonDays: 400, Short: true, First: day("2020-01-01"), Last: day("2022-12-31"),
		Cutoff: day("2022-01-01"), TrainCutoff: day("2020-11-27"), Earliest: day("2022-03-06")}
	early := &experiment.OutOfTimeError{HorizonDays: 1000, First: day("2020-01-01"), Last: day("2022-12-31"),
		Cutoff: day("2020-06-01"), TrainCutoff: day("2017-09-05")}
	for _, c := range []struct {
		e    *experiment.OutOfTimeError
		lang string
		want string
	}{
		{short, "en", "out of time is impossible here: the log runs 2020-01-01 .. 2022-12-31 (1,096 days), and a 400-day horizon needs 1,201 days of orders " +
			"(the training cutoff's day with one horizon of history before it, then two horizons; the same rule as retain backtest); " +
			"split at random instead (load a longer log or choose a shorter horizon)"},
		{short, "zh", "此处无法跨时间验证：日志覆盖 2020-01-01 .. 2022-12-31（1,096 天），而 400 天的观察期需要 1,201 天" +
			"（训练截止日当天及其之前一个观察期的历史，之后两个观察期；与 retain backtest 规则相同）；已改用随机划分（请载入更长的日志或选更短的观察期）"},
		{early, "en", "out of time is impossible here: it would train on the customers at 2017-09-05 (1,000 days before the cutoff 2020-06-01), " +
			"before the log starts on 2020-01-01; split at random instead (choose a later cutoff or a shorter horizon)"},
		{early, "zh", "此处无法跨时间验证：它要用 2017-09-05（截止日 2020-06-01 之前 1,000 天）的客户训练，而日志从 2020-01-01 才开始；" +
			"已改用随机划分（请选更晚的截止日或更短的观察期）"},
	} {
		if got := (Common{Lang: c.lang}).FallbackReason(c.e); got != c.want {
			t.Errorf("%s: %q\nwant %q", c.lang, got, c.want)
		}
	}
}

// A cutoff whose label window runs past the log's end is refused with the
// window's end and the latest cutoff, in both languages: cutoff 1998-05-31
// with a 90-day horizon ends 1998-08-29 (Python's datetime), after a log
// ending 1998-06-30, whose latest cutoff is 1998-04-01.
func TestFallbackReasonLabelWindowPastTheLog(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	e := &experiment.OutOfTimeError{HorizonDays: 90, Late: true, First: day("1997-01-01"), Last: day("1998-06-30"),
		Cutoff: day("1998-05-31"), TrainCutoff: day("1998-03-02"), Latest: day("1998-04-01")}
	for _, c := range []struct{ lang, want string }{
		{"en", "out of time is impossible here: the 90-day label window ends 1998-08-29, past the log's last date 1998-06-30, " +
			"truncating the labels (backtest's rule); split at random instead (latest cutoff 1998-04-01)"},
		{"zh", "此处无法跨时间验证：90 天的标签窗口到 1998-08-29 才结束，晚于日志的最后日期 1998-06-30，标签会被截断" +
			"（与 retain backtest 规则相同）；已改用随机划分（最晚截止日 1998-04-01）"},
	} {
		if got := (Common{Lang: c.lang}).FallbackReason(e); got != c.want {
			t.Errorf("%s: %q\nwant %q", c.lang, got, c.want)
		}
	}
}
