package sqlexport

import (
	"database/sql"
	"encoding/csv"
	"strings"
	"testing"

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

// The hand-made model of the golden files, on cells at the edges: a
// negative value of a log column (counts as 0), NA and blank numbers, an
// unseen and a blank category, boolean spellings in other cases. The
// reference is the experiment's ScoreCSV on the same cells.
func TestSQLiteHandModelEdgeCells(t *testing.T) {
	b := handUsers()
	csvText := "user_id,age,visits,plan,member\n" +
		"a,34,3,basic,yes\n" +
		"b,-5,NA,it's pro,NO\n" +
		"c,,,enterprise,True\n" +
		"d, 0.5 , 12,,f\n" +
		"e,1e3,0,basic,\n"
	want, err := b.ScoreCSV(strings.NewReader(csvText), "edge.csv")
	if err != nil {
		t.Fatal(err)
	}
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
