package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/btyd"
	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/internal/shareddata"
)

// cdnowMaster is the full CDNOW log (23,570 customers, 1997-01-01 ..
// 1998-06-30), reached from the module root.
const cdnowMaster = "../shared/datasets/cdnow/CDNOW_master.txt"

// rawCDNOW reads the CDNOW log directly, without the data package: each
// purchase as (customer id, day number).
func rawCDNOW(t *testing.T) []btyd.Purchase {
	t.Helper()
	f, err := os.Open(cdnowMaster)
	if err != nil {
		shareddata.Missing(t, cdnowMaster, err)
	}
	defer f.Close()
	var out []btyd.Purchase
	sc := bufio.NewScanner(f)
	sc.Scan() // the header
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) != 4 {
			t.Fatalf("line %q", sc.Text())
		}
		id, err1 := strconv.Atoi(fields[0])
		day, err2 := time.Parse("20060102", fields[1])
		if err1 != nil || err2 != nil {
			t.Fatalf("line %q: %v %v", sc.Text(), err1, err2)
		}
		out = append(out, btyd.Purchase{Customer: id, Day: int(day.Unix() / 86400)})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// backtestDoc is the part of `retain backtest --json` the tests read.
type backtestDoc struct {
	Folds []struct {
		Fold              int                        `json:"fold"`
		TrainCutoff       string                     `json:"train_cutoff"`
		TestCutoff        string                     `json:"test_cutoff"`
		TrainCustomers    int                        `json:"train_customers"`
		TestCustomers     int                        `json:"test_customers"`
		TrainPositiveRate float64                    `json:"train_positive_rate"`
		TestPositiveRate  float64                    `json:"test_positive_rate"`
		Network           map[string]json.RawMessage `json:"network"`
		Baselines         struct {
			BGNBD map[string]json.RawMessage `json:"bgnbd"`
		} `json:"baselines"`
	} `json:"folds"`
	Summary map[string]map[string]map[string]float64 `json:"summary"`
}

func jsonNumber(t *testing.T, m map[string]json.RawMessage, key string) float64 {
	t.Helper()
	var v float64
	if err := json.Unmarshal(m[key], &v); err != nil {
		t.Fatalf("%s: %v", key, err)
	}
	return v
}

