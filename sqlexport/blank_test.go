package sqlexport

import (
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// A log whose amounts and quantities are sometimes missing: CDNOW's orders,
// every 13th amount blank, every 17th "N/A", every 19th quantity blank
// (loadTable stores half of the blank cells as NULL, half as ”). retain
// keeps those orders with the missing number read as 0 (data.BlankNumbers),
// and so does the query.
func TestSQLiteMatchesPredictWithBlankNumbers(t *testing.T) {
	checkBlankNumbers(t, openSQLite, SQLite)
}

// checkBlankNumbers is TestSQLiteMatchesPredictWithBlankNumbers in the
// database open gives, with d's SQL.
func checkBlankNumbers(t *testing.T, open func(t *testing.T) *sql.DB, d Dialect) {
	path := datasetPath(t, "cdnow/CDNOW_master.txt")
	header, orders := cdnowRows(t, path)
	var rows [][]string
	blank := 0
	for i, r := range orders {
		r = append([]string(nil), r...)
		switch {
		case i%13 == 0:
			r[3] = ""
		case i%17 == 0:
			r[3] = "N/A"
		case i%19 == 0:
			r[2] = ""
		default:
			rows = append(rows, r)
			continue
		}
		blank++
		rows = append(rows, r)
	}
	file := writeLog(t, "blank.csv", header, rows)
	cut := time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC)
	model := train(t, experiment.Source{Kind: "log", Path: file, Cutoff: cut, HorizonDays: 90},
		func(c *experiment.Config) { c.Hidden = []engine.LayerSpec{{Units: 8, Activation: engine.ReLU}} })
	mustUse(t, model, "monetary_total", "basket_size_avg")
	log := readLogFile(t, file)
	if len(log.Orders) != len(orders) || log.Blank.Lines != blank {
		t.Fatalf("%d orders, %d lines with a blank number; want %d and %d", len(log.Orders), log.Blank.Lines, len(orders), blank)
	}
	checkLogIn(t, open, d, model, log, time.Date(1998, 3, 31, 0, 0, 0, 0, time.UTC), header, rows)
}

// CDNOW's customer ids written as floats on every other line ("1.0" where
// the others read "1", as two exports of one table may write them):
// retain reads them as one customer (data's customerID), and so does the
// query; a decimal part other than zeros ("7.5") stays an id of its own.
func TestSQLiteMatchesPredictWithFloatIDs(t *testing.T) {
	checkFloatIDs(t, openSQLite, SQLite)
}

// checkFloatIDs is TestSQLiteMatchesPredictWithFloatIDs in the database
// open gives, with d's SQL.
func checkFloatIDs(t *testing.T, open func(t *testing.T) *sql.DB, d Dialect) {
	path := datasetPath(t, "cdnow/CDNOW_master.txt")
	header, orders := cdnowRows(t, path)
	rows := make([][]string, len(orders))
	for i, r := range orders {
		id := strings.TrimLeft(r[0], "0")
		switch {
		case i%2 == 1:
			id += ".0"
		case i%97 == 0:
			id += ".5"
		}
		rows[i] = append([]string{id}, r[1:]...)
	}
	file := writeLog(t, "floatids.csv", header, rows)
	cut := time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC)
	model := train(t, experiment.Source{Kind: "log", Path: file, Cutoff: cut, HorizonDays: 90},
		func(c *experiment.Config) { c.Hidden = []engine.LayerSpec{{Units: 8, Activation: engine.ReLU}} })
	log := readLogFile(t, file)
	if log.FloatIDs != len(orders)/2 {
		t.Fatalf("%d lines read as float ids, want %d", log.FloatIDs, len(orders)/2)
	}
	checkLogIn(t, open, d, model, log, time.Date(1998, 3, 31, 0, 0, 0, 0, time.UTC), header, rows)
}
