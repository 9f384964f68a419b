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
	two := twoValued(rr, header, rows)
	if len(two) == 0 {
		return err
	}
	lnf.Columns, lnf.Likeliest = lnf.Offered(two), two
	pe := *lnf.ParseError
	pe.Msg += " (columns with two values, the likeliest labels: " + strings.Join(two, ", ") + ")"
	lnf.ParseError = &pe
	return lnf
}

// likeliestLabels sets Likeliest of a LabelNotFoundError of a file whose
// label was named but is not one of its columns: the columns that hold
// exactly two distinct values in its first rows (the records rr reads
// next, at most rows of them). The message, which lists the columns as
// the header has them, and Columns stay as they are; Offered puts the
// likeliest first. Any other error is returned as it is.
func likeliestLabels(err error, rr *recordReader, header []string, rows int) error {
	var lnf *LabelNotFoundError
	if errors.As(err, &lnf) && lnf.Named != "" {
		lnf.Likeliest = twoValued(rr, header, rows)
	}
	return err
}

// twoValued returns the columns that hold exactly two distinct values
// (blanks aside) in the next rows records rr reads: first those whose
// values name an outcome (namesOutcome: "churned"/"retained" before a
// Yes/No column), then the others, each group in header order. Reading
// stops quietly at the first malformed record.
func twoValued(rr *recordReader, header []string, rows int) []string {
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
		switch {
		case len(seen[j]) != 2:
		case namesOutcome(seen[j]):
			two = append(two, h)
		default:
			rest = append(rest, h)
		}
	}
	return append(two, rest...)
}

// Offered is the columns in the order a program asking which is the label
// offers them: those of likeliest (the columns with two values, Likeliest
// when nil) first, then the others as Columns has them.
func (e *LabelNotFoundError) Offered(likeliest []string) []string {
	if likeliest == nil {
		likeliest = e.Likeliest
	}
	out := slices.Clone(likeliest)
	for _, c := range e.Columns {
		if !slices.Contains(likeliest, c) {
			out = append(out, c)
		}
	}
	return out
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

// outcomeWords are label values that name what happened to a customer,
// beyond positiveWords: the states a status column holds, lower-case.
var outcomeWords = []string{"active", "inactive", "cancelled", "canceled", "stayed", "lapsed", "renewed", "not churned", "not_churned"}

// namesOutcome reports whether one of a column's values names an outcome
// (positiveWords, outcomeWords; any case): such a column is a likelier
// label than one of Yes/No flags.
func namesOutcome(values []string) bool {
	for _, v := range values {
		v = strings.ToLower(v)
		if slices.Contains(positiveWords, v) || slices.Contains(outcomeWords, v) {
			return true
		}
	}
	return false
}
