package experiment

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine/metrics"
)

// backtestLog is a log of 2024-01-01 (day 0) .. 2024-03-01 (day 60) whose
// cohorts at a 10-day horizon can be counted by hand:
//
//   - a00..a19 order every s = 4 + i%6 days from day 0 to day 60: in every
//     cohort, and always positive (10 consecutive days hold a multiple of s);
//   - b00..b19 order once, on day i%10: in every cohort, never positive;
//   - d00..d09 order on days i%3, i%3+4, … up to day 15, then stop: in
//     every cohort, never positive;
//   - c00..c09 order on day 35 (02-05) and day 50 (02-20): in the cohorts
//     from day 35, positive at cutoff 02-10 (day 50 is the last day of its
//     window (40, 50]) and negative at 02-20 (day 50 is then history).
//
// The orders carry varied amounts so that BG/NBD and the network see more
// than three distinct rows.
func backtestLog(t *testing.T) *data.OrderLog {
	t.Helper()
	day0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	add := func(id string, day int, amount float64) {
		fmt.Fprintf(&b, "%s,%s,%.2f\n", id, day0.AddDate(0, 0, day).Format(time.DateOnly), amount)
	}
	for i := range 20 {
		for d := 0; d <= 60; d += aStep(i) {
			add(fmt.Sprintf("a%02d", i), d, float64(10+i+d))
		}
		add(fmt.Sprintf("b%02d", i), i%10, float64(5+i))
	}
	for i := range 10 {
		for d := i % 3; d <= 15; d += 4 {
			add(fmt.Sprintf("d%02d", i), d, float64(8+i+d))
		}
	}
	for i := range 10 {
		add(fmt.Sprintf("c%02d", i), 35, float64(20+i))
		add(fmt.Sprintf("c%02d", i), 50, float64(30+i))
	}
	log, err := data.ReadOrderLog(strings.NewReader(b.String()), "orders.csv", data.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return log
}

// aStep is the days between the orders of customer a<i>.
func aStep(i int) int { return 4 + i%6 }

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func dates(ts []time.Time) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Format(time.DateOnly)
	}
	return out
}

func TestBacktestCutoffs(t *testing.T) {
	log := backtestLog(t)
	got, err := BacktestCutoffs(log, 10, 3)
	if err != nil {
		t.Fatal(err)
	}
	// The latest test cutoff is 03-01 − 10 days; the others step back by 10.
	if want := "2024-01-31 2024-02-10 2024-02-20"; strings.Join(dates(got), " ") != want {
		t.Errorf("cutoffs %v, want %s", dates(got), want)
	}
	// A fold's training cutoff needs one horizon of history, so the test
	// cutoffs run from 01-21 to 02-20. Five folds spaced by the horizon
	// would start at 01-11, so they are spaced evenly over those 30 days:
	// 30 / 4 = 7 days apart, ending at 02-20.
	got, err = BacktestCutoffs(log, 10, 5)
	if want := "2024-01-23 2024-01-30 2024-02-06 2024-02-13 2024-02-20"; err != nil || strings.Join(dates(got), " ") != want {
		t.Errorf("5 folds: %v, %v, want %s", dates(got), err, want)
	}
	if d, overlap := BacktestSpacing(got, 10); d != 7 || !overlap {
		t.Errorf("5 folds spaced %d days (overlap %v), want 7 and true", d, overlap)
	}
	if d, overlap := BacktestSpacing(got[:0], 10); d != 0 || overlap {
		t.Errorf("no folds spaced %d days (overlap %v), want 0 and false", d, overlap)
	}
	// 31 test cutoffs fit (01-21 .. 02-20); 32 folds do not.
	if _, err := BacktestCutoffs(log, 10, 31); err != nil {
		t.Errorf("31 folds: %v", err)
	}
	_, err = BacktestCutoffs(log, 10, 32)
	want := "32 folds need 32 different test cutoffs, but orders.csv allows only 31 (2024-01-21 .. 2024-02-20) for a 10-day horizon: give fewer --folds or a shorter --horizon"
	if err == nil || err.Error() != want || !errors.Is(err, data.ErrCutoff) {
		t.Errorf("32 folds: %v, want %q matching data.ErrCutoff", err, want)
	}
	_, err = BacktestCutoffs(log, 21, 1)
	// 2024-01-01 .. 2024-03-01 is 31 + 29 + 1 = 61 days, both ends in (as
	// recommend counts); a fold of a 21-day horizon needs 3 × 21 + 1 = 64.
	want = "orders.csv runs 2024-01-01 .. 2024-03-01 (61 days), too short to backtest a 21-day horizon: a fold needs 64 days of orders (its training cutoff's day with one horizon of history before it, then two horizons)"
	if err == nil || err.Error() != want {
		t.Errorf("31-day horizon: %v, want %q", err, want)
	}
	// The 61 days are exactly a fold of a 20-day horizon (3 × 20 + 1):
	// the one test cutoff is 2024-03-01 − 20 days = 2024-02-10.
	if got, err := BacktestCutoffs(log, 20, 1); err != nil || strings.Join(dates(got), " ") != "2024-02-10" {
		t.Errorf("20-day horizon: %v, %v; want 2024-02-10", dates(got), err)
	}
	// A log of one day counts 1, as recommend's "spans 1 day".
	if got := SpanDays(100, 100); got != "1 day" {
		t.Errorf("SpanDays of one day = %q", got)
	}
}