func closeTo(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// Four 90-day folds on CDNOW master: the fold dates, the customers and
// positive rates counted from the raw file, and BG/NBD's figures computed
// here directly with btyd and metrics on the same customers.
func TestBacktestCDNOWMaster(t *testing.T) {
	purchases := rawCDNOW(t)
	c := newCLI(t)
	code := c.run(context.Background(), "backtest", "--log", cdnowMaster, "--horizon", "90d", "--epochs", "3", "--json")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	var doc backtestDoc
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	// The latest test cutoff is 1998-06-30 − 90 days; each fold trains 90
	// days before it tests.
	want := [][2]string{{"1997-04-06", "1997-07-05"}, {"1997-07-05", "1997-10-03"},
		{"1997-10-03", "1998-01-01"}, {"1998-01-01", "1998-04-01"}}
	if len(doc.Folds) != 4 {
		t.Fatalf("%d folds", len(doc.Folds))
	}
	for i, f := range doc.Folds {
		if f.Fold != i+1 || f.TrainCutoff != want[i][0] || f.TestCutoff != want[i][1] {
			t.Errorf("fold %d: %s → %s, want %s → %s", f.Fold, f.TrainCutoff, f.TestCutoff, want[i][0], want[i][1])
		}
	}
	first := slices.MinFunc(purchases, func(a, b btyd.Purchase) int { return a.Day - b.Day }).Day
	for i, f := range doc.Folds {
		for _, side := range []struct {
			cutoff    string
			customers int
			rate      float64
		}{{f.TrainCutoff, f.TrainCustomers, f.TrainPositiveRate}, {f.TestCutoff, f.TestCustomers, f.TestPositiveRate}} {
			n, pos := rawCohort(purchases, side.cutoff, 90)
			if side.customers != len(n) || side.rate != float64(pos)/float64(len(n)) {
				t.Errorf("fold %d at %s: %d customers, rate %v; the raw file has %d and %d/%d",
					i+1, side.cutoff, side.customers, side.rate, len(n), pos, len(n))
			}
		}
		// BG/NBD on the test cutoff's history, scored by P(any purchase
		// in 90 days), against the labels counted from the raw file.
		cut := dayNumberOf(t, f.TestCutoff)
		sums, err := btyd.Summarize(purchases, first, cut)
		if err != nil {
			t.Fatal(err)
		}
		params, ll, err := btyd.Fit(sums)
		if err != nil {
			t.Fatal(err)
		}
		buyers, _ := rawCohort(purchases, f.TestCutoff, 90)
		scores, labels := make([]float64, len(sums)), make([]float64, len(sums))
		for j, s := range sums {
			scores[j] = params.PAnyPurchase(s, 90.0/7)
			labels[j] = buyers[s.ID]
		}
		rep, err := metrics.NewReport(scores, labels, nil, 0.5)
		if err != nil {
			t.Fatal(err)
		}
		bg := f.Baselines.BGNBD
		for key, v := range map[string]float64{"roc_auc": rep.ROCAUC, "average_precision": rep.AveragePrecision,
			"log_loss": rep.LogLoss, "brier_score_loss": rep.BrierScoreLoss} {
			if got := jsonNumber(t, bg, key); !closeTo(got, v) {
				t.Errorf("fold %d: BG/NBD %s %v, computed directly %v", i+1, key, got, v)
			}
		}
		var fit struct {
			R             float64 `json:"r"`
			Alpha         float64 `json:"alpha"`
			A             float64 `json:"a"`
			B             float64 `json:"b"`
			LogLikelihood float64 `json:"log_likelihood"`
		}
		if err := json.Unmarshal(bg["fit"], &fit); err != nil {
			t.Fatal(err)
		}
		if !closeTo(fit.R, params.R) || !closeTo(fit.Alpha, params.Alpha) || !closeTo(fit.A, params.A) ||
			!closeTo(fit.B, params.B) || !closeTo(fit.LogLikelihood, ll) {
			t.Errorf("fold %d: fit %v, direct %+v LL %v", i+1, fit, params, ll)
		}
	}
}

// rawCohort returns, for the customers with a purchase on or before cutoff,
// 1 when they buy in the horizonDays days after it and 0 otherwise, and the
// number who do.
func rawCohort(purchases []btyd.Purchase, cutoff string, horizonDays int) (map[int]float64, int) {
	c, _ := time.Parse(time.DateOnly, cutoff)
	cut := int(c.Unix() / 86400)
	in := make(map[int]float64)
	for _, p := range purchases {
		if p.Day <= cut {
			in[p.Customer] = 0
		}
	}
	pos := 0
	for _, p := range purchases {
		if v, ok := in[p.Customer]; ok && v == 0 && p.Day > cut && p.Day <= cut+horizonDays {
			in[p.Customer] = 1
			pos++
		}
	}
	return in, pos
}

func dayNumberOf(t *testing.T, s string) int {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return int(d.Unix() / 86400)
}

func jsonKeys[V any](m map[string]V, drop ...string) []string {
	var out []string
	for k := range m {
		if !slices.Contains(drop, k) {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// The metrics of backtest --json carry eval --json's names: each fold's
// network and BG/NBD objects have exactly the keys of eval's report and of
// its baselines.bgnbd object, and the means are named like eval's scalars.
func TestBacktestJSONKeysAreEvals(t *testing.T) {
	shareddata.Need(t, cdnowMaster)
	model := filepath.Join(t.TempDir(), "model.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--log", cdnowMaster, "--horizon", "90d", "--cutoff", "1997-12-31",
		"--epochs", "2", "--out", model); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "eval", "--model", model, "--log", cdnowMaster, "--cutoff", "1998-03-31", "--json"); code != exitOK {
		t.Fatalf("eval: exit %d, stderr %q", code, c.stderr.String())
	}
	var eval map[string]json.RawMessage
	if err := json.Unmarshal(c.stdout.Bytes(), &eval); err != nil {
		t.Fatal(err)
	}
	var evalBase struct {
		BGNBD map[string]json.RawMessage `json:"bgnbd"`
	}
	if err := json.Unmarshal(eval["baselines"], &evalBase); err != nil || evalBase.BGNBD == nil {
		t.Fatalf("eval --json has no baselines.bgnbd (%v): %s", err, eval["baselines"])
	}
	if jsonNumber(t, evalBase.BGNBD, "rows") != jsonNumber(t, eval, "rows") ||
		jsonNumber(t, evalBase.BGNBD, "positives") != jsonNumber(t, eval, "positives") {
		t.Errorf("BG/NBD measured on other customers than the network")
	}
	// The text report shows the same figures side by side.
	c = newCLI(t)
	if code := c.run(context.Background(), "eval", "--model", model, "--log", cdnowMaster, "--cutoff", "1998-03-31"); code != exitOK {
		t.Fatalf("eval: exit %d, stderr %q", code, c.stderr.String())
	}
	side := fmt.Sprintf("roc_auc   %.4f  %.4f", jsonNumber(t, eval, "roc_auc"), jsonNumber(t, evalBase.BGNBD, "roc_auc"))
	if out := c.stdout.String(); !strings.Contains(out, "Beside BG/NBD on the same customers") || !strings.Contains(out, side) {
		t.Errorf("eval's text does not show %q beside BG/NBD:\n%s", side, out)
	}
	reportKeys := jsonKeys(eval, "model", "data", "scored_rows", "baselines", "target", "bands")
	if got := jsonKeys(evalBase.BGNBD, "fit"); !slices.Equal(got, reportKeys) {
		t.Errorf("eval's baselines.bgnbd keys %v, want the report's %v", got, reportKeys)
	}

	c = newCLI(t)
	if code := c.run(context.Background(), "backtest", "--log", cdnowMaster, "--horizon", "90d", "--folds", "1",
		"--epochs", "2", "--json"); code != exitOK {
		t.Fatalf("backtest: exit %d, stderr %q", code, c.stderr.String())
	}
	var doc backtestDoc
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	f := doc.Folds[0]
	if got := jsonKeys(f.Network); !slices.Equal(got, reportKeys) {
		t.Errorf("backtest network keys %v, want eval's %v", got, reportKeys)
	}
	if got, want := jsonKeys(f.Baselines.BGNBD), jsonKeys(evalBase.BGNBD); !slices.Equal(got, want) {
		t.Errorf("backtest baselines.bgnbd keys %v, want eval's %v", got, want)
	}
	for _, model := range []string{"network", "bgnbd"} {
		// One fold has no standard deviation: "std" is null
		// (TestBacktestOneFoldHasNoStd).
		if std, ok := doc.Summary[model]["std"]; !ok || std != nil {
			t.Errorf("summary.%s.std %v, want null for one fold", model, std)
		}
		for _, stat := range []string{"mean"} {
			for _, k := range jsonKeys(doc.Summary[model][stat], "top_decile_lift") {
				if _, ok := eval[k]; !ok {
					t.Errorf("summary.%s.%s has %q, which eval --json does not", model, stat, k)
				}
			}
			if _, ok := doc.Summary[model][stat]["roc_auc"]; !ok {
				t.Errorf("summary.%s.%s has no roc_auc: %v", model, stat, doc.Summary[model][stat])
			}
		}
	}
}

// Cutoffs the log cannot support and bad flags are refused with a sentence
// and exit code 2.
func TestBacktestRefusals(t *testing.T) {
	shareddata.Need(t, cdnowMaster)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--folds", "277"}, "retain: 277 folds need 277 different test cutoffs, but " + cdnowMaster +
			" allows only 276 (1997-06-30 .. 1998-04-01) for a 90-day horizon: give fewer --folds or a shorter --horizon\n"},
		// The earliest cutoff leaves its training cutoff one horizon of
		// history: 1997-01-01 + 2 × 90 days = 1997-06-30, as --folds does.
		{[]string{"--cutoffs", "1997-03-01"}, "retain: cutoff 1997-03-01: its model would train on the customers at 1996-12-01 (90 days earlier), before " +
			cdnowMaster + " starts on 1997-01-01; the earliest cutoff is 1997-06-30\n"},
		{[]string{"--cutoffs", "1997-04-01,1998-01-01"}, "retain: cutoff 1997-04-01: its model would train on the customers at 1997-01-01, who have 0 days of orders in " +
			cdnowMaster + " before them (it starts on 1997-01-01), less than the 90-day horizon; the earliest cutoff is 1997-06-30\n"},
		{[]string{"--cutoffs", "1998-01-01,1998-04-02"}, "retain: cutoff 1998-04-02: its 90-day label window ends 1998-07-01, after " +
			cdnowMaster + " ends on 1998-06-30; the latest cutoff is 1998-04-01\n"},
		{[]string{"--cutoffs", "1998-02-30"}, "retain: --cutoffs: \"1998-02-30\" is not a date as YYYY-MM-DD\n"},
		{[]string{"--folds", "0"}, "retain: --folds 0: want at least 1 fold\n"},
		{[]string{"--test", "0.2"}, "retain: --test does not apply to backtest: each fold is tested on the customers at its test cutoff\n"},
		{[]string{"--horizon", "0d"}, "retain: --horizon \"0d\": want a positive number of days such as 30d, 4w or 30\n"},
		{[]string{"--exclude", "orders_90d,"}, "retain: --exclude \"orders_90d,\": an empty column name\n"},
		{[]string{"--cutoffs", "1998-04-01", "--exclude", "nope"}, "retain: backtest fold at 1998-04-01: unknown column: " + cdnowMaster +
			": no column \"nope\" (columns: customer_id, recency_days, frequency, monetary_total, monetary_avg, tenure_days, orders_30d, " +
			"orders_90d, interval_mean_days, interval_std_days, basket_size_avg, spend_trend)\n"},
	} {
		cl := newCLI(t)
		args := append([]string{"backtest", "--log", cdnowMaster, "--horizon", "90d"}, c.args...)
		if c.args[0] == "--horizon" {
			args = append([]string{"backtest", "--log", cdnowMaster}, c.args...)
		}
		if code := cl.run(context.Background(), args...); code != exitUsage || cl.stderr.String() != c.want && !strings.HasSuffix(cl.stderr.String(), c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, cl.stderr.String(), c.want)
		}
	}
	cl := newCLI(t)
	if code := cl.run(context.Background(), "backtest", "--horizon", "90d"); code != exitUsage ||
		cl.stderr.String() != "retain: backtest needs --log FILE (an order or event log, CSV, Parquet or xlsx; - for standard input)\n"+
			"Run 'retain backtest --help' for usage.\n" {
		t.Errorf("no --log: exit %d, stderr %q", code, cl.stderr.String())
	}
	cl = newCLI(t)
	if code := cl.run(context.Background(), "backtest", "--log", cdnowMaster, "--folds", "2", "--cutoffs", "1998-01-01"); code != exitUsage ||
		!strings.Contains(cl.stderr.String(), "retain: --cutoffs and --folds cannot be used together: give one of them\nRun 'retain backtest --help' for usage.\n") {
		t.Errorf("--folds with --cutoffs: exit %d, stderr %q", code, cl.stderr.String())
	}
}

