package sqlexport

import (
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// An orders table whose amounts are written with marks retain predict
// reads them without ("$12.50", "12.50 €", "(7.25)" for a refund,
// "1,234.50", "$1.2345e3"), scored with a model trained on the plain amounts, scores
// as retain predict --log scores the same lines: the SELECT cast
// "$12.50" as SQLite reads a text that is no number, 0 (other engines
// refuse the whole query).
func checkMarkedAmounts(t *testing.T, open func(t *testing.T) *sql.DB, d Dialect) {
	header, rows, _, _ := olistRows()
	file := writeLog(t, "olist.csv", header, rows)
	cut := time.Date(2018, 7, 1, 0, 0, 0, 0, time.UTC)
	model := train(t, experiment.Source{Kind: "log", Path: file, Cutoff: cut, HorizonDays: 30},
		func(c *experiment.Config) { c.Hidden = []engine.LayerSpec{{Units: 8, Activation: engine.ReLU}} })
	mustUse(t, model, "monetary_total")
	marked := make([][]string, len(rows))
	for i, r := range rows {
		r = append([]string{}, r...)
		v := r[4]
		switch {
		case strings.HasPrefix(v, "-") && i%2 == 0:
			r[4] = "(" + v[1:] + ")"
		case strings.HasPrefix(v, "-"):
			r[4] = "-$" + v[1:]
		case i%3 == 0:
			r[4] = "$" + v
		case i%3 == 1:
			r[4] = v + " €"
		}
		if i == 5 {
			r[4] = "1,234.50"
		}
		if i == 7 {
			r[4] = "$1.2345e3" // 1234.5 in scientific notation, as a spreadsheet may write it (review21 #3)
		}
		marked[i] = r
	}
	markedFile := writeLog(t, "marked.csv", header, marked)
	log := readLogFile(t, markedFile)
	if log.Stripped == 0 {
		t.Fatal("the log was read without removing marks: the test would not cover them")
	}
	checkLogIn(t, open, d, model, log, time.Date(2018, 8, 15, 0, 0, 0, 0, time.UTC), header, marked)
}

func TestSQLiteReadsMarkedAmountsAsPredict(t *testing.T) {
	checkMarkedAmounts(t, openSQLite, SQLite)
}
