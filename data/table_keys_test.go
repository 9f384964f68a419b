package data

import (
	"fmt"
	"strings"
	"testing"
)

// A RowNumber column (1, 2, 3, … in file order) gives way as the rows' key
// to a later identifier, with a note; alone, or when the later one is a
// row counter too, it stays the key.
func TestRowNumbersGiveWayToCustomerIDs(t *testing.T) {
	var b strings.Builder
	b.WriteString("RowNumber,CustomerId,Step,visits,Exited\n")
	for i := range 60 {
		fmt.Fprintf(&b, "%d,%d,%d,%d,%d\n", i+1, 15600000+(i*7919)%100000, 101+i, i%9, i%2)
	}
	tab, err := ReadCSV(strings.NewReader(b.String()), "bank.csv", CSVOptions{Label: "Exited"})
	if err != nil {
		t.Fatal(err)
	}
	if tab.IDColumn < 0 || tab.Columns[tab.IDColumn].Name != "CustomerId" {
		t.Fatalf("rows keyed by %d, want CustomerId", tab.IDColumn)
	}
	const note = `bank.csv: rows are keyed by column "CustomerId", not by "RowNumber", which only numbers them in file order`
	if got := rowCounterNote(tab); got != note {
		t.Errorf("note %q, want %q", got, note)
	}
	// Without CustomerId the next identifier, Step, counts the rows too
	// (from 101): RowNumber stays the key, without a note.
	var c strings.Builder
	c.WriteString("RowNumber,Step,visits,Exited\n")
	for i := range 60 {
		fmt.Fprintf(&c, "%d,%d,%d,%d\n", i+1, 101+i, i%9, i%2)
	}
	tab, err = ReadCSV(strings.NewReader(c.String()), "bank.csv", CSVOptions{Label: "Exited"})
	if err != nil {
		t.Fatal(err)
	}
	if tab.IDColumn < 0 || tab.Columns[tab.IDColumn].Name != "RowNumber" || rowCounterNote(tab) != "" {
		t.Errorf("rows keyed by %d (%q), want RowNumber without a note", tab.IDColumn, rowCounterNote(tab))
	}
	if !countsRows(&Column{Strings: []string{"101", "102", "103"}}) || countsRows(&Column{Strings: []string{"1", "3", "2"}}) ||
		countsRows(&Column{Strings: []string{"a1", "a2"}}) {
		t.Error("countsRows")
	}
}

// A user_id that runs 1..n is a real key and stays, even beside an e-mail
// column; a later id column with a repeated value does not take over.
func TestRealKeysStay(t *testing.T) {
	for _, c := range []struct {
		header string
		row    func(i int) string
		want   string
	}{
		{"user_id,email,visits,churned", func(i int) string { return fmt.Sprintf("%d,u%d@example.com,%d,%d", i+1, i, i%7, i%2) }, "user_id"},
		{"RowNumber,email,visits,churned", func(i int) string { return fmt.Sprintf("%d,u%d@example.com,%d,%d", i+1, i, i%7, i%2) }, "RowNumber"},
		{"RowNumber,CustomerId,visits,churned", func(i int) string { return fmt.Sprintf("%d,%d,%d,%d", i+1, 15600000+i*7-(i%5/4)*7, i%7, i%2) }, "RowNumber"},
		{"index,CustomerId,visits,churned", func(i int) string { return fmt.Sprintf("%d,%d,%d,%d", i, 15600000+i*7919%100000, i%7, i%2) }, "CustomerId"},
	} {
		var b strings.Builder
		b.WriteString(c.header + "\n")
		for i := range 60 {
			b.WriteString(c.row(i) + "\n")
		}
		tab, err := ReadCSV(strings.NewReader(b.String()), "u.csv", CSVOptions{Label: "churned"})
		if err != nil {
			t.Fatal(err)
		}
		if tab.IDColumn < 0 || tab.Columns[tab.IDColumn].Name != c.want {
			t.Errorf("%s: rows keyed by column %d, want %s", c.header, tab.IDColumn, c.want)
		}
	}
}
