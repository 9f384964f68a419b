package data

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// preferKeys makes a table's id column one that identifies its users when
// the first one only numbers the rows — a column named as a counter
// (RowNumber, index, No., 序号, a blank header) holding 1, 2, 3, … in file
// order, as a spreadsheet's export adds — and a later column named like an
// id (CustomerId; not an e-mail address) holds distinct values in every
// row: scores keyed by the row number join to nothing but this file. A
// user_id that happens to run 1..n is a real key and stays.
func (t *Table) preferKeys() {
	if t.IDColumn < 0 {
		return
	}
	first := t.Columns[t.IDColumn]
	if !counterName(first) || !countsRows(first) {
		return
	}
	for i := t.IDColumn + 1; i < len(t.Columns); i++ {
		c := t.Columns[i]
		name := strings.ToLower(c.Name)
		if c.NamesRows() && idLikeName(c.Name) && !strings.HasSuffix(name, "email") && !strings.HasSuffix(name, "e-mail") &&
			distinctCells(c.Strings) && !countsRows(c) {
			t.RowCounter = first.Name
			t.IDColumn = i
			return
		}
	}
}

// counterName reports whether a column's header names a row counter:
// RowNumber, row_no, index, No., #, 序号, 行号, or no name at all.
func counterName(c *Column) bool {
	if c.Unnamed {
		return true
	}
	var b strings.Builder
	for _, r := range strings.ToLower(c.Name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	switch n := b.String(); n {
	case "", "index", "idx", "no", "nr", "n", "sn", "serial", "serialno", "serialnumber", "序号", "行号", "unnamed0":
		return true
	default:
		return strings.HasPrefix(n, "row") && len(n) <= len("rownumber")
	}
}

// distinctCells reports whether every cell is present and distinct.
func distinctCells(cells []string) bool {
	seen := make(map[string]struct{}, len(cells))
	for _, s := range cells {
		if _, dup := seen[s]; dup || s == "" {
			return false
		}
		seen[s] = struct{}{}
	}
	return true
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
