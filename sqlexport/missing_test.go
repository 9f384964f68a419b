package sqlexport

import (
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
)

// TestSQLiteMissingColumnIsAnError: a table that lacks a column the query
// reads is an error, "no such column", as in the other engines and as
// retain predict refuses it. Unqualified, SQLite read a double-quoted name
// that matched no column as a string: the id column gave every row the id
// "user_id", a missing category scored as an unseen level, a missing
// number as NULL, and an order log without its amounts returned no rows.
func TestSQLiteMissingColumnIsAnError(t *testing.T) {
	users := [][]string{{"user_id", "age", "visits", "plan", "member"}, {"a", "34", "3", "basic", "yes"}, {"b", "50", "1", "it's pro", "no"}}
	for _, drop := range []string{"user_id", "age", "plan", "member"} {
		checkMissing(t, handUsers, "users", users, drop)
	}
	orders := [][]string{{"cust", "ordered_at", "amount", "invoice"}, {"a", "2024-01-05", "10", "1"}, {"a", "2024-03-01", "5", "2"}, {"b", "2024-02-01", "7", "3"}}
	for _, drop := range []string{"cust", "ordered_at", "amount", "invoice"} {
		checkMissing(t, handOrders, "orders", orders, drop)
	}
}

// checkMissing loads recs without the column drop as table and runs the
// export of the model made by model on it in SQLite.
func checkMissing(t *testing.T, model func() *experiment.Bundle, table string, recs [][]string, drop string) {
	t.Helper()
	j := slices.Index(recs[0], drop)
	var cut [][]string
	for _, r := range recs {
		cut = append(cut, slices.Delete(slices.Clone(r), j, j+1))
	}
	db := openSQLite(t)
	loadTable(t, db, SQLite, table, cut[0], cut[1:])
	text, err := Build(model(), Options{Dialect: SQLite})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(text)
	if err == nil {
		var n int
		for rows.Next() {
			n++
		}
		err = rows.Err()
		rows.Close()
		if err == nil {
			t.Errorf("table %s without %q: %d rows and no error", table, drop, n)
			return
		}
	}
	if want := "no such column: src." + drop; !strings.Contains(err.Error(), want) {
		t.Errorf("table %s without %q: %v, want %q", table, drop, err, want)
	}
}
