package sqlexport

import (
	"database/sql"
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/internal/testtables"
)

// telcoWithDates writes the Telco churn table with its tenure (months)
// replaced by a signup date that many 30-day months before 2024-01-31,
// written as ISO dates and, on some rows, ISO date-times (one with an
// offset, which must not move the date), and returns its path.
func telcoWithDates(t *testing.T) string {
	t.Helper()
	recs := readCSV(t, datasetPath(t, "telco_churn/WA_Fn-UseC_-Telco-Customer-Churn.csv"))
	err := testtables.ReplaceTenureBySignup(recs, func(r int, day time.Time) string {
		switch {
		case r%7 == 0:
			return day.Format("2006-01-02") + "T23:15:00-05:00"
		case r%11 == 0:
			return day.Format("2006-01-02") + " 08:30:00"
		}
		return day.Format(time.DateOnly)
	})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "telco_dates.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := csv.NewWriter(f).WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// The exported SELECT reads ISO dates and date-times as retain predict
// does: SQLite's probabilities equal its within 1e-9.
func TestSQLiteMatchesPredictWithDates(t *testing.T) {
	checkDates(t, openSQLite, SQLite)
}

// checkDates trains on the Telco table with dates, with and without log
// days, and compares d's probabilities with retain predict's.
func checkDates(t *testing.T, open func(t *testing.T) *sql.DB, d Dialect) {
	path := telcoWithDates(t)
	for _, log := range []bool{true, false} {
		b := train(t, experiment.Source{Kind: "csv", Path: path}, func(c *experiment.Config) {
			c.Hidden = []engine.LayerSpec{{Units: 8, Activation: engine.Tanh}}
			c.Pipeline.Log1p = log
			c.Pipeline.MissingIndicators = true
		})
		pc := b.Pipeline.Columns[0]
		for _, c := range b.Pipeline.Columns {
			if c.Name == "signup_date" {
				pc = c
			}
		}
		if !pc.Date {
			t.Fatalf("signup_date was not read as dates: %+v", pc)
		}
		// Blank and NA cells (the first numeric column is signup_date).
		recs := readCSV(t, path)
		damage(recs, b.Pipeline)
		checkRecords(t, b, open, path, recs, Options{Dialect: d, ID: b.Pipeline.IDName})
	}
}
