package data

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// suggestLabels adds to a LabelNotFoundError of a file whose label was not
// named the columns that hold exactly two distinct values in its first
// rows (the records rr reads next, at most rows of them): those are the
// likeliest labels. The message names them (so does Likeliest), and
// Columns lists them first (then the others, in header order), so that a
// program asking which column is the label offers them first. Reading stops quietly at the
// first malformed record; the error is otherwise returned as it is.
func suggestLabels(err error, rr *recordReader, header []string, rows int) error {
	var lnf *LabelNotFoundError
	if !errors.As(err, &lnf) {
		return err
	}
	if len(header)-len(rr.unnamed) == 1 {
		// One cell on the first line: perhaps a report's title above the
		// header, which is then a later line with more cells.
		first := ""
		for j, h := range header {
			if !slices.Contains(rr.unnamed, j) {
				first = h
			}
		}
		for range 3 {
			if rr.read() != nil {
				break
			}
			if n := filledFields(rr); n >= 3 {
				pe := *lnf.ParseError
				pe.Msg += fmt.Sprintf("; line %d holds one cell, %q, and line %d is the first with %d cells: if the lines above line %d are a title, not the header, remove them",
					lnf.Line, first, rr.line, n, rr.line)
				lnf.ParseError, lnf.TitleAbove = &pe, rr.line
				lnf.Title, lnf.TitleCells = first, n
				return lnf
			}
		}
		return err
	}
	seen := make([][]string, len(header)) // up to 3 distinct values each
	for range rows {
		if rr.read() != nil || rr.fields() != len(header) {
			break
		}
		for j := range header {
			v := trimSpace(rr.field(j))
			if isMissing(v) || len(seen[j]) > 2 || slices.Contains(seen[j], string(v)) {
				continue
			}
			seen[j] = append(seen[j], string(v))
		}
	}
	var two, rest []string
	for j, h := range header {
		if len(seen[j]) == 2 {
			two = append(two, h)
		} else {
			rest = append(rest, h)
		}
	}
	if len(two) == 0 {
		return err
	}
	lnf.Columns, lnf.Likeliest = append(two, rest...), slices.Clone(two)
	pe := *lnf.ParseError
	pe.Msg += " (columns with two values, the likeliest labels: " + strings.Join(two, ", ") + ")"
	lnf.ParseError = &pe
	return lnf
}

// filledFields counts the record's fields that are not blank.
func filledFields(rr *recordReader) int {
	n := 0
	for j := range rr.fields() {
		if len(trimSpace(rr.field(j))) > 0 {
			n++
		}
	}
	return n
}
