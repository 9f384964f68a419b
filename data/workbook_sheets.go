package data

import (
	"strconv"
	"strings"
)

// WorkbookSheets says which sheets of an Excel workbook a table or an
// order log was read from: Read, one after the other (they share a
// header); Left, the sheets with data left out, each with other columns
// than those read; Hidden, the hidden sheets, not read; Titles, the text
// of the one-cell rows above the first sheet's header (a report's title),
// left out.
type WorkbookSheets struct {
	Read, Left, Hidden, Titles []string
}

// Note is the load note on stderr: `Excel workbook, sheets "A" and "B"
// read one after the other (same columns); sheet "C" has other columns
// and was not read: save the one you want as CSV`.
func (w *WorkbookSheets) Note() string {
	s := "Excel workbook, sheet " + wordList(quoted(w.Read)) + " read"
	if len(w.Read) > 1 {
		s = "Excel workbook, sheets " + wordList(quoted(w.Read)) + " read one after the other (same columns)"
	}
	switch {
	case len(w.Left) == 1:
		s += "; sheet " + wordList(quoted(w.Left)) + " has other columns and was not read: save the one you want as CSV"
	case len(w.Left) > 1:
		s += "; sheets " + wordList(quoted(w.Left)) + " have other columns and were not read: save the one you want as CSV"
	}
	switch {
	case len(w.Titles) == 1:
		s += "; the row above the header, " + wordList(quoted(w.Titles)) + ", was read as a title and left out"
	case len(w.Titles) > 1:
		s += "; the rows above the header, " + wordList(quoted(w.Titles)) + ", were read as titles and left out"
	}
	switch {
	case len(w.Hidden) == 1:
		s += "; hidden sheet " + wordList(quoted(w.Hidden)) + " was not read"
	case len(w.Hidden) > 1:
		s += "; hidden sheets " + wordList(quoted(w.Hidden)) + " were not read"
	}
	return s
}

// quoted quotes each name.
func quoted(names []string) []string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return q
}

// wordList joins parts as a list in words: "a", "a and b", "a, b and c".
func wordList(parts []string) string {
	if n := len(parts); n > 1 {
		return strings.Join(parts[:n-1], ", ") + " and " + parts[n-1]
	}
	return strings.Join(parts, "")
}
