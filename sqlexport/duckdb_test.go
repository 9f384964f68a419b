//go:build duckdb

// The DuckDB test needs cgo and the prebuilt DuckDB library the Go binding
// bundles, so it runs only when asked: go test -tags duckdb ./sqlexport

package sqlexport

import (
	"database/sql"
	"testing"

	_ "github.com/marcboeker/go-duckdb" // the DuckDB driver (cgo), registered as "duckdb"
)

// openDuckDB opens a fresh in-memory DuckDB database.
func openDuckDB(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1) // one connection: one in-memory database
	t.Cleanup(func() { db.Close() })
	return db
}

func TestDuckDBMatchesPredictOnPerUserSets(t *testing.T) {
	checkPerUser(t, openDuckDB, DuckDB)
}

func TestDuckDBMatchesPredictOnCDNOW(t *testing.T) {
	checkOrderLog(t, openDuckDB, DuckDB)
}

func TestDuckDBMatchesPredictWithRareLevelsAndClipping(t *testing.T) {
	checkRareAndClipped(t, openDuckDB, DuckDB)
}

func TestDuckDBMatchesPredictWithDates(t *testing.T) {
	checkDates(t, openDuckDB, DuckDB)
}
