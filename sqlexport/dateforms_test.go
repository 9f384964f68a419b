package sqlexport

import (
	"bytes"
	"database/sql"
	"encoding/csv"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// handDates is a small hand-made per-user model with a date column
// (signup, days before its latest date 2024-01-31, day 19753, clipped to
// [2000-01-01, 2024-01-31], filled with 2023-05-01, day 19478, with a
// was-missing input) and a numeric one, a tanh layer and a sigmoid output.
func handDates() *experiment.Bundle {
	p := &data.Pipeline{
		IDName:  "user_id",
		Label:   data.LabelSpec{Name: "churn", Positive: "yes", Negative: "no"},
		Options: data.PipelineOptions{Impute: data.ImputeMedian},
		Columns: []data.PipelineColumn{
			{Name: "signup", Kind: data.Numeric, Date: true, Fill: 19478, Min: 10957, Max: 19753, Clip: true,
				Center: 400, Scale: 900, Indicator: true, Missing: 3, First: 0, Width: 2},
			{Name: "spend", Kind: data.Numeric, Fill: 50, Center: 40, Scale: 30, First: 2, Width: 1},
		},
		Outputs: []data.Output{{Name: "signup"}, {Name: "signup (missing)", Indicator: true}, {Name: "spend", Input: 1}},
	}
	return &experiment.Bundle{
		Source: experiment.Source{Kind: "csv", Path: "users.csv"}, Label: experiment.BundleLabel(p.Label),
		Features: p.FeatureNames(), Threshold: 0.5, Pipeline: p,
		Net: experiment.BundleNetwork{Architecture: engine.Architecture{Inputs: 3, Outputs: 1, Loss: engine.BCE,
			Hidden: []engine.LayerSpec{{Units: 2, Activation: engine.Tanh}}}, Layers: []experiment.BundleLayer{
			{Inputs: 3, Outputs: 2, Activation: engine.Tanh, Weights: []float64{1.5, -0.75, 0.2, -0.5, 1.25, 0.3}, Biases: []float64{0.1, -0.2}},
			{Inputs: 2, Outputs: 1, Activation: engine.Sigmoid, Weights: []float64{1.2, -0.9}, Biases: []float64{0.05}},
		}},
	}
}

// dateFormRows are cells of a date column that retain predict reads: the
// same day (2023-05-01) in every form it reads, other days, and cells
// written as dates that are no calendar dates, which it reads as missing.
var dateFormRows = [][]string{
	{"iso", "2023-05-01", "50"},
	{"one-digit", "2023-5-1", "50"},
	{"slashes", "2023/05/01", "50"},
	{"dots", "2023.5.01", "50"},
	{"compact", "20230501", "50"},
	{"unix", "1682899200", "50"},
	{"unix-ms", "1682985599999", "50"},
	{"unix-9", "999999999", "50"},
	{"iso-z", "2023-05-01T23:59:59Z", "50"},
	{"time", "2023-5-1 10:11", "50"},
	{"fraction", "2023-05-01T10:11:12.123456789+05:30", "50"},
	{"utc", "2023/05/01 10:11:12 UTC", "50"},
	{"offset", "2023-05-01T10:11:12-0500", "50"},
	{"padded", " 2023-05-01 ", "50"},
	{"chinese", "2023年5月1日", "50"},
	{"chinese-time", "2023年05月01日 23:59:59.5", "50"},
	{"leap", "2024-02-29", "50"},
	{"leap-2000", "2000-02-29", "50"},
	{"old", "1999-12-31", "50"},
	{"blank", "", "50"},
	{"na", "NA", "50"},
	{"feb-30", "2023-02-30", "50"},
	{"feb-29", "2023-2-29", "50"},
	{"leap-1900", "1900-02-29", "50"},
	{"month-13", "2023-13-01", "50"},
	{"zeros", "0000-00-00", "50"},
	{"zeros-time", "0000-00-00 00:00:00", "50"},
	{"compact-bad", "20230230", "50"},
	{"year-last-bad", "13/45/2010", "50"},
	{"chinese-bad", "2023年2月30日", "50"},
}

// checkDateForms compares d's probabilities with retain predict's on
// dateFormRows, and checks that the cells predict refuses give NULL.
func checkDateForms(t *testing.T, open func(t *testing.T) *sql.DB, d Dialect) {
	b := handDates()
	header := []string{"user_id", "signup", "spend"}
	refused := []refusedCell{
		refusedDate("year-last", "01/05/2023"),
		refusedDate("text", "abc"),
		refusedDate("hour-24", "2023-05-01 24:00"),
		refusedDate("minute-60", "2023-05-01T10:60"),
		refusedDate("zone-name", "2023-05-01 10:11:12 PST"),
		refusedDate("month-3", "2023-123-1"),
		refusedDate("digits-11", "12345678901"),
		refusedDate("lower-t", "2023-05-01t10:11"),
		refusedDate("mixed-seps", "2023-05/01"),
		refusedDate("zone-hour", "2023-05-01T10:11+24:00"),
		refusedDate("chinese-t", "2023年5月1日T10:11"),
		refusedDate("chinese-zone", "2023年5月1日 10:11Z"),
		refusedDate("chinese-no-day", "2023年5月1"),
	}
	checkNullWhereRefused(t, b, open, d, header, dateFormRows, refused)
}

// refusedDate is the row id with the date cell, which retain predict
// refuses with the error it gives (checked by checkNullWhereRefused).
func refusedDate(id, cell string) refusedCell {
	return refusedCell{[]string{id, cell, "50"}, `bad.csv:2:2: column "signup": expected a date (YYYY-MM-DD), got "` + cell + `"`}
}

// The cells predict reads as missing score as a blank does there, so the
// comparison above is one with the blank's figure.
func TestDateFormsPredictReadsBadDatesAsBlank(t *testing.T) {
	b := handDates()
	var buf bytes.Buffer
	if err := csv.NewWriter(&buf).WriteAll(append([][]string{{"user_id", "signup", "spend"}}, dateFormRows...)); err != nil {
		t.Fatal(err)
	}
	s, err := b.ScoreCSV(&buf, "forms.csv")
	if err != nil {
		t.Fatal(err)
	}
	prob := map[string]float64{}
	for i, id := range s.IDs {
		prob[id] = s.Probabilities[i]
	}
	for _, id := range []string{"na", "feb-30", "feb-29", "leap-1900", "month-13", "zeros", "zeros-time", "compact-bad", "year-last-bad", "chinese-bad"} {
		if prob[id] != prob["blank"] {
			t.Errorf("%s: %v, blank %v", id, prob[id], prob["blank"])
		}
	}
	for _, id := range []string{"one-digit", "slashes", "dots", "compact", "unix", "unix-ms", "iso-z", "time", "fraction", "utc", "offset", "padded", "chinese", "chinese-time"} {
		if prob[id] != prob["iso"] {
			t.Errorf("%s: %v, 2023-05-01 %v", id, prob[id], prob["iso"])
		}
	}
}

func TestSQLiteReadsDateFormsAsPredict(t *testing.T) {
	checkDateForms(t, openSQLite, SQLite)
}

// A TIMESTAMP WITH TIME ZONE cast to text is written with a zone data's
// parser refuses ("+00", " -0700"); the query reads such a cell as its
// date, as a typed column of a warehouse writes it: each row here scores
// as 2023-05-01 does in SQLite.
func TestSQLiteReadsZonesOfTypedTimestamps(t *testing.T) {
	b := handDates()
	header := []string{"user_id", "signup", "spend"}
	rows := [][]string{{"iso", "2023-05-01", "50"}, {"pg", "2023-05-01 23:11:12+00", "50"}, {"pg-neg", "2023-05-01 10:11:12.5-05", "50"},
		{"snowflake", "2023-05-01 10:11:12.000 -0700", "50"}, {"zone-hour", "2023-05-01 10:11:12+24", "50"}, {"blank", "", "50"}}
	db := openSQLite(t)
	loadTable(t, db, SQLite, "users", header, rows)
	text, err := Build(b, Options{Dialect: SQLite})
	if err != nil {
		t.Fatal(err)
	}
	res, err := db.Query(text)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Close()
	got := map[string]sql.NullFloat64{}
	for res.Next() {
		var id string
		var p sql.NullFloat64
		var class sql.NullString
		if err := res.Scan(&id, &p, &class); err != nil {
			t.Fatal(err)
		}
		got[id] = p
	}
	if err := res.Err(); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"pg", "pg-neg", "snowflake"} {
		if !got[id].Valid || got[id] != got["iso"] {
			t.Errorf("%s: %v, 2023-05-01 %v", id, got[id], got["iso"])
		}
	}
	if got["zone-hour"].Valid || !got["blank"].Valid || got["blank"] == got["iso"] {
		t.Errorf("zone hour 24: %v (want NULL); blank %v", got["zone-hour"], got["blank"])
	}
}