func TestCheckBacktestCutoffs(t *testing.T) {
	log := backtestLog(t)
	// The earliest cutoff leaves its training cutoff (01-11) one horizon
	// of history after 01-01, as BacktestCutoffs' folds do; the latest
	// one's window ends on the log's last day, 03-01.
	got, err := CheckBacktestCutoffs(log, 10, []time.Time{date("2024-02-20"), date("2024-01-21")})
	if err != nil || strings.Join(dates(got), " ") != "2024-01-21 2024-02-20" {
		t.Errorf("got %v, %v; want the two cutoffs sorted (01-21 trains at 01-11, 02-20's window ends 03-01)", dates(got), err)
	}
	for _, c := range []struct {
		cutoffs []string
		horizon int
		want    string
	}{
		{[]string{"2024-01-10"}, 10, "cutoff 2024-01-10: its model would train on the customers at 2023-12-31 (10 days earlier), before orders.csv starts on 2024-01-01; the earliest cutoff is 2024-01-21"},
		// 01-11 trains at 01-01: customers with no history.
		{[]string{"2024-01-11"}, 10, "cutoff 2024-01-11: its model would train on the customers at 2024-01-01, who have 0 days of orders in orders.csv before them (it starts on 2024-01-01), less than the 10-day horizon; the earliest cutoff is 2024-01-21"},
		{[]string{"2024-01-20", "2024-02-20"}, 10, "cutoff 2024-01-20: its model would train on the customers at 2024-01-10, who have 9 days of orders in orders.csv before them (it starts on 2024-01-01), less than the 10-day horizon; the earliest cutoff is 2024-01-21"},
		{[]string{"2024-02-21"}, 10, "cutoff 2024-02-21: its 10-day label window ends 2024-03-02, after orders.csv ends on 2024-03-01; the latest cutoff is 2024-02-20"},
		{[]string{"2024-02-01", "2024-02-01"}, 10, "cutoff 2024-02-01 is given twice"},
		// 61 days hold no fold of 21 days (3 × 21 + 1 = 64): refused as
		// --folds refuses it, not with an earliest cutoff (01-01 + 42 =
		// 02-12) whose window (to 03-04) would in turn be refused.
		{[]string{"2024-02-12"}, 21, "orders.csv runs 2024-01-01 .. 2024-03-01 (61 days), too short to backtest a 21-day horizon: a fold needs 64 days of orders (its training cutoff's day with one horizon of history before it, then two horizons)"},
	} {
		var ts []time.Time
		for _, s := range c.cutoffs {
			ts = append(ts, date(s))
		}
		_, err := CheckBacktestCutoffs(log, c.horizon, ts)
		if err == nil || err.Error() != c.want || !errors.Is(err, data.ErrCutoff) {
			t.Errorf("%v: %v, want %q", c.cutoffs, err, c.want)
		}
	}
	// The 61 days are exactly a fold of 20 days: its one cutoff, 02-10,
	// is both the earliest and the latest.
	if got, err := CheckBacktestCutoffs(log, 20, []time.Time{date("2024-02-10")}); err != nil || len(got) != 1 {
		t.Errorf("20-day horizon at 02-10: %v, %v; want it accepted", dates(got), err)
	}
}

