package main

import (
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// textTable writes rows of cells as columns two spaces apart, each padded
// to its widest cell in terminal columns (a CJK character takes two, a
// combining mark none), which text/tabwriter, counting runes, gets wrong;
// the last column is not padded. A tab or line break inside a cell is
// written as a space, so a cell cannot break the table.
type textTable struct {
	rows [][]string
}

// add appends a row.
func (t *textTable) add(cells ...string) {
	row := make([]string, len(cells))
	for i, c := range cells {
		row[i] = strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, c)
	}
	t.rows = append(t.rows, row)
}

// write writes the table to w.
func (t *textTable) write(w io.Writer) error {
	var widths []int
	for _, row := range t.rows {
		for i, c := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	var b strings.Builder
	for _, row := range t.rows {
		for i, c := range row {
			b.WriteString(c)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(c)+2))
			}
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}
