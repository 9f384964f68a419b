package experiment

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/metrics"
)

// loadedAt builds the Data that Load makes of backtestLog at a cutoff with
// a 10-day horizon.
func loadedAt(t *testing.T, cutoff string) *Data {
	t.Helper()
	log := backtestLog(t)
	tab, rep, err := data.BuildCohort(log, date(cutoff), 10)
	if err != nil {
		t.Fatal(err)
	}
	return &Data{Source: Source{Kind: "log", Path: "orders.csv", Cutoff: date(cutoff), HorizonDays: 10}, Table: tab, Cohort: &rep, Log: log}
}

// prepareOutOfTime prepares an experiment on d with schemeConfig validated
// out of time.
func prepareOutOfTime(t *testing.T, d *Data) (*Experiment, Config) {
	t.Helper()
	cfg := schemeConfig()
	cfg.Validation = OutOfTime
	e, err := Prepare(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return e, cfg
}

func schemeConfig() Config {
	cfg := DefaultConfig()
	cfg.Train.Epochs, cfg.Hidden = 5, []engine.LayerSpec{{Units: 4, Activation: engine.ReLU}}
	return cfg
}

func TestNewOutOfTimeTrainsEarlierMeasuresAtCutoff(t *testing.T) {
	d := loadedAt(t, "2024-02-20")
	cfg := schemeConfig()
	cfg.Validation = OutOfTime
	e, err := Prepare(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	// At 02-10 the c customers (first order 02-05) are in the cohort and
	// all positive; at 02-20 they are negative: 60 customers each time.
	if e.Scheme() != OutOfTime || e.MainPart() != LaterPart || e.Fallback != nil || e.Loaded() != d {
		t.Fatalf("scheme %v, part %v, fallback %v: want out of time on the loaded data", e.Scheme(), e.MainPart(), e.Fallback)
	}
	if got := e.Data.Cohort.Cutoff.Format(time.DateOnly); got != "2024-02-10" {
		t.Errorf("trains at %s, want 2024-02-10", got)
	}
	if e.Data.Cohort.Positives != 30 || d.Cohort.Positives != 20 {
		t.Errorf("positives %d at 02-10 and %d at 02-20, want 30 (a + c) and 20 (a)", e.Data.Cohort.Positives, d.Cohort.Positives)
	}
	probs, labels, rows, err := e.Scores(LaterPart)
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) != 60 || len(rows) != 60 || rows[59] != 59 {
		t.Fatalf("%d scores, %d rows: want every customer at 02-20", len(probs), len(rows))
	}
	for i, y := range labels {
		if y != d.Table.Label.Values[i] {
			t.Fatalf("label %d is %g, want the cohort's %g", i, y, d.Table.Label.Values[i])
		}
	}
	// Backtest's fold at 02-20 is this experiment, trained.
	backtestIsOutOfTime(t, e, d, cfg, nil)
}

// backtestIsOutOfTime trains e, an out-of-time experiment on d with cfg,
// and checks that Backtest's fold at d's cutoff, with the columns exclude
// names left out, measures the same ROC AUC on the later customers.
func backtestIsOutOfTime(t *testing.T, e *Experiment, d *Data, cfg Config, exclude []string) {
	t.Helper()
	if err := e.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	ev, err := e.Evaluate(LaterPart, cfg.Threshold)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Validation = ""
	res, err := Backtest(context.Background(), d.Log, BacktestOptions{HorizonDays: d.Source.HorizonDays,
		Cutoffs: []time.Time{d.Cohort.Cutoff}, Config: cfg, Exclude: exclude}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ev.Report.ROCAUC, res.Folds[0].Network.ROCAUC; got != want {
		t.Errorf("out-of-time AUC %v, backtest fold's %v: want the same", got, want)
	}
}

func TestPrepareFallsBackToRandomSplitWithReason(t *testing.T) {
	d := loadedAt(t, "2024-01-05") // 10 days earlier is before the log starts
	cfg := schemeConfig()
	cfg.Validation = OutOfTime
	e, err := Prepare(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if e.Scheme() != RandomSplit || e.Fallback == nil {
		t.Fatalf("scheme %v, fallback %v: want a random split with a reason", e.Scheme(), e.Fallback)
	}
	want := "validating out of time at cutoff 2024-01-05 trains on the customers at 2023-12-26 (10 days earlier), before orders.csv starts on 2024-01-01"
	if got := e.Fallback.Error(); got != want {
		t.Errorf("reason %q\nwant     %q", got, want)
	}
	if _, err := CompareSchemes(context.Background(), e, nil); err == nil || err.Error() != want {
		t.Errorf("comparing a fallback: %v, want the fallback's reason", err)
	}
	// Without the scheme, Prepare is New: no reason given.
	cfg.Validation = RandomSplit
	if e, err = Prepare(d, cfg); err != nil || e.Fallback != nil || e.Later != nil {
		t.Errorf("random split: %v, fallback %v", err, e.Fallback)
	}
}

func TestPrepareFallsBackOnOneClassCohort(t *testing.T) {
	// At cutoff 01-21 the model would train on the customers at 01-11:
	// x, y and z, who all order again by 01-21 (w starts on 01-31).
	log, err := data.ReadOrderLog(strings.NewReader("customer,date,amount\nx,2024-01-01,1\nx,2024-01-15,2\nx,2024-01-25,2\n"+
		"y,2024-01-02,3\ny,2024-01-12,4\nz,2024-01-03,5\nz,2024-01-20,6\nw,2024-01-31,7\n"),
		"tiny.csv", data.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tab, rep, err := data.BuildCohort(log, date("2024-01-21"), 10)
	if err != nil {
		t.Fatal(err)
	}
	d := &Data{Source: Source{Kind: "log", Path: "tiny.csv", Cutoff: date("2024-01-21"), HorizonDays: 10}, Table: tab, Cohort: &rep, Log: log}
	_, err = NewOutOfTime(d, schemeConfig())
	want := "too few rows: the training cohort at 2024-01-11 has 3 customers and 3 who order again within 10 days: both classes are needed"
	if err == nil || err.Error() != want || !errors.Is(err, ErrTooFewRows) {
		t.Errorf("error %v\nwant  %s", err, want)
	}
}

func TestConfigRefusesUnknownScheme(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Validation = "sideways"
	want := `invalid configuration: validation "sideways": want "random" or "out-of-time"`
	if err := cfg.Validate(); err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

func TestExperimentBGNBDMeasuresTheNetworksCustomers(t *testing.T) {
	for _, scheme := range []Scheme{OutOfTime, RandomSplit} {
		d := loadedAt(t, "2024-02-20")
		cfg := schemeConfig()
		cfg.Validation = scheme
		e, err := Prepare(d, cfg)
		if err != nil {
			t.Fatal(err)
		}
		got, err := e.BGNBD(0.5)
		if err != nil {
			t.Fatal(err)
		}
		// Independently: fit on the log up to the cutoff, pick the rows of
		// the network's main part.
		bg, err := BGNBDBaseline(d.Log, d.Table, d.Cohort.Cutoff, 10)
		if err != nil {
			t.Fatal(err)
		}
		rows := e.Split.Validation
		if scheme == OutOfTime {
			rows = make([]int, d.Table.Rows)
			for i := range rows {
				rows[i] = i
			}
		}
		scores, labels := make([]float64, len(rows)), make([]float64, len(rows))
		for i, r := range rows {
			scores[i], labels[i] = bg.PAny[r], d.Table.Label.Values[r]
		}
		want, err := metrics.NewReport(scores, labels, nil, 0.5)
		if err != nil {
			t.Fatal(err)
		}
		if got.Part != e.MainPart() || got.Report.Rows != len(rows) || got.Report.ROCAUC != want.ROCAUC ||
			got.Report.LogLoss != want.LogLoss || got.Lift != want.Gains[0].Lift || got.Fit != bg.Fit {
			t.Errorf("%s: BG/NBD on %s, %d rows, AUC %v, log loss %v, lift %v; want %d rows, %v, %v, %v",
				scheme, got.Part, got.Report.Rows, got.Report.ROCAUC, got.Report.LogLoss, got.Lift, len(rows), want.ROCAUC, want.LogLoss, want.Gains[0].Lift)
		}
	}
}

func TestCompareSchemesTrainsTheOtherScheme(t *testing.T) {
	d := loadedAt(t, "2024-02-20")
	cfg := schemeConfig()
	cfg.Validation = OutOfTime
	done, err := Prepare(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := done.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	var epochs int
	c, err := CompareSchemes(context.Background(), done, engine.SinkFunc(func(p engine.Progress) {
		if p.EpochEnd {
			epochs++
		}
	}))
	if err != nil {
		t.Fatal(err)
	}
	// The random split, trained independently with the same seed.
	random, err := New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := random.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	rv, err := random.Evaluate(ValPart, cfg.Threshold)
	if err != nil {
		t.Fatal(err)
	}
	ov, err := done.Evaluate(LaterPart, cfg.Threshold)
	if err != nil {
		t.Fatal(err)
	}
	if c.OutOfTime.ROCAUC != ov.Report.ROCAUC || c.RandomSplit.ROCAUC != rv.Report.ROCAUC ||
		c.Flattery != rv.Report.ROCAUC-ov.Report.ROCAUC || c.OutOfTimeRows != 60 || c.RandomSplitRows != rv.Report.Rows {
		t.Errorf("comparison %+v; want out of time %v on 60, random %v on %d", c, ov.Report.ROCAUC, rv.Report.ROCAUC, rv.Report.Rows)
	}
	if epochs == 0 {
		t.Error("the sink heard no epoch of the second training")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := CompareSchemes(ctx, done, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v, want context.Canceled", err)
	}
}

// TestOutOfTimeTrainsOnLoadsFeatures: the earlier cohort an out-of-time
// experiment trains on has the columns of the loaded one, the feature set
// and BG/NBD inputs included, so the pipeline fitted on it transforms the
// customers at the cutoff.
func TestOutOfTimeTrainsOnLoadsFeatures(t *testing.T) {
	log := backtestLog(t)
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	for _, o := range log.Orders {
		fmt.Fprintf(&b, "%s,%s,%.2f\n", log.Customers[o.Customer], dateOf(int(o.Day)).Format(time.DateOnly), o.Amount)
	}
	open := func(string) (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(b.String())), nil }
	for _, f := range []LogFeatures{{Version: 1}, {BTYD: true}} {
		d, err := LoadAt(Source{Kind: "log", Path: "orders.csv", HorizonDays: 10, Features: f}, open, date("2024-06-01"))
		if err != nil {
			t.Fatal(err)
		}
		e, _ := prepareOutOfTime(t, d)
		names := func(tab *data.Table) []string {
			var out []string
			for _, c := range tab.Columns {
				out = append(out, c.Name)
			}
			return out
		}
		got, want := names(e.Data.Table), names(d.Table)
		if e.Later == nil || fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%+v: trains on %v, measured on %v", f, got, want)
		}
	}
}

// A column left out of the loaded cohort (--exclude, or the Data screen's
// toggle) stays out of the earlier cohort an out-of-time experiment trains
// on, which is built afresh from the log; before, the network trained on it.
func TestOutOfTimeKeepsExcludedColumnsOut(t *testing.T) {
	d := loadedAt(t, "2024-02-20")
	if err := data.ExcludeColumns(d.Table, []string{"orders_30d", "monetary_total"}); err != nil {
		t.Fatal(err)
	}
	e, cfg := prepareOutOfTime(t, d)
	if e.Later == nil {
		t.Fatalf("not out of time: %v", e.Fallback)
	}
	for _, name := range e.Pipeline.FeatureNames() {
		if strings.HasPrefix(name, "orders_30d") || strings.HasPrefix(name, "monetary_total") {
			t.Errorf("the network's inputs %v hold the excluded %s", e.Pipeline.FeatureNames(), name)
		}
	}
	for _, name := range []string{"orders_30d", "monetary_total"} {
		if c := e.Data.Table.Column(name); c == nil || !c.Excluded {
			t.Errorf("training cohort's %s: %+v, want it there and excluded", name, c)
		}
	}
	if e.Pipeline.Width() == 0 || e.Later.Set.Cols != e.Pipeline.Width() {
		t.Errorf("later cohort's %d inputs, pipeline's %d", e.Later.Set.Cols, e.Pipeline.Width())
	}
	// The backtest's fold at the same cutoff, with the same exclusions
	// through its options, is this experiment trained.
	backtestIsOutOfTime(t, e, d, cfg, []string{"orders_30d", "monetary_total"})
	cfg.Validation = ""
	_, err := Backtest(context.Background(), d.Log, BacktestOptions{HorizonDays: 10,
		Cutoffs: []time.Time{date("2024-02-20")}, Config: cfg, Exclude: []string{"no_such"}}, nil)
	const want = `backtest fold at 2024-02-20: unknown column: orders.csv: no column "no_such" (columns: customer, recency_days, ` +
		`frequency, monetary_total, monetary_avg, tenure_days, orders_30d, orders_90d, interval_mean_days, interval_std_days, spend_trend)`
	if err == nil || !errors.Is(err, data.ErrUnknownColumn) || err.Error() != want {
		t.Errorf("excluding an unknown column: %v, want %s", err, want)
	}
}
