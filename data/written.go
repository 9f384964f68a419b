package data

// writtenCell is the text of one cell of a numeric column whose number
// would not be written back the same way: "0003676" reads as 3676, and a
// 19-digit id such as 2058466726881502778 has no exact float64 (it reads
// as 2058466726881502720 and writes back as 2058466726881502700).
type writtenCell struct {
	row  int
	text string
}

// mayNotWriteBack is the cheap test run on every numeric cell before
// writtenDiffers: only a cell longer than 15 bytes or not starting with a
// digit from 1 to 9 can be whole-number text that FormatFloat would not
// give back.
func mayNotWriteBack(cell []byte) bool {
	return len(cell) > 15 || len(cell) > 1 && (cell[0] < '1' || cell[0] > '9')
}

// writtenDiffers reports whether t, a trimmed cell, is a whole number
// written in a way strconv.FormatFloat(v, 'f', -1, 64) of its value does
// not give back: with a plus sign, with leading zeros, or with more than
// 15 digits (past 2^53 not every whole number has a float64; 16 digits
// below it are kept too, which costs a string and is always right).
func writtenDiffers(t []byte) bool {
	digits := t
	if len(digits) > 0 && (digits[0] == '-' || digits[0] == '+') {
		digits = digits[1:]
	}
	if len(digits) == 0 {
		return false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return false
		}
	}
	return t[0] == '+' || len(digits) > 15 || len(digits) > 1 && digits[0] == '0'
}

// keepWritten records the text of the cell about to be added to a numeric
// column when its number would not write it back (writtenDiffers), so
// that the column, should it turn out to be an identifier, shows every id
// as written: the text predict reads from the same file.
func (b *columnBuilder) keepWritten(cell []byte) {
	if t := trimSpace(cell); writtenDiffers(t) {
		b.written.add(writtenCell{row: b.values.len(), text: string(t)})
	}
}

// joinWritten appends the written cells of parts, each part's rows
// following the rows of the parts before it; rows gives each part's
// number of cells, all[0] being b itself.
func (b *columnBuilder) joinWritten(all []*columnBuilder, rows []int) {
	if len(all) == 1 {
		return
	}
	offset := rows[0]
	for i, part := range all[1:] {
		for _, w := range part.written.take() {
			w.row += offset
			b.written.add(w)
		}
		offset += rows[i+1]
	}
}

// useWritten replaces the identifiers asIdentifier wrote from numbers with
// the cells' own text where they differ (keepWritten).
func (c *Column) useWritten(cells []writtenCell) {
	for _, w := range cells {
		c.Strings[w.row] = w.text
	}
}
