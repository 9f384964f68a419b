package data

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// writeCSVField writes a field, quoted when it holds a quote, a line end
// or any delimiter the CSV reader might sniff, and returns the line ends
// it holds (each starts a CSV line).
func writeCSVField(buf *chunkText, v string) int {
	if !strings.ContainsAny(v, "\",;\t|\r\n") {
		buf.writeString(v)
		return 0
	}
	buf.writeByte('"')
	buf.writeString(strings.ReplaceAll(v, `"`, `""`))
	buf.writeByte('"')
	return strings.Count(v, "\n") + strings.Count(strings.ReplaceAll(v, "\r\n", "\n"), "\r")
}

// rowAt returns the sheet and the row of a line of the converted text.
func (wb *workbookText) rowAt(line int) (sheet string, row int, ok bool) {
	var m *lineMark
	for i := range wb.marks {
		if wb.marks[i].line <= line {
			m = &wb.marks[i]
		}
	}
	if m == nil {
		return "", 0, false
	}
	return m.sheet, m.row + line - m.line, true
}

// relocateNote rewrites the "at line N" that ends a note's example (the
// order of dates with the year last) as `at row N of sheet "S"`.
func (wb *workbookText) relocateNote(s string) string {
	const at = " at line "
	i := strings.LastIndex(s, at)
	if i < 0 {
		return s
	}
	num := s[i+len(at):]
	n, err := strconv.Atoi(strings.ReplaceAll(num, ",", ""))
	if err != nil {
		return s
	}
	sheet, row, ok := wb.rowAt(n)
	if !ok {
		return s
	}
	return fmt.Sprintf("%s at row %s of sheet %q", s[:i], Thousands(row), sheet)
}

// grows without copying what it holds (a bytes.Buffer would copy it and
// hold up to twice its size), and is read as an io.Reader, an io.ReaderAt
// and with its Size.
type chunkText struct {
	chunks [][]byte
	size   int64
	off    int64 // where Read reads next
}

const textChunk = 4 << 20

func (c *chunkText) writeString(s string) {
	for len(s) > 0 {
		n := len(c.chunks)
		if n == 0 || len(c.chunks[n-1]) == textChunk {
			c.chunks = append(c.chunks, make([]byte, 0, textChunk))
			n++
		}
		last := c.chunks[n-1]
		k := min(len(s), textChunk-len(last))
		c.chunks[n-1] = append(last, s[:k]...)
		s = s[k:]
		c.size += int64(k)
	}
}

func (c *chunkText) writeByte(b byte) {
	n := len(c.chunks)
	if n == 0 || len(c.chunks[n-1]) == textChunk {
		c.chunks = append(c.chunks, make([]byte, 0, textChunk))
		n++
	}
	c.chunks[n-1] = append(c.chunks[n-1], b)
	c.size++
}

// truncate drops the text past its first n bytes.
func (c *chunkText) truncate(n int64) {
	k := int((n + textChunk - 1) / textChunk)
	c.chunks = c.chunks[:k]
	if k > 0 {
		c.chunks[k-1] = c.chunks[k-1][:n-int64(k-1)*textChunk]
	}
	c.size = n
}

// Len is the size of the text, as an int.
func (c *chunkText) Len() int { return int(c.size) }

// Size is the size of the text (sizeOf reads it).
func (c *chunkText) Size() int64 { return c.size }

func (c *chunkText) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, errors.New("negative offset")
	}
	n := 0
	for n < len(p) && off < c.size {
		chunk := c.chunks[off/textChunk]
		k := copy(p[n:], chunk[off%textChunk:])
		n += k
		off += int64(k)
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

func (c *chunkText) Read(p []byte) (int, error) {
	if c.off >= c.size {
		return 0, io.EOF
	}
	n, _ := c.ReadAt(p, c.off)
	c.off += int64(n)
	return n, nil
}