// The earliest cutoff a refusal names is accepted, and its fold trains on
// the customers at 1997-04-01, one horizon after the log's first date.
func TestBacktestEarliestCutoffIsAccepted(t *testing.T) {
	purchases := rawCDNOW(t)
	c := newCLI(t)
	if code := c.run(context.Background(), "backtest", "--log", cdnowMaster, "--horizon", "90d", "--cutoffs", "1997-06-30",
		"--epochs", "2", "--json"); code != 0 {
		t.Fatalf("exit %d, stderr %s", code, c.stderr.String())
	}
	var doc backtestDoc
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	// Counted from the raw file: the customers with an order by 1997-04-01.
	trainDay := int(time.Date(1997, 4, 1, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	seen := map[int]bool{}
	for _, p := range purchases {
		if p.Day <= trainDay {
			seen[p.Customer] = true
		}
	}
	if len(doc.Folds) != 1 || doc.Folds[0].TrainCutoff != "1997-04-01" || doc.Folds[0].TestCutoff != "1997-06-30" ||
		doc.Folds[0].TrainCustomers != len(seen) {
		t.Errorf("folds %+v; want one, trained at 1997-04-01 on %d customers, tested at 1997-06-30", doc.Folds, len(seen))
	}
}

// TestBacktestSaysItLeavesOutFutureLines: a line retyped into 2101 is
// warned about as train, cohorts and recommend warn, and backtest says it
// leaves it out (it said nothing of what it did with it); its span is
// then the log's up to today, counted with both ends in as recommend
// counts it: 2024-01-05 .. 2024-03-15 is 27 + 29 + 15 = 71 days, too
// short for a fold of a 30-day horizon (3 × 30 + 1 = 91 days).
func TestBacktestSaysItLeavesOutFutureLines(t *testing.T) {
	path := writeFile(t, "typo.csv", cohortsLog+"a,2101-02-10,20\n")
	c := newCLI(t)
	if code := c.run(context.Background(), "backtest", "--log", path, "--horizon", "30d"); code != exitUsage {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	// 8 lines; "today" is the clock's.
	for _, want := range []string{"warning: " + path + ": 1 of 8 lines is dated after today (",
		"); the log's dates run 2024-01-05 .. 2101-02-10; backtest leaves them out: no fold reads anything dated after the last date up to today, 2024-03-15\n",
		"retain: " + path + " runs 2024-01-05 .. 2024-03-15 (71 days), too short to backtest a 30-day horizon: a fold needs 91 days of orders " +
			"(its training cutoff's day with one horizon of history before it, then two horizons)\n"} {
		if !strings.Contains(c.stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, c.stderr)
		}
	}
}

// TestBacktestProgressLineShowsTheDatesItReads: with lines dated after
// today, the progress line said the log's raw span (up to the mistyped
// 2101 date) and counted a customer known only from such a line. It now
// says the span the folds read, up to the last date up to today, the
// customers ordering by then (a, b, c and d of cohortsLog, not z) and the
// lines it ignores (2 of the 9).
func TestBacktestProgressLineShowsTheDatesItReads(t *testing.T) {
	path := writeFile(t, "typo.csv", cohortsLog+"a,2101-02-10,20\nz,2101-03-01,5\n")
	c := newCLI(t)
	if code := c.run(context.Background(), "backtest", "--log", path, "--horizon", "30d"); code != exitUsage {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	want := "\nBacktesting on " + path + " (4 customers, 2024-01-05 .. 2024-03-15; 2 lines dated after today ignored), horizon 30 days\n"
	if !strings.Contains(c.stderr.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, c.stderr)
	}
	// Without such lines the line is as it was.
	path = writeFile(t, "orders.csv", cohortsLog)
	c = newCLI(t)
	if code := c.run(context.Background(), "backtest", "--log", path, "--horizon", "30d"); code != exitUsage {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	want = "\nBacktesting on " + path + " (4 customers, 2024-01-05 .. 2024-03-15), horizon 30 days\n"
	if !strings.Contains(c.stderr.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, c.stderr)
	}
}

// TestBacktestRefusalCountsDaysWithSeparators: the refusal of a horizon
// the log is too short for writes its day counts as every count is
// written (data.Count): a 400-day fold needs 3 × 400 + 1 = 1,201 days,
// and 2024-01-05 .. 2024-03-15 is 27 + 29 + 15 = 71 days.
func TestBacktestRefusalCountsDaysWithSeparators(t *testing.T) {
	path := writeFile(t, "orders.csv", cohortsLog)
	c := newCLI(t)
	if code := c.run(context.Background(), "backtest", "--log", path, "--horizon", "400d"); code != exitUsage {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	// The note on the columns read and the progress line come first.
	want := "retain: " + path + " runs 2024-01-05 .. 2024-03-15 (71 days), too short to backtest a 400-day horizon: a fold needs 1,201 days of orders " +
		"(its training cutoff's day with one horizon of history before it, then two horizons)"
	lines := strings.Split(strings.TrimSuffix(c.stderr.String(), "\n"), "\n")
	if got := lines[len(lines)-1]; got != want {
		t.Errorf("last line of stderr\n got %q\nwant %q", got, want)
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "backtest", "--log", path, "--horizon", "3651d"); code != exitUsage {
		t.Fatalf("3651d: exit %d", code)
	}
	want = "retain: --horizon \"3651d\": want at most 3,650 days (10 years)\n"
	if got := c.stderr.String(); got != want {
		t.Errorf("stderr\n got %q\nwant %q", got, want)
	}
}
