package data

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/internal/shareddata"
)

func TestBuildCohortRetail(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader(retailLog), "retail.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tab, rep, err := BuildCohort(log, ymd(2010, 12, 31), 0)
	if err != nil {
		t.Fatal(err)
	}
	// By hand: 17850 ordered on Dec 1 (35.64) and Dec 15 (9.90), again on
	// Jan 10 (positive); 12583 once on Dec 5 (10.00) and never again; 13047
	// first ordered after the cutoff.
	if rep.Customers != 2 || rep.Positives != 1 || rep.PositiveRate != 0.5 || rep.Later != 1 || rep.HorizonDays != 30 ||
		rep.Cancelled != 2 || rep.MissingCustomer != 1 || rep.Lines != 9 || rep.Orders != 5 || rep.HorizonTruncated != true {
		t.Errorf("report = %+v", rep)
	}
	wantText := "2 customers, 1 order again within 30 days (50.0 %), cutoff 2010-12-31; log 2010-12-01 .. 2011-01-10: " +
		"9 lines, 5 orders, 2 cancelled, 1 without a customer id; 1 customer first ordered after the cutoff; " +
		"the horizon runs past the end of the log"
	if rep.String() != wantText {
		t.Errorf("report text %q, want %q", rep, wantText)
	}
	if got := tab.IDs(); !slices.Equal(got, []string{"17850", "12583"}) {
		t.Errorf("ids = %v", got)
	}
	if tab.Label.Name != "orders_again_30d" || tab.Label.Positive != "yes" || !slices.Equal(tab.Label.Values, []float64{1, 0}) {
		t.Errorf("label = %+v", tab.Label)
	}
	want := map[string][]float64{
		"recency_days":       {16, 26},
		"frequency":          {2, 1},
		"monetary_total":     {45.54, 10},
		"monetary_avg":       {22.77, 10},
		"tenure_days":        {30, 26},
		"orders_30d":         {1, 1}, // the Dec 1 order is 30 days old: outside
		"orders_90d":         {2, 1},
		"interval_mean_days": {14, 26}, // one order: the days since it
		"interval_std_days":  {0, 0},
		// Version 2: 17850 ordered 85123A, 71053 (6 each) then 22139 (2);
		// 12583 ten of 22139. Neither cancelled (13047 did, but first
		// ordered after the cutoff). 17850 spent 9.90 in the last 30 days
		// and 35.64 in the 30 before; 12583 only in the last 30.
		"distinct_items":  {3, 1},
		"basket_size_avg": {7, 10},
		"cancel_share":    {0, 0},
		"spend_trend":     {(9.90 - 35.64) / 45.54, 1},
	}
	if !slices.Equal(rep.Features, slices.Collect(func(yield func(string) bool) {
		for _, c := range tab.Features() {
			yield(c.Name)
		}
	})) || rep.Skipped != nil {
		t.Errorf("features %v, skipped %v", rep.Features, rep.Skipped)
	}
	if len(tab.Features()) != len(want) {
		t.Errorf("%d features, want %d", len(tab.Features()), len(want))
	}
	for name, w := range want {
		c := tab.Column(name)
		if c == nil || len(c.Values) != 2 || !approxEqual(c.Values[0], w[0]) || !approxEqual(c.Values[1], w[1]) {
			t.Errorf("%s = %+v, want %v", name, c, w)
		}
	}
}

// TestBuildCohortVersion1 checks that the first feature set is still made
// as it was, for models that recorded it.
func TestBuildCohortVersion1(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader(retailLog), "retail.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tab, rep, err := BuildCohortWith(log, ymd(2010, 12, 31), 30, CohortOptions{Version: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"recency_days", "frequency", "monetary_total", "monetary_avg", "tenure_days",
		"orders_30d", "orders_90d", "interval_mean_days", "interval_std_days"}
	if !slices.Equal(rep.Features, want) || len(tab.Features()) != len(want) || rep.Skipped != nil {
		t.Errorf("features %v, skipped %v", rep.Features, rep.Skipped)
	}
	_, _, err = BuildCohortWith(log, ymd(2010, 12, 31), 30, CohortOptions{Version: 4})
	if wantErr := "cutoff or horizon out of range: retail.csv: cohort feature set version 4 (this build makes 1 to 3)"; err == nil || err.Error() != wantErr {
		t.Errorf("version 4: %v", err)
	}
}

