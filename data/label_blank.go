package data

import (
	"errors"
	"fmt"
)

// BlankLabels counts the rows of a table read without them because their
// label cell was blank: they have nothing to train on or be measured
// against, but they are not lost, as predict scores every row of a file.
type BlankLabels struct {
	// Rows is how many rows were left out.
	Rows int
	// First locates the first of them: its line in a CSV file, its row
	// (from 1) in a Parquet file (Parquet set).
	First   int
	Parquet bool
}

// Where is First in words: "line 2" of a CSV file, "row 1233" of a
// Parquet file.
func (b BlankLabels) Where() string {
	if b.Parquet {
		return fmt.Sprintf("row %d", b.First)
	}
	return fmt.Sprintf("line %d", b.First)
}

// blankLabelRows is what the readers of a labelled table count while
// leaving out rows with a blank label: how many, and the first's line.
type blankLabelRows struct {
	n, first int
}

func (b *blankLabelRows) add(line int) {
	if b.n == 0 {
		b.first = line
	}
	b.n++
}

// merge adds the rows counted in a later part of the file.
func (b *blankLabelRows) merge(o blankLabelRows) {
	if o.n > 0 && b.n == 0 {
		b.first = o.first
	}
	b.n += o.n
}

// errBlankLabel is checkRecord's answer for a row whose label is blank when
// such rows are left out (tableParser.dropBlank): the caller counts and
// skips it.
var errBlankLabel = errors.New("blank label (row left out)")

// report is the count as a Table holds it; parquet numbers rows, not lines.
func (b blankLabelRows) report(parquet bool) BlankLabels {
	if b.n == 0 {
		return BlankLabels{}
	}
	if parquet {
		return BlankLabels{Rows: b.n, First: b.first - 1, Parquet: true}
	}
	return BlankLabels{Rows: b.n, First: b.first}
}

// allBlankError refuses a file whose every row has a blank label.
func (p *tableParser) allBlankError() error {
	pe := parseErr(p.name, p.blank.first, p.labelCol+1, ErrLabelMissing,
		fmt.Sprintf("label column %q is blank on every row (%s)", p.header[p.labelCol], rowCount(p.blank.n)))
	pe.Facts = BlankLabel{Column: p.header[p.labelCol], Every: true, Rows: p.blank.n}
	return pe
}

func rowCount(n int) string {
	if n == 1 {
		return "1 row"
	}
	return Thousands(n) + " rows"
}

// blankLabelNote is the load note of the rows left out for a blank label
// ("" when there were none).
func blankLabelNote(t *Table) string {
	b := t.BlankLabels
	if b.Rows == 0 {
		return ""
	}
	return fmt.Sprintf("%s: %s without a label (column %q blank) left out, the first on %s: they cannot be trained on or measured; predict still scores them",
		t.Source, rowCount(b.Rows), t.Label.Name, b.Where())
}
