package data

// TableCellNotes says of t's rows (an order log's customers, whose feature
// columns were computed, not read) what Rows.CellNotes says of a file's,
// in the same words: per pipeline column, how many missing cells the model
// fills and with what, then how many values lie beyond the training range
// and which bound it scores them as. A table has no lines: the first cell
// of each note is placed by where(row) ("customer 12346") instead of a
// line and column. name names the data in the notes.
func (p *Pipeline) TableCellNotes(t *Table, name string, where func(row int) string) []string {
	return p.tableCells(t, nil).notes(name, func(c Cell) string { return where(c.Row) })
}

// TableCellNotesBy is TableCellNotes naming, of each note's cells, the one
// of the row whose key (keys[row]) sorts first, rather than the first in
// row order, and saying so: "the first by <by>". It is for rows whose
// order tells something their keys do not (customers in the log's order,
// named by pseudonym).
func (p *Pipeline) TableCellNotesBy(t *Table, name string, where func(row int) string, keys []string, by string) []string {
	tally := p.tableCells(t, func(a, b int) bool { return keys[a] < keys[b] || keys[a] == keys[b] && a < b })
	tally.firstWord = "the first by " + by
	return tally.notes(name, func(c Cell) string { return where(c.Row) })
}

// TableCells returns, from one pass over t, the value of every cell beyond
// the training range of one of p's clipped columns (as Rows.Beyond holds a
// file's) and every missing cell in one of p's numeric columns (as
// Rows.Blank marks a file's), by row and pipeline column.
func (p *Pipeline) TableCells(t *Table) (beyond map[Cell]float64, blank map[Cell]bool) {
	tally := p.tableCells(t, nil)
	return tally.beyond, tally.blank
}

// tableCells tallies t's cells as ReadRows tallies a file's, column by
// column, each from its first row: a missing cell is NaN, or "" in a
// categorical column. A column t lacks is left out. before orders the
// rows for the first cell of each note (nil: row order).
func (p *Pipeline) tableCells(t *Table, before func(a, b int) bool) *cellTally {
	tally := newCellTally(p, nil)
	tally.before = before
	for ci := range p.Columns {
		c := t.Column(p.Columns[ci].Name)
		switch {
		case c == nil:
		case c.Values != nil:
			for r, v := range c.Values {
				tally.value(r, ci, v)
			}
		default:
			for r, s := range c.Strings {
				if s == "" {
					tally.missingCell(r, ci)
				}
			}
		}
	}
	return tally
}
