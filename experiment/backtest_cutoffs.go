package experiment

import (
	"fmt"
	"slices"
	"time"

	"github.com/retainlab/retain/data"
)

// DefaultBacktestFolds is the number of folds Backtest runs when given
// neither folds nor cutoffs.
const DefaultBacktestFolds = 4

// CutoffError refuses a backtest cutoff the log cannot support: its
// training cutoff falls before the log's first date, or its label window
// runs past the log's last date. errors.Is(err, data.ErrCutoff) is true.
type CutoffError struct{ Reason string }

// Error implements error.
func (e *CutoffError) Error() string { return e.Reason }

// Is makes errors.Is(err, data.ErrCutoff) true.
func (e *CutoffError) Is(target error) bool { return target == data.ErrCutoff }

func cutoffError(format string, args ...any) error {
	return &CutoffError{Reason: fmt.Sprintf(format, args...)}
}

// backtestSpan returns the day numbers a backtest of log may use: the first
// date (the earliest training cutoff) and the last date (the end of the
// latest label window), which ignores lines dated after "today" as the
// default cutoff of Load does.
func backtestSpan(log *data.OrderLog) (first, last int) {
	return dayOf(log.First), dayOf(log.LastKnown())
}

// BacktestCutoffs returns the test cutoffs of a backtest with k folds:
// the latest is the log's last date minus the horizon (the latest cutoff
// whose label window the log covers) and the others precede it, oldest
// first, spaced by the horizon. Each fold trains at its test cutoff minus
// the horizon, which must fall at least one horizon after the log's first
// date. When k
// folds spaced by the horizon do not fit, they are spaced evenly over the
// days that do (a whole number of days, less than the horizon, so
// consecutive label windows overlap; BacktestSpacing says by how much);
// when not even that fits, the error says how many folds fit.
func BacktestCutoffs(log *data.OrderLog, horizonDays, k int) ([]time.Time, error) {
	if k < 1 {
		return nil, cutoffError("%d folds: want at least 1", k)
	}
	if horizonDays < 1 || horizonDays > data.MaxHorizonDays {
		return nil, horizonRangeError(horizonDays)
	}
	_, last := backtestSpan(log)
	latest := last - horizonDays
	earliest := earliestTestCutoff(log, horizonDays)
	if latest < earliest {
		return nil, tooShortToBacktest(log, horizonDays)
	}
	step := horizonDays
	if k > 1 && latest-(k-1)*step < earliest {
		step = (latest - earliest) / (k - 1)
	}
	if k > 1 && step < 1 {
		return nil, cutoffError("%s folds need %s different test cutoffs, but %s allows only %s (%s .. %s) for a %s-day horizon: give fewer --folds or a shorter --horizon",
			data.Thousands(k), data.Thousands(k), log.Name, data.Thousands(latest-earliest+1), dateOf(earliest).Format(time.DateOnly),
			dateOf(latest).Format(time.DateOnly), data.Thousands(horizonDays))
	}
	cutoffs := make([]time.Time, k)
	for i := range k {
		cutoffs[i] = dateOf(latest - (k-1-i)*step)
	}
	return cutoffs, nil
}

// tooShortToBacktest refuses a log that holds no fold of the horizon: the
// earliest test cutoff that leaves its training customers one horizon of
// history leaves no whole label window after it.
func tooShortToBacktest(log *data.OrderLog, horizonDays int) error {
	first, last := backtestSpan(log)
	return cutoffError("%s runs %s .. %s (%s), too short to backtest a %s-day horizon: a fold needs %s of orders (its training cutoff's day with one horizon of history before it, then two horizons)",
		log.Name, dateOf(first).Format(time.DateOnly), dateOf(last).Format(time.DateOnly), SpanDays(first, last), data.Thousands(horizonDays),
		daysText(FoldDays(horizonDays)))
}

// SpanDays writes the days from day number first to last, both in, as
// recommend counts a log's span: "61 days" for 2019-10-01 .. 2019-11-30,
// "1 day" for a log of one day, "1,201 days" with a thousands separator.
func SpanDays(first, last int) string { return daysText(last - first + 1) }

// FoldDays is the days, first and last in, that a log needs for one
// out-of-time fold with the horizon: its training cutoff's day with one
// horizon of history before it, the horizon its training customers are
// labelled on, then the one its test customers are (earliestTestCutoff).
func FoldDays(horizonDays int) int { return 3*horizonDays + 1 }

