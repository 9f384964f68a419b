//go:build duckdb

package sqlexport

import "testing"

func TestDuckDBReadsDateFormsAsPredict(t *testing.T) {
	checkDateForms(t, openDuckDB, DuckDB)
}

// The Trino and Snowflake texts run on DuckDB (see TestDuckDBRunsTheTrinoText)
// on the cells retain predict reads. Not on those it refuses: there the
// day is NULL, which Trino's and Snowflake's GREATEST and LEAST (the
// network's bounds on z) keep NULL, while DuckDB's skip it.
func TestDuckDBRunsTheDateFormsOfTrinoAndSnowflake(t *testing.T) {
	header := []string{"user_id", "signup", "spend"}
	for _, d := range []Dialect{Trino, Snowflake} {
		t.Run(d.String(), func(t *testing.T) {
			checkRecords(t, handDates(), openDuckDB, "forms.csv", append([][]string{header}, dateFormRows...), Options{Dialect: d})
		})
	}
}

func TestDuckDBReadsMarksInAColumnWrittenWithout(t *testing.T) {
	checkUnmarkedColumnReadsMarks(t, openDuckDB, DuckDB)
}

func TestDuckDBReadsMarkedAmountsAsPredict(t *testing.T) {
	checkMarkedAmounts(t, openDuckDB, DuckDB)
}

func TestDuckDBReadsNamedDatesAsPredict(t *testing.T) {
	checkNamedDates(t, openDuckDB, DuckDB)
}
