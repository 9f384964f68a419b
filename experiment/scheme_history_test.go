package experiment

import (
	"errors"
	"testing"

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