// earliestTestCutoff returns the day number of the earliest test cutoff at
// which an out-of-time fold of log may be measured with the horizon: its
// training cutoff must leave the training customers one horizon of
// history, as long as the window they are labelled on. With less, the
// model learns from a few days of orders and measures little but that.
// BacktestCutoffs, CheckBacktestCutoffs and the out-of-time scheme
// (NewOutOfTime) keep to it.
func earliestTestCutoff(log *data.OrderLog, horizonDays int) int {
	first, _ := backtestSpan(log)
	return first + 2*horizonDays
}

// BacktestSpacing returns the days between consecutive test cutoffs (0 for
// fewer than two) and whether they are closer than the horizon, so that
// consecutive label windows overlap.
func BacktestSpacing(cutoffs []time.Time, horizonDays int) (int, bool) {
	if len(cutoffs) < 2 {
		return 0, false
	}
	d := dayOf(cutoffs[1]) - dayOf(cutoffs[0])
	return d, d < horizonDays
}

// CheckBacktestCutoffs refuses test cutoffs the log cannot support, or the
// same date twice, and returns them sorted, oldest first. It keeps the
// rule of BacktestCutoffs: a fold's training cutoff (its test cutoff minus
// the horizon) must leave its customers one horizon of history, and its
// label window must end by the log's last date; a log too short for any
// such fold is refused as BacktestCutoffs refuses it, so the earliest and
// latest cutoffs a refusal names are always accepted.
func CheckBacktestCutoffs(log *data.OrderLog, horizonDays int, cutoffs []time.Time) ([]time.Time, error) {
	if len(cutoffs) == 0 {
		return nil, cutoffError("no cutoff given")
	}
	if horizonDays < 1 || horizonDays > data.MaxHorizonDays {
		return nil, horizonRangeError(horizonDays)
	}
	first, last := backtestSpan(log)
	earliest := earliestTestCutoff(log, horizonDays)
	if last-horizonDays < earliest {
		return nil, tooShortToBacktest(log, horizonDays)
	}
	days := make([]int, len(cutoffs))
	for i, c := range cutoffs {
		days[i] = dayOf(c)
	}
	slices.Sort(days)
	for i, d := range days {
		date := dateOf(d).Format(time.DateOnly)
		switch {
		case i > 0 && d == days[i-1]:
			return nil, cutoffError("cutoff %s is given twice", date)
		case d-horizonDays < first:
			return nil, cutoffError("cutoff %s: its model would train on the customers at %s (%s earlier), before %s starts on %s; the earliest cutoff is %s",
				date, dateOf(d-horizonDays).Format(time.DateOnly), daysText(horizonDays), log.Name,
				dateOf(first).Format(time.DateOnly), dateOf(earliest).Format(time.DateOnly))
		case d < earliest:
			return nil, cutoffError("cutoff %s: its model would train on the customers at %s, who have %s of orders in %s before them (it starts on %s), less than the %s-day horizon; the earliest cutoff is %s",
				date, dateOf(d-horizonDays).Format(time.DateOnly), daysText(d-horizonDays-first), log.Name,
				dateOf(first).Format(time.DateOnly), data.Thousands(horizonDays), dateOf(earliest).Format(time.DateOnly))
		case d+horizonDays > last:
			return nil, cutoffError("cutoff %s: its %s-day label window ends %s, after %s ends on %s; the latest cutoff is %s",
				date, data.Thousands(horizonDays), dateOf(d+horizonDays).Format(time.DateOnly), log.Name,
				dateOf(last).Format(time.DateOnly), dateOf(last-horizonDays).Format(time.DateOnly))
		}
	}
	out := make([]time.Time, len(days))
	for i, d := range days {
		out[i] = dateOf(d)
	}
	return out, nil
}

// daysText writes n days as the refusals count them, with a thousands
// separator (data.Count): "1 day", "1,201 days".
func daysText(n int) string { return data.Count(n, "day", "days") }

// horizonRangeError refuses a horizon outside 1 .. data.MaxHorizonDays.
func horizonRangeError(horizonDays int) error {
	return cutoffError("horizon of %s: want 1 to %s", daysText(horizonDays), data.Thousands(data.MaxHorizonDays))
}
