package experiment

import (
	"errors"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
)

// loadedAtHorizon builds the Data that Load makes of backtestLog at a
// cutoff with a horizon of h days.
func loadedAtHorizon(t *testing.T, log *data.OrderLog, cutoff string, h int) *Data {
	t.Helper()
	tab, rep, err := data.BuildCohort(log, date(cutoff), h)
	if err != nil {
		t.Fatal(err)
	}
	return &Data{Source: Source{Kind: "log", Path: "orders.csv", Cutoff: date(cutoff), HorizonDays: h}, Table: tab, Cohort: &rep, Log: log}
}

func TestPrepareFallsBackWhenTrainingCustomersHaveLittleHistory(t *testing.T) {
	// At cutoff 01-15 the model would train on the customers at 01-05,
	// who have 4 days of orders before them: less than the 10-day horizon.
	d := loadedAt(t, "2024-01-15")
	cfg := schemeConfig()
	cfg.Validation = OutOfTime
	e, err := Prepare(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if e.Scheme() != RandomSplit || e.Fallback == nil || !e.Fallback.Short || e.Fallback.TooShort() {
		t.Fatalf("scheme %v, fallback %v: want a random split, the cutoff too early", e.Scheme(), e.Fallback)
	}
	want := "validating out of time at cutoff 2024-01-15 trains on the customers at 2024-01-05, who have 4 days of orders in orders.csv before them (it starts on 2024-01-01), less than the 10-day horizon; the earliest cutoff that leaves them one horizon is 2024-01-21"
	if got := e.Fallback.Error(); got != want {
		t.Errorf("reason %q\nwant     %q", got, want)
	}
}

func TestPrepareFallsBackOnALogTooShortToBacktest(t *testing.T) {
	// backtestLog runs 60 days: a 25-day horizon needs 75.
	log := backtestLog(t)
	d := loadedAtHorizon(t, log, "2024-02-05", 25)
	cfg := schemeConfig()
	cfg.Validation = OutOfTime
	e, err := Prepare(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if e.Scheme() != RandomSplit || e.Fallback == nil || !e.Fallback.TooShort() {
		t.Fatalf("scheme %v, fallback %v: want a random split, the log too short", e.Scheme(), e.Fallback)
	}
	// 61 days, both ends in (31 + 29 + 1); 3 × 25 + 1 = 76 needed.
	want := "orders.csv runs 2024-01-01 .. 2024-03-01 (61 days), too short to validate out of time with a 25-day horizon: that needs 76 days of orders (the training cutoff's day with one horizon of history before it, then two horizons)"
	if got := e.Fallback.Error(); got != want {
		t.Errorf("reason %q\nwant     %q", got, want)
	}
}

// TestOutOfTimeKeepsToTheBacktestRule checks that the out-of-time scheme
// at the latest cutoff is possible exactly when a one-fold backtest is.
func TestOutOfTimeKeepsToTheBacktestRule(t *testing.T) {
	log := backtestLog(t)
	for h := 15; h <= 25; h++ {
		cutoff := log.LastKnown().AddDate(0, 0, -h).Format("2006-01-02")
		d := loadedAtHorizon(t, log, cutoff, h)
		_, backtestErr := BacktestCutoffs(log, h, 1)
		_, err := NewOutOfTime(d, schemeConfig())
		var oot *OutOfTimeError
		short := errors.As(err, &oot) && oot.Short
		if short != (backtestErr != nil) {
			t.Errorf("horizon %d: out of time %v, backtest %v: want both possible or neither", h, err, backtestErr)
		}
	}
}

// TestPrepareFallsBackWhenTheLabelWindowRunsPastTheLog: backtestLog ends
// on 2024-03-01, so with a 10-day horizon the customers at 2024-02-25
// would be labelled on 02-25 .. 03-06, five days of it past the log: their
// labels are truncated. Out of time refuses that cutoff, as retain
// backtest does (CheckBacktestCutoffs), naming the latest it allows,
// 03-01 − 10 days = 02-20; the same log at 02-20 validates out of time.
func TestPrepareFallsBackWhenTheLabelWindowRunsPastTheLog(t *testing.T) {
	cfg := schemeConfig()
	cfg.Validation = OutOfTime
	e, err := Prepare(loadedAt(t, "2024-02-25"), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if e.Scheme() != RandomSplit || e.Fallback == nil || !e.Fallback.Late || e.Fallback.Short {
		t.Fatalf("scheme %v, fallback %#v: want a random split, the label window past the log's end", e.Scheme(), e.Fallback)
	}
	if got, want := e.Fallback.Latest.Format("2006-01-02"), "2024-02-20"; got != want {
		t.Errorf("latest cutoff %s, want %s", got, want)
	}
	want := "validating out of time at cutoff 2024-02-25 measures its customers on a 10-day label window that ends 2024-03-06, after orders.csv ends on 2024-03-01, so their labels would be truncated; the latest cutoff is 2024-02-20"
	if got := e.Fallback.Error(); got != want {
		t.Errorf("reason %q\nwant     %q", got, want)
	}
	if e, _ = Prepare(loadedAt(t, "2024-02-20"), cfg); e.Scheme() != OutOfTime {
		t.Errorf("at the latest cutoff: scheme %v, fallback %v; want out of time", e.Scheme(), e.Fallback)
	}
}

// TestOutOfTimeAcceptsTheCutoffsBacktestAccepts checks, over every cutoff
// of backtestLog and several horizons, that the out-of-time scheme refuses
// a cutoff for its dates (too early, too late, or a log too short) exactly
// when retain backtest refuses it (CheckBacktestCutoffs).
func TestOutOfTimeAcceptsTheCutoffsBacktestAccepts(t *testing.T) {
	log := backtestLog(t)
	for _, h := range []int{5, 10, 19, 20, 21} {
		for c := log.First; c.Before(log.Last); c = c.AddDate(0, 0, 1) {
			cutoff := c.Format("2006-01-02")
			d := loadedAtHorizon(t, log, cutoff, h)
			_, backtestErr := CheckBacktestCutoffs(log, h, []time.Time{c})
			_, err := NewOutOfTime(d, schemeConfig())
			var oot *OutOfTimeError
			refused := errors.As(err, &oot) && oot.OneClass == "" && !oot.Few
			if refused != (backtestErr != nil) {
				t.Errorf("horizon %d, cutoff %s: out of time %v, backtest %v: want both refused or neither", h, cutoff, err, backtestErr)
			}
		}
	}
}
