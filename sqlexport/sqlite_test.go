package sqlexport

import (
	"database/sql"
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
