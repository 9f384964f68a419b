package sqlexport

import (
	"database/sql"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

// openSQLite opens a fresh in-memory SQLite database.
func openSQLite(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1) // one connection: one in-memory database
	t.Cleanup(func() { db.Close() })
	return db
}

func TestSQLiteMatchesPredictOnPerUserSets(t *testing.T) {
	checkPerUser(t, openSQLite, SQLite)
}

func TestSQLiteMatchesPredictOnCDNOW(t *testing.T) {
	checkOrderLog(t, openSQLite, SQLite)
}

// The hand-made model of the golden files, on cells at the edges: values
// below and beyond the clipped ranges (a negative one of a log column
// included), NA and blank numbers, a kept, a folded, an unseen and a blank
// category (the catch-all input is 1 for the folded and unseen ones, 0 for
// the blank), a category that is a missing marker, boolean spellings in
// other cases. The reference is the experiment's ScoreCSV on the same cells.
func TestSQLiteHandModelEdgeCells(t *testing.T) {
	b := handUsers()
	csvText := "user_id,age,visits,plan,member\n" +
		"a,34,3,basic,yes\n" +
		"b,-5,NA,it's pro,NO\n" +
		"c,,,enterprise,True\n" +
		"d, 0.5 , 12,,f\n" +
		"e,1e3,0,basic,\n" +
		"f,80.5,10,NA,no\n" +
		"g,17.99,-3, it's pro ,1\n"
	want, err := b.ScoreCSV(strings.NewReader(csvText), "edge.csv")
	if err != nil {
		t.Fatal(err)
	}
	compareSQLiteOnCSV(t, b, csvText, want)
}

// compareSQLiteOnCSV loads csvText as the table users into SQLite, runs the
// model's export on it and compares each customer's figures with want,
// what retain predict gives for the same text.
func compareSQLiteOnCSV(t *testing.T, b *experiment.Bundle, csvText string, want *experiment.Scored) {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(csvText)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	db := openSQLite(t)
	loadTable(t, db, SQLite, "users", recs[0], recs[1:])
	text, err := Build(b, Options{Dialect: SQLite})
	if err != nil {
		t.Fatal(err)
	}
	compare(t, runSelect(t, db, text), want, nil)
}

func TestSQLiteMatchesPredictWithRareLevelsAndClipping(t *testing.T) {
	checkRareAndClipped(t, openSQLite, SQLite)
}
