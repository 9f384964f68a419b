package data

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/retainlab/retain/internal/shareddata"
)

// The expected cohorts below come from pandas, not from this package:
// testdata/orderlog_features/features.py (run with /usr/bin/python3,
// pandas 1.5.3) computes every cohort feature and the label from the
// definitions in CohortOptions' doc and writes <log>.expected.csv, rounded
// to 1e-9. For Online Retail it reads a CSV dump of the Parquet file made
// by parquet-go's generic reader (data/internal/parquetdump, in the
// parquet branch), so neither side shares code with ReadOrderLog.

const featuresDir = "../testdata/orderlog_features"

// readExpectedCohort reads a features.py output: the header, then one row
// per customer.
func readExpectedCohort(t *testing.T, name string) (header []string, rows map[string][]float64) {
	t.Helper()
	dir := featuresDir // small fixtures are committed
	if name != "small_log.expected.csv" {
		dir = pandasReference(t)
	}
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	rows = make(map[string][]float64, len(recs)-1)
	for _, rec := range recs[1:] {
		vals := make([]float64, len(rec)-1)
		for i, s := range rec[1:] {
			if vals[i], err = strconv.ParseFloat(s, 64); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		rows[rec[0]] = vals
	}
	return recs[0], rows
}

// compareCohort checks that the table has exactly the expected customers,
// columns (in order) and values, within 1e-9.
func compareCohort(t *testing.T, tab *Table, expected string) {
	t.Helper()
	header, rows := readExpectedCohort(t, expected)
	var names []string
	for _, c := range tab.Features() {
		names = append(names, c.Name)
	}
	names = append(names, tab.Label.Name)
	if !slices.Equal(names, header[1:]) {
		t.Fatalf("columns\n got %q\nwant %q", names, header[1:])
	}
	if tab.Rows != len(rows) {
		t.Errorf("%d customers, pandas has %d", tab.Rows, len(rows))
	}
	bad := 0
	for r, id := range tab.IDs() {
		want, ok := rows[id]
		if !ok {
			t.Errorf("customer %q is not in pandas' cohort", id)
			continue
		}
		for j, c := range tab.Features() {
			if got := c.Values[r]; math.Abs(got-want[j]) > 1e-9*math.Max(1, math.Abs(want[j])) {
				if bad++; bad <= 10 {
					t.Errorf("customer %s %s = %.12g, pandas %.12g", id, c.Name, got, want[j])
				}
			}
		}
		if got := tab.Label.Values[r]; got != want[len(want)-1] {
			if bad++; bad <= 10 {
				t.Errorf("customer %s %s = %g, pandas %g", id, tab.Label.Name, got, want[len(want)-1])
			}
		}
	}
	if bad > 10 {
		t.Errorf("%d differences in all", bad)
	}
}

func TestCohortMatchesPandasSmallLog(t *testing.T) {
	f, err := os.Open(filepath.Join(featuresDir, "small_log.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	log, err := ReadOrderLog(f, "small_log.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tab, rep, err := BuildCohort(log, ymd(2011, 3, 31), 30)
	if err != nil {
		t.Fatal(err)
	}
	compareCohort(t, tab, "small_log.expected.csv")
	if rep.Skipped != nil || rep.Later != 1 || log.Cancelled != 6 || log.MissingCustomer != 1 {
		t.Errorf("skipped %v, later %d, cancelled %d, missing %d", rep.Skipped, rep.Later, log.Cancelled, log.MissingCustomer)
	}
}

func TestCohortMatchesPandasCDNOW(t *testing.T) {
	f, err := os.Open(cdnowPath)
	if err != nil {
		shareddata.Missing(t, cdnowPath, err)
	}
	defer f.Close()
	log, err := ReadOrderLog(f, "CDNOW_master.txt", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tab, rep, err := BuildCohort(log, ymd(1997, 9, 30), 90)
	if err != nil {
		t.Fatal(err)
	}
	compareCohort(t, tab, "cdnow_master.expected.csv")
	var skipped []string
	for _, s := range rep.Skipped {
		skipped = append(skipped, s.Name)
	}
	if !slices.Equal(skipped, []string{"distinct_items", "cancel_share"}) {
		t.Errorf("skipped %v", rep.Skipped)
	}
}

// TestCohortMatchesPandasOnlineRetail compares the features of the UCI
// Online Retail log, read from its Parquet file, with pandas'.
func TestCohortMatchesPandasOnlineRetail(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "shared", "datasets", "online_retail", "online_retail.parquet"))
	if err != nil {
		shareddata.Missing(t, filepath.Join("..", "..", "shared", "datasets", "online_retail", "online_retail.parquet"), err)
	}
	defer f.Close()
	log, err := ReadOrderLog(f, "online_retail.parquet", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tab, _, err := BuildCohort(log, ymd(2011, 9, 9), 90)
	if err != nil {
		t.Fatal(err)
	}
	compareCohort(t, tab, "online_retail.expected.csv")
}
