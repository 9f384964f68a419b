//go:build duckdb

// The DuckDB test needs cgo and the prebuilt DuckDB library the Go binding
// bundles, so it runs only when asked: go test -tags duckdb ./sqlexport

package sqlexport

import (
	"database/sql"
	"math"
	"strings"
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

func TestDuckDBMatchesPredictWithOrderIDsAndAStatusColumn(t *testing.T) {
	checkStatusWithOrderIDs(t, openDuckDB, DuckDB)
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

func TestDuckDBReadsNumericCellsAsPredict(t *testing.T) {
	for _, d := range []Dialect{DuckDB, Trino, Snowflake} {
		t.Run(d.String(), func(t *testing.T) { checkNumericCells(t, openDuckDB, d) })
	}
}

func TestDuckDBGivesNullForMisplacedMarks(t *testing.T) {
	for _, d := range []Dialect{DuckDB, Trino, Snowflake} {
		t.Run(d.String(), func(t *testing.T) { checkMisplacedMarks(t, openDuckDB, d) })
	}
}

// A DOUBLE column read as text gives DuckDB's spelling of each value
// ("34.0", "1e-07", "inf", "nan"): the SELECT reads each as retain
// predict reads the cell written so (infinity refused, NaN missing).
func TestDuckDBReadsADoubleColumnAsPredict(t *testing.T) {
	b := handUsers()
	ages := []any{34, 5.5, 1e3, 1e-7, math.Inf(1), math.NaN(), nil}
	db := openDuckDB(t)
	if _, err := db.Exec(`CREATE TABLE users (user_id VARCHAR, age DOUBLE, visits DOUBLE, plan VARCHAR, member VARCHAR)`); err != nil {
		t.Fatal(err)
	}
	want := map[string]sql.NullFloat64{}
	for i, age := range ages {
		id := string(rune('a' + i))
		if _, err := db.Exec(`INSERT INTO users VALUES (?, ?, 3, 'basic', 'yes')`, id, age); err != nil {
			t.Fatal(err)
		}
		var cell sql.NullString
		if err := db.QueryRow(`SELECT CAST(age AS VARCHAR) FROM users WHERE user_id = ?`, id).Scan(&cell); err != nil {
			t.Fatal(err)
		}
		s, err := b.ScoreCSV(strings.NewReader("user_id,age,visits,plan,member\n"+id+","+cell.String+",3,basic,yes\n"), "row.csv")
		if err == nil {
			want[id] = sql.NullFloat64{Float64: s.Probabilities[0], Valid: true}
		}
	}
	if want["e"].Valid || !want["f"].Valid {
		t.Fatalf("retain predict: infinity %v, NaN %v; want refused and read as missing", want["e"], want["f"])
	}
	text, err := Build(b, Options{Dialect: DuckDB})
	if err != nil {
		t.Fatal(err)
	}
	got := nullableScores(t, db, text)
	for i := range ages {
		id := string(rune('a' + i))
		g, w := got[id], want[id]
		if g.Valid != w.Valid || g.Valid && math.Abs(g.Float64-w.Float64) > tolerance {
			t.Errorf("age %v: SQL probability %v, retain predict %v", ages[i], g, w)
		}
	}
}
