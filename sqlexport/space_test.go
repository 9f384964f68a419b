package sqlexport

import (
	"database/sql"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// CDNOW's customer ids padded with the white space retain trims from a
// cell (bytes.TrimSpace): a tab before every third, a no-break space after
// every fifth, an ideographic space and a tab around every seventh, and a
// tab after every eleventh written as a float ("12.0\t"). retain reads
// each as the bare id; the query trimmed spaces only, so a padded id was a
// customer of its own there, scored on part of their orders.
func TestSQLiteMatchesPredictWithPaddedIDs(t *testing.T) {
	checkPaddedIDs(t, openSQLite, SQLite)
}

// checkPaddedIDs is TestSQLiteMatchesPredictWithPaddedIDs in the database
// open gives, with d's SQL.
func checkPaddedIDs(t *testing.T, open func(t *testing.T) *sql.DB, d Dialect) {
	path := datasetPath(t, "cdnow/CDNOW_master.txt")
	header, orders := cdnowRows(t, path)
	rows := make([][]string, len(orders))
	bare := map[string]bool{}
	padded := 0
	for i, r := range orders {
		id := strings.TrimLeft(r[0], "0")
		bare[id] = true
		switch {
		case i%11 == 0:
			id += ".0\t"
		case i%7 == 0:
			id = "\u3000" + id + "\t"
		case i%5 == 0:
			id += "\u00a0"
		case i%3 == 0:
			id = "\t" + id
		default:
			padded--
		}
		padded++
		rows[i] = append([]string{id}, r[1:]...)
	}
	file := writeLog(t, "padded.csv", header, rows)
	cut := time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC)
	model := train(t, experiment.Source{Kind: "log", Path: file, Cutoff: cut, HorizonDays: 90},
		func(c *experiment.Config) { c.Hidden = []engine.LayerSpec{{Units: 8, Activation: engine.ReLU}} })
	log := readLogFile(t, file)
	if len(log.Customers) != len(bare) || padded == 0 {
		t.Fatalf("retain read %d customers, want the %d bare ids (%d lines padded)", len(log.Customers), len(bare), padded)
	}
	checkLogIn(t, open, d, model, log, time.Date(1998, 3, 31, 0, 0, 0, 0, time.UTC), header, rows)
}

// TestSQLiteTrimsCellsAsRetainDoes: the hand-made model of the golden
// files on categories, booleans and missing markers padded with tabs, a
// no-break space, a vertical tab, an em space and an ideographic space,
// which retain trims (a per-user table's id column is returned as the
// table holds it, so the ids here are bare). Each row is scored as retain
// predict scores it: "\tbasic\u00a0" is the level basic, "\tNA " a
// missing number.
func TestSQLiteTrimsCellsAsRetainDoes(t *testing.T) {
	checkPaddedCells(t, openSQLite, SQLite)
}

// checkPaddedCells is TestSQLiteTrimsCellsAsRetainDoes in the database
// open gives, with d's SQL.
func checkPaddedCells(t *testing.T, open func(t *testing.T) *sql.DB, d Dialect) {
	b := handUsers()
	csvText := "user_id,age,visits,plan,member\n" +
		"a,34,3,\tit's pro\u00a0,\tyes\n" +
		"b,\tNA ,\t12\t,\u3000basic,NO\v\n" +
		"c,50,1,\u00a0enterprise\t,\u2003True\u2003\n" +
		"d,20,\u00a0NA\t,\t\t,\tf\n"
	want, err := b.ScoreCSV(strings.NewReader(csvText), "padded.csv")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(csvText)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	db := open(t)
	loadTable(t, db, d, "users", recs[0], recs[1:])
	text, err := Build(b, Options{Dialect: d})
	if err != nil {
		t.Fatal(err)
	}
	compare(t, runSelect(t, db, text), want, nil)
}
