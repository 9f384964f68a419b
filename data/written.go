package data

import "strings"

// writtenCells holds what the numbers of a numeric column lose of their
// cells' text, so that the column, should it turn out to be an identifier,
// shows every id as written (asIdentifier): the text predict reads from
// the same file. "0003676" reads as 3676, and a 19-digit id such as
// 2058466726881502778 has no exact float64 (it reads as …720 and writes
// back as …700).
type writtenCells struct {
	// zeros counts each row's leading zeros, one byte a row (a zero-padded
	// month column costs little); it is empty until a cell has some and
	// shorter than the column when the last rows have none.
	zeros chunks[uint8]
	// texts are the cells that a number and its zeros cannot give back, in
	// row order: more than 15 digits, or a plus sign.
	texts chunks[writtenCell]
}

// writtenCell is the text of one row's cell.
type writtenCell struct {
	row  int
	text string
}

// mayLoseText is the cheap test run on every numeric cell before
// lostText: only a cell longer than 15 bytes or not starting with a digit
// from 1 to 9 can be whole-number text that FormatFloat would not give
// back.
func mayLoseText(cell []byte) bool {
	return len(cell) > 15 || len(cell) > 1 && (cell[0] < '1' || cell[0] > '9')
}

// lostText says what strconv.FormatFloat(v, 'f', -1, 64) loses of t, a
// trimmed cell holding a whole number v: whole when it cannot give t back
// (a plus sign, or more than 15 digits: past 2^53 not every whole number
// has a float64, and 16 digits below it are kept too, which is always
// right), else the count of leading zeros it drops ("007": 2, "00": 1).
func lostText(t []byte) (zeros int, whole bool) {
	digits := t
	if len(digits) > 0 && (digits[0] == '-' || digits[0] == '+') {
		digits = digits[1:]
	}
	if len(digits) == 0 {
		return 0, false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	if t[0] == '+' || len(digits) > 15 {
		return 0, true
	}
	for zeros < len(digits)-1 && digits[zeros] == '0' {
		zeros++
	}
	return zeros, false
}

// keepWritten records what the number of the cell about to be added to a
// numeric column will lose of its text (lostText).
func (b *columnBuilder) keepWritten(cell []byte) {
	t := trimSpace(cell)
	zeros, whole := lostText(t)
	row := b.values.len()
	switch {
	case whole:
		b.written.texts.add(writtenCell{row: row, text: string(t)})
	case zeros > 0:
		b.written.zeros.padTo(row)
		b.written.zeros.add(uint8(zeros))
	}
}

// at returns the i-th value of c, whose blocks all hold chunkLen values.
func (c *chunks[T]) at(i int) T {
	if b := i / chunkLen; b < len(c.full) {
		return c.full[b][i%chunkLen]
	}
	return c.cur[i-len(c.full)*chunkLen]
}

// padTo appends zeros until c holds n values.
func (c *chunks[T]) padTo(n int) {
	var zero T
	for c.len() < n {
		c.add(zero)
	}
}

// joinWritten appends the written cells of parts, each part's rows
// following the rows of the parts before it; rows gives each part's
// number of cells, all[0] being b itself.
func (b *columnBuilder) joinWritten(all []*columnBuilder, rows []int) {
	offset := rows[0]
	for i, part := range all[1:] {
		if part.written.zeros.len() > 0 {
			b.written.zeros.padTo(offset)
			for _, z := range part.written.zeros.take() {
				b.written.zeros.add(z)
			}
		}
		for _, w := range part.written.texts.take() {
			w.row += offset
			b.written.texts.add(w)
		}
		offset += rows[i+1]
	}
}

// padZeros writes zeros leading zeros into id, a whole number written by
// strconv.FormatFloat, after its sign.
func padZeros(id string, zeros int) string {
	sign := ""
	if strings.HasPrefix(id, "-") {
		sign, id = "-", id[1:]
	}
	return sign + strings.Repeat("0", zeros) + id
}