// TestBuildCohortSkipsWhatTheLogLacks checks that a log without items,
// amounts, quantities or cancellations makes only what it can and says why.
func TestBuildCohortSkipsWhatTheLogLacks(t *testing.T) {
	in := "customer,date\na,2020-01-01\nb,2020-01-05\na,2020-02-01\nb,2020-03-01\n"
	log, err := ReadOrderLog(strings.NewReader(in), "bare.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, rep, err := BuildCohort(log, ymd(2020, 2, 1), 30)
	if err != nil {
		t.Fatal(err)
	}
	var skipped []string
	for _, s := range rep.Skipped {
		skipped = append(skipped, s.String())
	}
	want := []string{"monetary_total (the log has no amount or price column)",
		"monetary_avg (the log has no amount or price column)", "distinct_items (the log has no item column)",
		"basket_size_avg (the log has neither a quantity nor an item column)",
		"cancel_share (the log shows no cancellations)", "spend_trend (the log has no amount or price column)"}
	if !slices.Equal(skipped, want) {
		t.Errorf("skipped\n got %q\nwant %q", skipped, want)
	}
	if len(rep.Features) != 7 {
		t.Errorf("features %v", rep.Features)
	}
}

func TestBuildCohortBounds(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader(retailLog), "retail.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, cut := range []struct {
		y, m, d int
		want    string
	}{
		// 2011-01-10 less the 30-day horizon is 2010-12-11.
		{2010, 11, 30, "cutoff or horizon out of range: retail.csv: cutoff 2010-11-30 is before the log's first date 2010-12-01, so no customer has any history; " +
			"choose a cutoff from 2010-12-01 to 2010-12-11, so that its 30-day label window ends by the last date"},
		{2011, 1, 10, "cutoff or horizon out of range: retail.csv: cutoff 2011-01-10 is on or after the log's last date 2011-01-10, so no order after it can label the customers; " +
			"choose a cutoff from 2010-12-01 to 2010-12-11, so that its 30-day label window ends by the last date"},
		{2030, 1, 1, "cutoff or horizon out of range: retail.csv: cutoff 2030-01-01 is on or after the log's last date 2011-01-10, so no order after it can label the customers; " +
			"choose a cutoff from 2010-12-01 to 2010-12-11, so that its 30-day label window ends by the last date"},
	} {
		_, _, err := BuildCohort(log, ymd(cut.y, 1, 1).AddDate(0, cut.m-1, cut.d-1), 30)
		if !errors.Is(err, ErrCutoff) || err.Error() != cut.want {
			t.Errorf("cutoff %v: %v", cut, err)
		}
	}
	// The log's 41 days hold no 60-day label window.
	if _, _, err := BuildCohort(log, ymd(2011, 2, 1), 60); !errors.Is(err, ErrCutoff) ||
		err.Error() != "cutoff or horizon out of range: retail.csv: cutoff 2011-02-01 is on or after the log's last date 2011-01-10, so no order after it can label the customers; "+
			"the log (2010-12-01 .. 2011-01-10) is shorter than the 60-day label window, so choose a shorter horizon" {
		t.Errorf("60-day horizon: %v", err)
	}
	// A log whose orders are all on one day cannot label anyone.
	oneDay, err := ReadOrderLog(strings.NewReader("user,date\na,2020-01-05\nb,2020-01-05\n"), "one.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := BuildCohort(oneDay, ymd(2020, 1, 5), 30); !errors.Is(err, ErrCutoff) ||
		err.Error() != "cutoff or horizon out of range: one.csv: cutoff 2020-01-05: every order of the log is on 2020-01-05, and a label needs orders after the cutoff" {
		t.Errorf("one-day log: %v", err)
	}
	if _, _, err := BuildCohort(log, ymd(2010, 12, 31), -5); !errors.Is(err, ErrCutoff) ||
		err.Error() != "cutoff or horizon out of range: retail.csv: horizon of -5 days (want 1 to 3,650)" {
		t.Errorf("negative horizon: %v", err)
	}
	if _, _, err := BuildCohort(log, ymd(2010, 12, 31), 99999999999); !errors.Is(err, ErrCutoff) ||
		err.Error() != "cutoff or horizon out of range: retail.csv: horizon of 99,999,999,999 days (want 1 to 3,650)" {
		t.Errorf("huge horizon: %v", err)
	}
	// The first day is a valid cutoff: only that day's buyers are in.
	tab, rep, err := BuildCohort(log, ymd(2010, 12, 1), 3)
	if err != nil || rep.Customers != 1 || rep.Positives != 0 || tab.Column("tenure_days").Values[0] != 0 {
		t.Errorf("cutoff on the first day: %v %+v", err, rep)
	}
	// A log without amounts has no monetary columns.
	noMoney, err := ReadOrderLog(strings.NewReader("user,date\na,2020-01-01\na,2020-01-05\nb,2020-01-09\n"), "n.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tab, _, err = BuildCohort(noMoney, ymd(2020, 1, 5), 7)
	if err != nil || tab.Column("monetary_total") != nil || len(tab.Features()) != 7 || !slices.Equal(tab.Label.Values, []float64{0}) {
		t.Errorf("no amounts: %v %+v", err, tab)
	}
}

// cdnowPath is the shared CDNOW master log, relative to this package.
var cdnowPath = filepath.Join("..", "..", "shared", "datasets", "cdnow", "CDNOW_master.txt")

// TestCDNOWCohort checks the acceptance case against pandas 1.5.3: read with
// read_csv(sep=r"\s+", dtype={"customer_id": str}), dates parsed with
// format "%Y%m%d"; history = rows with date <= 1997-09-30, label = any row in
// (1997-09-30, 1997-09-30 + 90 days]; per customer: recency = (cutoff -
// max date).days, frequency = row count, tenure = (cutoff - min date).days,
// orders_30d/90d = rows with (cutoff - date).days < 30/90, intervals =
// np.diff of the sorted day numbers (mean, std with ddof=0; mean = tenure
// for a single order). The sums are over all cohort rows.
func TestCDNOWCohort(t *testing.T) {
	f, err := os.Open(cdnowPath)
	if errors.Is(err, os.ErrNotExist) {
		shareddata.Missing(t, cdnowPath, err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	log, err := ReadOrderLog(f, "CDNOW_master.txt", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if log.Lines != 69659 || len(log.Orders) != 69659 || len(log.Customers) != 23570 ||
		!log.First.Equal(ymd(1997, 1, 1)) || !log.Last.Equal(ymd(1998, 6, 30)) {
		t.Errorf("log: %d lines, %d orders, %d customers, %v .. %v", log.Lines, len(log.Orders), len(log.Customers), log.First, log.Last)
	}
	tab, rep, err := BuildCohort(log, ymd(1997, 9, 30), 90)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Customers != 23570 || rep.Positives != 4177 || rep.Later != 0 || math.Abs(rep.PositiveRate-0.1772168010) > 1e-10 {
		t.Errorf("report = %+v, want 23570 customers, 4177 positives", rep)
	}
	sums := map[string]float64{
		"recency_days": 4270092, "frequency": 49086, "monetary_total": 1723354.5, "tenure_days": 5399736,
		"orders_30d": 2296, "orders_90d": 7365, "monetary_avg": 764965.4632179,
		"interval_mean_days": 3799116.810782, "interval_std_days": 156123.4375714,
	}
	for name, want := range sums {
		var got float64
		for _, v := range tab.Column(name).Values {
			got += v
		}
		if math.Abs(got-want) > 1e-9*want+1e-6 {
			t.Errorf("sum of %s = %.10g, pandas %.10g", name, got, want)
		}
	}
	rows := map[string]map[string]float64{
		"00004": {"recency_days": 59, "frequency": 3, "monetary_total": 74.02, "tenure_days": 272, "orders_30d": 0,
			"orders_90d": 1, "interval_mean_days": 106.5, "interval_std_days": 89.5, "label": 1},
		"23570": {"recency_days": 188, "frequency": 2, "monetary_total": 94.08, "tenure_days": 189,
			"interval_mean_days": 1, "interval_std_days": 0, "label": 0},
		"07592": {"recency_days": 1, "frequency": 107, "monetary_total": 8228.40, "tenure_days": 244, "orders_30d": 15,
			"orders_90d": 35, "interval_mean_days": 2.292452830189, "interval_std_days": 2.453211146033, "label": 1},
	}
	ids := tab.IDs()
	for id, want := range rows {
		i := slices.Index(ids, id)
		if i < 0 {
			t.Errorf("customer %s not in the cohort", id)
			continue
		}
		for name, w := range want {
			got := tab.Label.Values[i]
			if name != "label" {
				got = tab.Column(name).Values[i]
			}
			if math.Abs(got-w) > 1e-9 {
				t.Errorf("customer %s %s = %v, pandas %v", id, name, got, w)
			}
		}
	}
}

// TestCDNOWSample reads the headerless five-field sample with no options (its
// layout is recognised by position); the counts are those of the data set's
// SOURCE.md.
func TestCDNOWSample(t *testing.T) {
	path := filepath.Join(filepath.Dir(cdnowPath), "CDNOW_sample.txt")
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		shareddata.Missing(t, path, err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	log, err := ReadOrderLog(f, "CDNOW_sample.txt", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if log.Lines != 6919 || len(log.Customers) != 2357 || !log.Last.Equal(ymd(1998, 6, 30)) {
		t.Errorf("sample: %d lines, %d customers, last %v", log.Lines, len(log.Customers), log.Last)
	}
}

func BenchmarkReadCDNOW(b *testing.B) {
	raw, err := os.ReadFile(cdnowPath)
	if err != nil {
		shareddata.Missing(b, cdnowPath, err)
	}
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		log, err := ReadOrderLog(strings.NewReader(string(raw)), "CDNOW_master.txt", LogOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := BuildCohort(log, ymd(1997, 9, 30), 90); err != nil {
			b.Fatal(err)
		}
	}
}

// TestTablesFeedPipeline checks that the built-in and cohort tables are
// usable downstream: the preprocessing pipeline fits on them and yields a
// finite matrix with one column per feature.
func TestTablesFeedPipeline(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader(retailLog), "retail.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cohort, _, err := BuildCohort(log, ymd(2010, 12, 31), 30)
	if err != nil {
		t.Fatal(err)
	}
	for _, tab := range []*Table{TextbookShop().Table, cohort} {
		rows := make([]int, tab.Rows)
		for i := range rows {
			rows[i] = i
		}
		p, err := FitPipeline(tab, rows, PipelineOptions{})
		if err != nil {
			t.Fatalf("%s: %v", tab.Source, err)
		}
		x, err := p.Transform(tab, rows)
		if err != nil {
			t.Fatalf("%s: %v", tab.Source, err)
		}
		if r, c := x.Dims(); r != tab.Rows || c != len(tab.Features()) {
			t.Errorf("%s: matrix %d×%d, want %d×%d", tab.Source, r, c, tab.Rows, len(tab.Features()))
		}
		for _, v := range x.RawMatrix().Data {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("%s: non-finite value in the matrix", tab.Source)
			}
		}
	}
}

// TestCohortReportStringSeparatesThousands: the report's counts are
// written as every count shown to people (Thousands, Count); they were
// plain ("23570 customers"). The numbers are made up; the rate is
// 4321 / 23570 = 18.33… %.
func TestCohortReportStringSeparatesThousands(t *testing.T) {
	rep := CohortReport{
		Customers: 23570, Positives: 4321, PositiveRate: 4321.0 / 23570, HorizonDays: 1000,
		Cutoff: ymd(1997, 9, 30), First: ymd(1997, 1, 1), Last: ymd(1998, 6, 30), LastKnown: ymd(1998, 6, 30),
		Lines: 541909, Orders: 18536, Cancelled: 9288, MissingCustomer: 133361, Adjustments: 1336, Later: 1,
	}
	want := "23,570 customers, 4,321 order again within 1,000 days (18.3 %), cutoff 1997-09-30; log 1997-01-01 .. 1998-06-30: " +
		"541,909 lines, 18,536 orders, 9,288 cancelled, 133,361 without a customer id, " +
		"1,336 stock adjustments (negative quantity at price 0, no customer); 1 customer first ordered after the cutoff"
	if got := rep.String(); got != want {
		t.Errorf("report text\n got %q\nwant %q", got, want)
	}
	one := CohortReport{Customers: 1, Positives: 1, PositiveRate: 1, HorizonDays: 1, Cutoff: ymd(2024, 1, 1), First: ymd(2024, 1, 1),
		Last: ymd(2024, 1, 2), LastKnown: ymd(2024, 1, 2), Lines: 1, Orders: 1, Adjustments: 1}
	want = "1 customer, 1 order again within 1 day (100.0 %), cutoff 2024-01-01; log 2024-01-01 .. 2024-01-02: " +
		"1 line, 1 order, 0 cancelled, 0 without a customer id, 1 stock adjustment (negative quantity at price 0, no customer)"
	if got := one.String(); got != want {
		t.Errorf("report text of ones\n got %q\nwant %q", got, want)
	}
}
