package data

import (
	"strconv"
	"strings"
)

// headerlessHint is what a label error adds when the header a table was
// read with reads as data: "; its first line reads as data …, so the file
// seems to have no header row …" ("" otherwise). Its cells, split at
// spaces too (a whitespace-separated file read as one column), must all
// be numbers or dates.
func headerlessHint(header []string) string {
	if !headerReadsAsData(header) {
		return ""
	}
	return "; its first line reads as data (every cell a number or a date), so the file seems to have no header row: " +
		"a table needs a first line naming its columns"
}

// headerReadsAsData reports whether every cell of header, split at
// spaces, is a number or a date, with at least one cell.
func headerReadsAsData(header []string) bool {
	n := 0
	for _, h := range header {
		for _, f := range strings.Fields(h) {
			if _, err := strconv.ParseFloat(f, 64); err != nil {
				var p dateParser // a fresh one: a parser keeps the first date's form
				if _, err := p.day([]byte(f)); err != nil && err != errNeedOrder {
					return false
				}
			}
			n++
		}
	}
	return n > 0
}
