package data

import "fmt"

// BlankNumbers records the kept lines of an order log whose amount, price
// or quantity cell held no number: blank, or a missing-value word such as
// NA, N/A, null, "-" or an Excel error. Their orders count (the customer
// did order that day) and the missing number is read as 0, so spend and
// unit sums leave those lines out; the load warns with the first such cell.
type BlankNumbers struct {
	// Lines counts the kept lines with at least one such cell.
	Lines int
	// Line and Column (1-based) locate the first such cell, and Role
	// names its column's role ("amount", "price" or "quantity") and Cell
	// its text as written.
	Line, Column int
	Role, Cell   string
}

// String words the record for the load notes: `312 kept lines have no
// amount, price or quantity (the first: line 9, column 4, amount "N/A"):
// their orders count, the missing number as 0, so spend sums leave them
// out`; "" when no line had one.
func (b BlankNumbers) String() string {
	if b.Lines == 0 {
		return ""
	}
	lines := "kept lines have"
	if b.Lines == 1 {
		lines = "kept line has"
	}
	cell := "blank"
	if b.Cell != "" {
		cell = quoteCut([]byte(b.Cell))
	}
	return fmt.Sprintf("%s %s no amount, price or quantity (the first: line %d, column %d, %s %s): "+
		"their orders count and the missing number is read as 0, so spend and unit sums leave those lines out",
		Thousands(b.Lines), lines, b.Line, b.Column, b.Role, cell)
}

// blankCell is the first cell without a number on the line being parsed
// (col < 0: none yet).
type blankCell struct {
	col  int
	role string
	cell string
}

// noteBlank records, for the line being parsed, a numeric cell that holds
// no number; only the leftmost of the line is kept.
func (p *logParser) noteBlank(col int, role string, cell []byte) {
	if p.blank.col < 0 || col < p.blank.col {
		p.blank = blankCell{col: col, role: role, cell: string(cell)}
	}
}

// keepBlank counts the line just kept when it had a cell without a number.
func (p *logParser) keepBlank(line int) {
	if p.blank.col < 0 {
		return
	}
	b := &p.log.Blank
	if b.Lines == 0 {
		b.Line, b.Column, b.Role, b.Cell = line, p.blank.col+1, p.blank.role, p.blank.cell
	}
	b.Lines++
}
