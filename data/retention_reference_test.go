package data

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/retainlab/retain/internal/shareddata"
)

// The expected triangles in ../testdata/cohorts were computed by pandas
// 1.5.3 with testdata/cohorts/cohorts.py (read it for the rules: cohort =
// month or Monday-starting week of the first order, a customer active in a
// cell when they have an order in it, the average over fully observed
// cells). Online Retail's went through the Parquet dump of
// data/internal/parquetdump (parquet-go's generic reader, not this package).
var retentionRefDir = filepath.Join("..", "testdata", "cohorts")

// retailParquetPath is the shared Online Retail log, relative to this package.
var retailParquetPath = filepath.Join("..", "..", "shared", "datasets", "online_retail", "online_retail.parquet")

// TestCohortRetentionCDNOW compares the monthly and weekly triangles and
// average curves of CDNOW master with pandas': counts equal, revenue within
// 1e-6.
func TestCohortRetentionCDNOW(t *testing.T) {
	f, err := os.Open(cdnowPath)
	if err != nil {
		shareddata.Missing(t, cdnowPath, err)
	}
	defer f.Close()
	log, err := ReadOrderLog(f, "CDNOW_master.txt", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []RetentionPeriod{ByMonth, ByWeek} {
		t.Run(p.String(), func(t *testing.T) { checkRetentionRef(t, log, p, "cdnow") })
	}
}

// TestCohortRetentionOnlineRetail compares the triangles of the UCI Online
// Retail log (read through ReadOrderLog, the loader every command uses)
// with pandas'.
func TestCohortRetentionOnlineRetail(t *testing.T) {
	f, err := os.Open(retailParquetPath)
	if err != nil {
		shareddata.Missing(t, retailParquetPath, err)
	}
	defer f.Close()
	log, err := ReadOrderLog(f, "online_retail.parquet", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []RetentionPeriod{ByMonth, ByWeek} {
		t.Run(p.String(), func(t *testing.T) { checkRetentionRef(t, log, p, "online_retail") })
	}
}

// checkRetentionRef compares CohortRetention(log, p) with the reference
// files <name>_<period>.csv and <name>_<period>_average.csv.
func checkRetentionRef(t *testing.T, log *OrderLog, p RetentionPeriod, name string) {
	t.Helper()
	r, err := CohortRetention(log, p)
	if err != nil {
		t.Fatal(err)
	}
	cells := readRefCSV(t, filepath.Join(retentionRefDir, fmt.Sprintf("%s_%s.csv", name, p)))
	type key struct {
		cohort string
		period int
	}
	want := map[key][]string{}
	for _, row := range cells {
		want[key{row[0], atoiRef(t, row[1])}] = row
	}
	matched := 0
	for _, c := range r.Cohorts {
		for k, cell := range c.Cells {
			row, ok := want[key{c.Label, k}]
			if !ok {
				if cell.Orders != 0 || cell.Revenue != 0 {
					t.Errorf("%s period %d: %d orders and revenue %.8f here, no cell in pandas", c.Label, k, cell.Orders, cell.Revenue)
				}
				continue
			}
			matched++
			if size := atoiRef(t, row[2]); size != c.Size {
				t.Errorf("%s: size %d, pandas %d", c.Label, c.Size, size)
			}
			if cu, or := atoiRef(t, row[3]), atoiRef(t, row[4]); cu != cell.Customers || or != cell.Orders {
				t.Errorf("%s period %d: %d customers, %d orders; pandas %d, %d", c.Label, k, cell.Customers, cell.Orders, cu, or)
			}
			if rev := atofRef(t, row[5]); math.Abs(rev-cell.Revenue) > 1e-6 {
				t.Errorf("%s period %d: revenue %.8f, pandas %.8f", c.Label, k, cell.Revenue, rev)
			}
		}
	}
	if matched != len(cells) {
		t.Errorf("%d of pandas' %d cells found here (a cell past the log's end, or a missing cohort)", matched, len(cells))
	}
	avg := readRefCSV(t, filepath.Join(retentionRefDir, fmt.Sprintf("%s_%s_average.csv", name, p)))
	if len(avg) != len(r.Average) {
		t.Fatalf("average curve of %d points, pandas %d", len(r.Average), len(avg))
	}
	for i, row := range avg {
		got := r.Average[i]
		if got.Period != atoiRef(t, row[0]) || got.Active != atoiRef(t, row[1]) || got.Base != atoiRef(t, row[2]) ||
			math.Abs(got.Share-atofRef(t, row[3])) > 1e-11 || got.Cohorts != atoiRef(t, row[4]) {
			t.Errorf("average point %d = %+v, pandas %v", i, got, row)
		}
	}
}

// readRefCSV reads a reference file without its header.
func readRefCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("reference %s: %v (run /usr/bin/python3 testdata/cohorts/cohorts.py from the module root)", path, err)
	}
	defer f.Close()
	rows, err := csv.NewReader(bufio.NewReader(f)).ReadAll()
	if err != nil && err != io.EOF {
		t.Fatal(err)
	}
	if len(rows) < 2 {
		t.Fatalf("reference %s has no rows", path)
	}
	return rows[1:]
}

func atoiRef(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func atofRef(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
