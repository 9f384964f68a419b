package experiment

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
)

// A log whose customer column is called like a feature keeps its ids in a
// customer_id column, and a note says so and why; a log whose column lends
// its name gets no such note.
func TestLogIDColumnRenamedNote(t *testing.T) {
	var b strings.Builder
	b.WriteString("frequency,date,amount\n")
	for day := 1; day <= 28; day++ {
		for c := range 4 {
			if (day+c)%3 == 0 {
				b.WriteString(string(rune('a'+c)) + ",2020-02-" + twoDigits(day) + ",10\n")
			}
		}
	}
	now := time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)
	src := Source{Kind: "log", Path: "orders.csv", HorizonDays: 7, LogColumns: data.LogColumns{Customer: "frequency"}}
	d, err := LoadAt(src, stringOpener(b.String()), now)
	if err != nil {
		t.Fatal(err)
	}
	if id := d.Table.Columns[d.Table.IDColumn].Name; id != "customer_id" {
		t.Errorf("id column %q, want customer_id", id)
	}
	const want = `note: orders.csv: the customer ids of column "frequency" are the id column "customer_id" of the per-customer table ` +
		`and its scores: "frequency" is a name that a feature, the label or a column of the scores has or may have`
	if !slices.Contains(d.Notes(), want) {
		t.Errorf("notes %q\nlack %q", d.Notes(), want)
	}
	d, err = LoadAt(Source{Kind: "log", Path: "orders.csv", HorizonDays: 7},
		stringOpener(strings.Replace(b.String(), "frequency,", "customer,", 1)), now)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range d.Notes() {
		if strings.Contains(n, "customer ids of column") {
			t.Errorf("note %q for a column that lends its name", n)
		}
	}
}
