package sqlexport

import (
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
