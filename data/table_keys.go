package data

import (
	"fmt"
	"strconv"
)

// preferKeys makes a table's id column one that identifies its users when
// the first one only numbers the rows (RowNumber: 1, 2, 3, … in file
// order, as a spreadsheet's export adds) and a later identifier does not
// (CustomerId): scores keyed by the row number cannot be joined to
// anything but this file.
func (t *Table) preferKeys() {
	if t.IDColumn < 0 || !countsRows(t.Columns[t.IDColumn]) {
		return
	}
	for i := t.IDColumn + 1; i < len(t.Columns); i++ {
		if c := t.Columns[i]; c.NamesRows() && !countsRows(c) {
			t.RowCounter = t.Columns[t.IDColumn].Name
			t.IDColumn = i
			return
		}
	}
}

// countsRows reports whether an id column's values are whole numbers
// counting the rows in file order (k, k+1, k+2, …).
func countsRows(c *Column) bool {
	if len(c.Strings) < 2 {
		return false
	}
	first, err := strconv.ParseInt(c.Strings[0], 10, 64)
	if err != nil {
		return false
	}
	for i, s := range c.Strings {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil || v != first+int64(i) {
			return false
		}
	}
	return true
}

// rowCounterNote says which column keys the rows when a row-number column
// came first ("" when none did).
func rowCounterNote(t *Table) string {
	if t.RowCounter == "" || t.IDColumn < 0 {
		return ""
	}
	return fmt.Sprintf("%s: rows are keyed by column %q, not by %q, which only numbers them in file order",
		t.Source, t.Columns[t.IDColumn].Name, t.RowCounter)
}
