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

// Neither Trino nor Snowflake runs here; DuckDB reads the Trino text as it
// is and Snowflake's too where it has no dates (Snowflake's DATEDIFF takes
// the part unquoted). What this checks is the arithmetic each text asks
// for, in another engine: not Trino's or Snowflake's own type rules.
func TestDuckDBRunsTheTrinoText(t *testing.T) {
	t.Run("per-user", func(t *testing.T) { checkPerUser(t, openDuckDB, Trino) })
	t.Run("CDNOW", func(t *testing.T) { checkOrderLog(t, openDuckDB, Trino) })
	t.Run("rare levels", func(t *testing.T) { checkRareAndClipped(t, openDuckDB, Trino) })
	t.Run("dates", func(t *testing.T) { checkDates(t, openDuckDB, Trino) })
}

func TestDuckDBRunsSnowflakesTextWithoutDates(t *testing.T) {
	t.Run("per-user", func(t *testing.T) { checkPerUser(t, openDuckDB, Snowflake) })
	t.Run("rare levels", func(t *testing.T) { checkRareAndClipped(t, openDuckDB, Snowflake) })
}
