//go:build duckdb

// The DuckDB test needs cgo and the prebuilt DuckDB library the Go binding
// bundles, so it runs only when asked: go test -tags duckdb ./sqlexport

package sqlexport

import (
	"database/sql"
	"testing"

	_ "github.com/marcboeker/go-duckdb" // the DuckDB driver (cgo), registered as "duckdb"

	"github.com/retainlab/retain/experiment"
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

func TestDuckDBMatchesPredictWithBlankNumbers(t *testing.T) {
	checkBlankNumbers(t, openDuckDB, DuckDB)
}

func TestDuckDBMatchesPredictWithTimestampForms(t *testing.T) {
	checkTimestampForms(t, openDuckDB, DuckDB)
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

// Ids and cells padded with white space, in DuckDB's text and in Trino's
// and Snowflake's (those run on DuckDB, Snowflake's without dates: cells
// only).
func TestDuckDBTrimsAsRetainDoes(t *testing.T) {
	t.Run("ids", func(t *testing.T) { checkPaddedIDs(t, openDuckDB, DuckDB) })
	t.Run("cells", func(t *testing.T) { checkPaddedCells(t, openDuckDB, DuckDB) })
	t.Run("Trino ids", func(t *testing.T) { checkPaddedIDs(t, openDuckDB, Trino) })
	t.Run("Trino cells", func(t *testing.T) { checkPaddedCells(t, openDuckDB, Trino) })
	t.Run("Snowflake cells", func(t *testing.T) { checkPaddedCells(t, openDuckDB, Snowflake) })
}

// The UCI Online Retail log as published (Parquet: items, quantities and
// unit prices, cancelled invoices, stock adjustments, lines without a
// customer), read by DuckDB itself: the default model's SELECT, in
// DuckDB's text and in Trino's, gives retain predict's probabilities.
func TestDuckDBMatchesPredictOnOnlineRetail(t *testing.T) {
	path := datasetPath(t, "online_retail/online_retail.parquet")
	b := train(t, experiment.Source{Kind: "log", Path: path}, func(*experiment.Config) {})
	mustUse(t, b, "distinct_items", "basket_size_avg", "cancel_share")
	log := readLogFile(t, path)
	cur, err := experiment.CurrentOf(log, b.Source)
	if err != nil {
		t.Fatal(err)
	}
	want, err := b.ScoreCurrent(cur)
	if err != nil {
		t.Fatal(err)
	}
	db := openDuckDB(t)
	// The file stores CustomerID as floats (pandas' type for a column with
	// blanks), which DuckDB writes as text "17850.0" and retain as 17850:
	// stored as integers, as a warehouse table should hold them, the ids
	// agree.
	if _, err := db.Exec("CREATE TABLE orders AS SELECT * REPLACE (CAST(CustomerID AS BIGINT) AS CustomerID) FROM read_parquet(" +
		DuckDB.str(path) + ")"); err != nil {
		t.Fatal(err)
	}
	for _, d := range []Dialect{DuckDB, Trino} {
		t.Run(d.String(), func(t *testing.T) {
			text, err := Build(b, Options{Dialect: d, Cutoff: b.Source.Cutoff, Columns: log.Columns})
			if err != nil {
				t.Fatal(err)
			}
			compare(t, runSelect(t, db, text), want.Scored, want.Short)
		})
	}
}

func TestDuckDBGivesNullForAnUnreadBoolean(t *testing.T) {
	checkNullForUnreadBoolean(t, openDuckDB, DuckDB)
}

func TestDuckDBMatchesPredictWithMarkedNumbers(t *testing.T) {
	checkMarkedNumbers(t, openDuckDB, DuckDB)
}

func TestDuckDBMatchesPredictOnNumbersWrittenOtherwise(t *testing.T) {
	checkNumbersWrittenOtherwise(t, openDuckDB, DuckDB)
	checkPresenceFlags(t, openDuckDB, DuckDB)
}

func TestDuckDBGivesNullForCellsThatAreNoNumber(t *testing.T) {
	checkNullForCellsThatAreNoNumber(t, openDuckDB, DuckDB)
}

func TestDuckDBGivesNullForMarkedCellsRetainRefuses(t *testing.T) {
	checkNullForMarkedCellsRefused(t, openDuckDB, DuckDB)
}