// A fold whose training customers cannot train a network is refused with
// the reason, not run to score a constant: one class, or fewer than
// MinTrainClass customers of one.
func TestBacktestRefusesAFoldThatCannotTrain(t *testing.T) {
	for _, c := range []struct {
		name string
		// extra customers beside b00..b29, who order once on 01-01 and
		// are negative in every window after it.
		extra func(add func(id string, day int))
		want  string
	}{
		{"few", func(add func(string, int)) {
			// p0..p4 order every 4 days to 03-01: the 5 positives at 02-10.
			for i := range 5 {
				for d := 0; d <= 60; d += 4 {
					add(fmt.Sprintf("p%d", i), d)
				}
			}
		}, "backtest fold at 2024-02-20: too few rows: the training cohort at 2024-02-10 has 35 customers and 5 who order again within 10 days: a network needs at least 10 customers of each class to learn from"},
		{"one class", func(add func(string, int)) {
			// late orders only after 02-20, so nobody at 02-10 orders again
			// by 02-20; it stretches the log to 03-01.
			add("late", 55)
			add("late", 60)
		}, "backtest fold at 2024-02-20: too few rows: the training cohort at 2024-02-10 has 30 customers and 0 who order again within 10 days: both classes are needed"},
	} {
		day0 := date("2024-01-01")
		var b strings.Builder
		b.WriteString("customer,date,amount\n")
		add := func(id string, day int) {
			fmt.Fprintf(&b, "%s,%s,%d\n", id, day0.AddDate(0, 0, day).Format(time.DateOnly), 5+day)
		}
		for i := range 30 {
			add(fmt.Sprintf("b%02d", i), 0)
		}
		c.extra(add)
		log, err := data.ReadOrderLog(strings.NewReader(b.String()), "orders.csv", data.LogOptions{})
		if err != nil {
			t.Fatal(err)
		}
		cfg := schemeConfig()
		_, err = Backtest(context.Background(), log, BacktestOptions{HorizonDays: 10, Cutoffs: []time.Time{date("2024-02-20")}, Config: cfg}, nil)
		if err == nil || err.Error() != c.want || !errors.Is(err, ErrTooFewRows) {
			t.Errorf("%s: %v\nwant %s", c.name, err, c.want)
		}
		// The out-of-time scheme (the TUI's) keeps the same rule: it
		// splits at random and says why.
		tab, rep, err := data.BuildCohort(log, date("2024-02-20"), 10)
		if err != nil {
			t.Fatal(err)
		}
		d := &Data{Source: Source{Kind: "log", Path: "orders.csv", Cutoff: date("2024-02-20"), HorizonDays: 10}, Table: tab, Cohort: &rep, Log: log}
		cfg.Validation = OutOfTime
		e, err := Prepare(d, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if want := strings.TrimPrefix(c.want, "backtest fold at 2024-02-20: "); e.Fallback == nil || e.Fallback.Error() != want {
			t.Errorf("%s: out of time: fallback %v; want %s", c.name, e.Fallback, want)
		}
	}
}

func TestBacktestFolds(t *testing.T) {
	log := backtestLog(t)
	cfg := DefaultConfig()
	cfg.Train.Epochs = 5
	var calls []int
	res, err := Backtest(context.Background(), log, BacktestOptions{HorizonDays: 10, Folds: 3, Config: cfg},
		func(done, k int, f *BacktestFold) {
			if k != 3 {
				t.Errorf("progress k = %d", k)
			}
			calls = append(calls, done)
		})
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) != 3 || calls[2] != 3 {
		t.Errorf("progress calls %v", calls)
	}
	type counts struct {
		train, test                 string
		trainN, trainPos, trainLate int
		testN, testPos, testLate    int
	}
	want := []counts{
		{"2024-01-21", "2024-01-31", 50, 20, 10, 50, 20, 10},
		{"2024-01-31", "2024-02-10", 50, 20, 10, 60, 30, 0},
		{"2024-02-10", "2024-02-20", 60, 30, 0, 60, 20, 0},
	}
	for i, f := range res.Folds {
		got := counts{f.TrainCutoff.Format(time.DateOnly), f.TestCutoff.Format(time.DateOnly),
			f.Train.Customers, f.Train.Positives, f.Train.Later, f.Test.Customers, f.Test.Positives, f.Test.Later}
		if f.Fold != i+1 || got != want[i] {
			t.Errorf("fold %d: %+v, want %+v", f.Fold, got, want[i])
		}
		if f.Fold == 1 {
			// At 01-31 nobody has yet stopped long enough to tell dropout
			// from a slow rate: the likelihood's maximum lies towards the
			// boundary (a → 0 or b → ∞), where BFGS stops in its line
			// search and btyd.Fit's Nelder–Mead retry ends. The fit must
			// still say that nobody is likely to have dropped out.
			if q := f.BGNBDFit.A / (f.BGNBDFit.A + f.BGNBDFit.B); f.BGNBDErr == nil && q > 0.01 {
				t.Errorf("fold 1: BG/NBD fit %+v, want a drop-out probability per purchase a/(a+b) near 0, got %g", f.BGNBDFit, q)
			}
		}
		if f.BGNBDErr != nil {
			t.Errorf("fold %d: %v", f.Fold, f.BGNBDErr)
		}
		if f.Network.Rows != f.Test.Customers || f.BGNBD.Rows != f.Test.Customers ||
			f.Network.Positives != float64(f.Test.Positives) || f.BGNBD.Positives != float64(f.Test.Positives) {
			t.Errorf("fold %d: network measured on %d rows (%v positive), BG/NBD on %d (%v), want the %d test customers",
				f.Fold, f.Network.Rows, f.Network.Positives, f.BGNBD.Rows, f.BGNBD.Positives, f.Test.Customers)
		}
		if !f.BGNBDFit.CalibrationEnd.Equal(f.TestCutoff) || f.BGNBDFit.Customers != f.Test.Customers {
			t.Errorf("fold %d: BG/NBD fitted up to %s on %d customers", f.Fold, f.BGNBDFit.CalibrationEnd, f.BGNBDFit.Customers)
		}
	}
	var sum float64
	for _, f := range res.Folds {
		sum += f.Network.LogLoss
	}
	if m := res.Network.Mean.LogLoss; math.Abs(m-sum/3) > 1e-12 {
		t.Errorf("network mean log_loss %v, want %v", m, sum/3)
	}
	if res.BGNBD == nil {
		t.Errorf("BG/NBD not summarised over folds although every fold has a fit")
	}
}

