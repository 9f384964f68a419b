package sqlexport

import (
	"database/sql"
	"math"
	"strings"
	"testing"
)

// The hand-made model of the golden files on numeric cells written as
// missing words ("Unknown", "未知", …): the SELECT reads them as NULL, as
// retain predict reads them as missing (the visits indicator is 1), and a
// categorical "unknown" stays a present value (the catch-all input is 1).
// Rows a..e hold the words, rows f..h the same rows with blank cells; the
// reference is the experiment's ScoreCSV on the same cells.
func TestSQLiteMatchesPredictWithUnknownInNumericColumns(t *testing.T) {
	b := handUsers()
	csvText := "user_id,age,visits,plan,member\n" +
		"a,Unknown,3,basic,yes\n" +
		"b,34,unknown ,it's pro,no\n" +
		"c,未知,N.A.,unknown,yes\n" +
		"d,MISSING,not available,basic,no\n" +
		"e,40,缺失,basic,no\n" +
		"f,,3,basic,yes\n" +
		"g,34,,it's pro,no\n" +
		"h,,,unknown,yes\n"
	want, err := b.ScoreCSV(strings.NewReader(csvText), "unknown.csv")
	if err != nil {
		t.Fatal(err)
	}
	// a and f, b and g, c and h differ only by words against blanks.
	for _, pair := range [][2]int{{0, 5}, {1, 6}, {2, 7}} {
		if p, q := want.Probabilities[pair[0]], want.Probabilities[pair[1]]; p != q {
			t.Errorf("retain predict: row %s scores %v, row %s with blanks %v", want.IDs[pair[0]], p, want.IDs[pair[1]], q)
		}
	}
	compareSQLiteOnCSV(t, b, csvText, want)
}

// A boolean cell in a spelling retain does not read (predict refuses it)
// gives the row a NULL probability, where GREATEST and LEAST return NULL
// for a NULL argument (SQLite) and where they skip it (DuckDB: the ReLU,
// the clamp of EXP and the calibration's clip are CASEs there); the other
// rows score as retain predict scores them.
func TestSQLiteGivesNullForAnUnreadBoolean(t *testing.T) {
	checkNullForUnreadBoolean(t, openSQLite, SQLite)
}

// checkNullForUnreadBoolean runs the hand-made model's SELECT in d on three
// users, the second with member "maybe", whose probability and class must
// be NULL.
func checkNullForUnreadBoolean(t *testing.T, open func(t *testing.T) *sql.DB, d Dialect) {
	b := handUsers()
	good := "user_id,age,visits,plan,member\na,34,3,basic,yes\nc,50,1,it's pro,no\n"
	want, err := b.ScoreCSV(strings.NewReader(good), "good.csv")
	if err != nil {
		t.Fatal(err)
	}
	db := open(t)
	loadTable(t, db, d, "users", []string{"user_id", "age", "visits", "plan", "member"},
		[][]string{{"a", "34", "3", "basic", "yes"}, {"b", "34", "3", "basic", "maybe"}, {"c", "50", "1", "it's pro", "no"}})
	text, err := Build(b, Options{Dialect: d})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(text)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got, class := map[string]sql.NullFloat64{}, map[string]sql.NullString{}
	for rows.Next() {
		var id string
		var p sql.NullFloat64
		var predicted sql.NullString
		if err := rows.Scan(&id, &p, &predicted); err != nil {
			t.Fatal(err)
		}
		got[id], class[id] = p, predicted
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if p, ok := got["b"]; !ok || p.Valid || class["b"].Valid {
		t.Errorf("user b (member \"maybe\"): probability %v, class %v; want NULL and NULL", p, class["b"])
	}
	for i, id := range want.IDs {
		if p := got[id]; !p.Valid || math.Abs(p.Float64-want.Probabilities[i]) > tolerance {
			t.Errorf("user %s: probability %v, retain predict %v", id, p, want.Probabilities[i])
		}
	}
}