// BGNBDBaseline's scores line up with the cohort's rows, and each row's
// calibration summary is the customer's, by hand (weeks, from day 0).
func TestBGNBDBaselineAlignsWithTheCohort(t *testing.T) {
	log := backtestLog(t)
	cut := date("2024-02-20") // day 50
	tab, _, err := data.BuildCohort(log, cut, 10)
	if err != nil {
		t.Fatal(err)
	}
	bg, err := BGNBDBaseline(log, tab, cut, 10)
	if err != nil {
		t.Fatal(err)
	}
	if bg.Fit.Customers != 60 || len(bg.PAny) != tab.Rows {
		t.Fatalf("fitted on %d customers, %d scores for %d rows", bg.Fit.Customers, len(bg.PAny), tab.Rows)
	}
	for i, id := range tab.IDs() {
		s := bg.Summaries[i]
		var x, tx, tt float64
		var n int
		fmt.Sscanf(id[1:], "%d", &n)
		switch id[0] {
		case 'a': // days 0, s, 2s, … up to 50
			k := 50 / aStep(n)
			x, tx, tt = float64(k), float64(k*aStep(n))/7, 50.0/7
		case 'd': // days i%3, i%3+4, … up to 15
			first := n % 3
			k := (15 - first) / 4
			x, tx, tt = float64(k), float64(4*k)/7, float64(50-first)/7
		case 'b': // day i%10 only
			x, tx, tt = 0, 0, float64(50-n%10)/7
		case 'c': // days 35 and 50
			x, tx, tt = 1, 15.0/7, 15.0/7
		}
		if s.X != x || math.Abs(s.TX-tx) > 1e-12 || math.Abs(s.T-tt) > 1e-12 {
			t.Errorf("row %d (%s): x %v t_x %v T %v, want %v %v %v", i+1, id, s.X, s.TX, s.T, x, tx, tt)
		}
		if want := bg.Fit.Params().PAnyPurchase(s, 10.0/7); bg.PAny[i] != want {
			t.Errorf("row %d (%s): PAny %v, want %v", i+1, id, bg.PAny[i], want)
		}
	}
	rep, err := bg.Report(tab.Label.Values, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	direct, err := metrics.NewReport(bg.PAny, tab.Label.Values, nil, 0.5)
	if err != nil || rep.ROCAUC != direct.ROCAUC || rep.LogLoss != direct.LogLoss {
		t.Errorf("report %v / %v, direct %v / %v (%v)", rep.ROCAUC, rep.LogLoss, direct.ROCAUC, direct.LogLoss, err)
	}
}

func TestBacktestRefusesATestShare(t *testing.T) {
	cfg := DefaultConfig()
	cfg.TestFrac = 0.1
	_, err := Backtest(context.Background(), backtestLog(t), BacktestOptions{HorizonDays: 10, Config: cfg}, nil)
	if err == nil || !strings.Contains(err.Error(), "test share 0.1 must be 0") {
		t.Errorf("got %v", err)
	}
}

// With BTYD, both cohorts of every fold carry the BG/NBD inputs, each
// fitted on its own cutoff's history, as train --btyd-features makes them;
// without it neither does.
func TestBacktestBTYDFeatures(t *testing.T) {
	log := backtestLog(t)
	cfg := DefaultConfig()
	cfg.Train.Epochs = 3
	btyd := []string{"btyd_p_alive", "btyd_expected_10d", "btyd_p_any_10d"}
	for _, on := range []bool{false, true} {
		res, err := Backtest(context.Background(), log, BacktestOptions{HorizonDays: 10,
			Cutoffs: []time.Time{date("2024-02-10"), date("2024-02-20")}, Config: cfg, BTYD: on}, nil)
		if err != nil {
			t.Fatalf("BTYD %v: %v", on, err)
		}
		for _, f := range res.Folds {
			for _, part := range []struct {
				name string
				rep  data.CohortReport
			}{{"training", f.Train}, {"test", f.Test}} {
				got := part.rep.Features[max(len(part.rep.Features)-3, 0):]
				has := strings.Join(got, ",") == strings.Join(btyd, ",")
				if has != on {
					t.Errorf("BTYD %v, fold %d: %s cohort's last features %v", on, f.Fold, part.name, got)
				}
			}
			if f.Network.Rows != f.Test.Customers {
				t.Errorf("BTYD %v, fold %d: network measured on %d rows, want %d", on, f.Fold, f.Network.Rows, f.Test.Customers)
			}
		}
	}
}

// TestBacktestRefusalsWriteDayCountsWithSeparators: every count of days in
// a backtest refusal is written as the project writes counts (data.Count,
// data.Thousands): "needs 4,201 days", not "needs 4201 days". The log runs
// 2010-01-01 .. 2020-12-31: 11 × 365 + 3 leap days = 4,018 days, both ends
// in; dates computed with Python's datetime.
func TestBacktestRefusalsWriteDayCountsWithSeparators(t *testing.T) {
	log, err := data.ReadOrderLog(strings.NewReader("customer,date\na,2010-01-01\nb,2015-06-01\na,2020-12-31\n"), "long.csv", data.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// A 1,400-day fold needs 3 × 1,400 + 1 = 4,201 days.
	_, err = BacktestCutoffs(log, 1400, 1)
	want := "long.csv runs 2010-01-01 .. 2020-12-31 (4,018 days), too short to backtest a 1,400-day horizon: a fold needs 4,201 days of orders " +
		"(its training cutoff's day with one horizon of history before it, then two horizons)"
	if err == nil || err.Error() != want {
		t.Errorf("1,400-day horizon:\n got %v\nwant %s", err, want)
	}
	// With 1,000 days the test cutoffs run from 2010-01-01 + 2,000 days =
	// 2015-06-24 to 2020-12-31 - 1,000 days = 2018-04-06: 1,018 of them.
	_, err = BacktestCutoffs(log, 1000, 2000)
	want = "2,000 folds need 2,000 different test cutoffs, but long.csv allows only 1,018 (2015-06-24 .. 2018-04-06) for a 1,000-day horizon: " +
		"give fewer --folds or a shorter --horizon"
	if err == nil || err.Error() != want {
		t.Errorf("2,000 folds:\n got %v\nwant %s", err, want)
	}
	if _, err = BacktestCutoffs(log, 5000, 1); err == nil || err.Error() != "horizon of 5,000 days: want 1 to 3,650" {
		t.Errorf("5,000-day horizon: %v", err)
	}
	for _, c := range []struct{ cutoff, want string }{
		// 2012-01-01 - 1,000 days = 2009-04-06, before the log.
		{"2012-01-01", "cutoff 2012-01-01: its model would train on the customers at 2009-04-06 (1,000 days earlier), before long.csv starts on 2010-01-01; " +
			"the earliest cutoff is 2015-06-24"},
		// 2013-01-01 - 1,000 days = 2010-04-07, 96 days after the start.
		{"2013-01-01", "cutoff 2013-01-01: its model would train on the customers at 2010-04-07, who have 96 days of orders in long.csv before them " +
			"(it starts on 2010-01-01), less than the 1,000-day horizon; the earliest cutoff is 2015-06-24"},
		// 2020-01-01 + 1,000 days = 2022-09-27.
		{"2020-01-01", "cutoff 2020-01-01: its 1,000-day label window ends 2022-09-27, after long.csv ends on 2020-12-31; the latest cutoff is 2018-04-06"},
	} {
		_, err := CheckBacktestCutoffs(log, 1000, []time.Time{date(c.cutoff)})
		if err == nil || err.Error() != c.want || !errors.Is(err, data.ErrCutoff) {
			t.Errorf("cutoff %s:\n got %v\nwant %s", c.cutoff, err, c.want)
		}
	}
}
