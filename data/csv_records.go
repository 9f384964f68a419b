package data

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// recordReader splits CSV input into records without allocating per field:
// field i of the current record is cur[starts[i]:ends[i]], where cur is the
// input line itself when it has no quotes (the common case, no copy) and
// otherwise buf, holding the unquoted field contents back to back. It accepts
// RFC 4180 quoting (doubled quotes, delimiters and newlines inside quotes),
// LF or CRLF line ends, and skips blank lines. A quote inside an unquoted
// field is kept literally, as most spreadsheet exports expect.
type recordReader struct {
	br    *bufio.Reader
	file  string
	delim byte
	// unnamed lists the 0-based fields whose header cell was blank (named
	// column_N after their 1-based number).
	unnamed []int
	// renamed lists the header names renamed for repeating an earlier
	// one (renameDuplicates).
	renamed []RenamedColumn
	// line is the physical line on which the current record starts.
	line int
	// next is the physical line the next read will start on.
	next   int
	cur    []byte
	buf    []byte
	starts []int
	ends   []int
	long   []byte // accumulates a line longer than the bufio buffer
	// open describes the quoted field readQuoted is reading across lines
	// (col 0 when none), so that readLine can bound its size.
	open openField
	// mem, when br is nil, is the in-memory block lines are taken from.
	mem []byte
	// titles holds the title lines read above the header (skipTitles).
	titles []string
}

const readBufferSize = 1 << 16

func newRecordReader(br *bufio.Reader, file string, delim byte) *recordReader {
	return &recordReader{br: br, file: file, delim: delim, next: 1}
}

// readLine returns the next physical line without its line end. The slice is
// valid until the following call. It returns io.EOF only when nothing is left.
func (r *recordReader) readLine() ([]byte, error) {
	if r.br == nil {
		return r.memLine()
	}
	line, err := r.br.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		// A long line: follow its fields so that an oversized cell is
		// refused before it is all in memory.
		scan := newFieldScan(r.delim)
		if r.open.col > 0 {
			scan.col, scan.quoted, scan.started, scan.size = r.open.col, true, true, r.open.size
		}
		r.long = append(r.long[:0], line...)
		over := scan.feed(line)
		for errors.Is(err, bufio.ErrBufferFull) && !over {
			line, err = r.br.ReadSlice('\n')
			r.long = append(r.long, line...)
			over = scan.feed(line)
		}
		if over {
			return nil, r.oversized(scan)
		}
		line = r.long
	}
	if err != nil && err != io.EOF {
		return nil, gzipErrorAt(r.file, r.next, err)
	}
	if len(line) == 0 && err == io.EOF {
		return nil, io.EOF
	}
	r.next++
	if n := len(line); n > 0 && line[n-1] == '\n' {
		line = line[:n-1]
	}
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, nil
}

// memLine is readLine for an in-memory block; lines alias the block.
func (r *recordReader) memLine() ([]byte, error) {
	if len(r.mem) == 0 {
		return nil, io.EOF
	}
	line := r.mem
	if i := bytes.IndexByte(r.mem, '\n'); i >= 0 {
		line, r.mem = r.mem[:i], r.mem[i+1:]
	} else {
		r.mem = nil
	}
	r.next++
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, nil
}

// fields returns the number of fields in the current record.
func (r *recordReader) fields() int { return len(r.ends) }

// field returns the unquoted bytes of field i of the current record; the
// slice is valid until the next call to read.
func (r *recordReader) field(i int) []byte { return r.cur[r.starts[i]:r.ends[i]] }

// read loads the next non-blank record. It returns io.EOF at the end of the
// input and a *ParseError for malformed quoting.
func (r *recordReader) read() error {
	r.starts = r.starts[:0]
	r.ends = r.ends[:0]
	var line []byte
	var err error
	for {
		r.line = r.next
		line, err = r.readLine()
		if err != nil {
			return err
		}
		if len(line) > 0 {
			break
		}
	}
	if bytes.IndexByte(line, '"') < 0 {
		r.cur = line
		for pos := 0; ; {
			r.starts = append(r.starts, pos)
			i := bytes.IndexByte(line[pos:], r.delim)
			if i < 0 {
				r.ends = append(r.ends, len(line))
				return r.checkText()
			}
			r.ends = append(r.ends, pos+i)
			pos += i + 1
		}
	}
	r.buf = r.buf[:0]
	err = r.readUnquoting(line)
	r.cur = r.buf
	for i := range r.ends {
		start := 0
		if i > 0 {
			start = r.ends[i-1]
		}
		r.starts = append(r.starts, start)
	}
	if err != nil {
		return err
	}
	return r.checkText()
}

// readUnquoting splits a record that contains quotes, copying the unquoted
// contents of its fields into buf and their end offsets into ends.
func (r *recordReader) readUnquoting(line []byte) error {
	var err error
	pos := 0
	for {
		if pos < len(line) && line[pos] == '"' {
			line, pos, err = r.readQuoted(line, pos+1)
			if err != nil {
				return err
			}
			r.ends = append(r.ends, len(r.buf))
			if pos == len(line) {
				return nil
			}
			if line[pos] != r.delim {
				return quoting(parseErr(r.file, r.next-1, len(r.ends), ErrSyntax,
					fmt.Sprintf("unexpected %q after the closing quote of a field", line[pos])), Quoting{After: line[pos]})
			}
			pos++
			if pos == len(line) { // a trailing delimiter opens one more, empty field
				r.ends = append(r.ends, len(r.buf))
				return nil
			}
			continue
		}
		i := bytes.IndexByte(line[pos:], r.delim)
		if i < 0 {
			r.buf = append(r.buf, line[pos:]...)
			r.ends = append(r.ends, len(r.buf))
			return nil
		}
		r.buf = append(r.buf, line[pos:pos+i]...)
		r.ends = append(r.ends, len(r.buf))
		pos += i + 1
		if pos == len(line) {
			r.ends = append(r.ends, len(r.buf))
			return nil
		}
	}
}

// readQuoted copies a quoted field starting after its opening quote into buf,
// reading further lines while the quote stays open. It returns the line and
// position just after the closing quote.
func (r *recordReader) readQuoted(line []byte, pos int) ([]byte, int, error) {
	startLine, field, fieldStart := r.next-1, len(r.ends)+1, len(r.buf)
	defer func() { r.open = openField{} }()
	for {
		i := bytes.IndexByte(line[pos:], '"')
		if i < 0 {
			r.buf = append(r.buf, line[pos:]...)
			r.buf = append(r.buf, '\n')
			size := len(r.buf) - fieldStart
			if size > MaxCellBytes {
				if r.br != nil {
					size += fieldRest(r.br, r.delim, true, false)
				}
				return nil, 0, tooLong(r.file, startLine, field, size)
			}
			r.open = openField{line: startLine, col: field, size: size}
			var err error
			line, err = r.readLine()
			if err == io.EOF {
				return nil, 0, quoting(parseErr(r.file, startLine, field, ErrSyntax, "quoted field is never closed"), Quoting{Unclosed: true})
			}
			if err != nil {
				return nil, 0, err
			}
			pos = 0
			continue
		}
		r.buf = append(r.buf, line[pos:pos+i]...)
		pos += i + 1
		if pos < len(line) && line[pos] == '"' {
			r.buf = append(r.buf, '"')
			pos++
			continue
		}
		return line, pos, nil
	}
}

// sniffDelimiter picks comma, semicolon, tab or pipe from the first lines of the
// input: the candidate that appears (outside quotes) the same positive number
// of times on every sampled line wins, and among those the most frequent.
// Comma is the default when nothing is conclusive. Up to maxTitleLines
// first lines with none of the candidates (a report's title lines above
// its header) are not counted.
func sniffDelimiter(sample []byte) byte {
	lines := bytes.Split(sample, []byte{'\n'})
	if len(lines) > 1 && !bytes.HasSuffix(sample, []byte{'\n'}) {
		lines = lines[:len(lines)-1] // the last line may be cut short
	}
	lines = withoutTitleLines(lines)
	if len(lines) > 20 {
		lines = lines[:20]
	}
	best, bestScore := byte(','), 0
	for _, d := range []byte{',', ';', '\t', '|'} {
		count, consistent := -1, true
		for _, l := range lines {
			if len(bytes.TrimSpace(l)) == 0 {
				continue
			}
			n := countOutsideQuotes(l, d)
			if count < 0 {
				count = n
			} else if n != count {
				consistent = false
			}
		}
		score := count
		if !consistent {
			score = count / 4 // still usable when quoted newlines break the line sample
		}
		if count > 0 && score > bestScore {
			best, bestScore = d, score
		}
	}
	return best
}

func countOutsideQuotes(line []byte, d byte) int {
	n, quoted := 0, false
	for _, c := range line {
		switch {
		case c == '"':
			quoted = !quoted
		case c == d && !quoted:
			n++
		}
	}
	return n
}

// withoutTitleLines drops the first lines (blank ones among them) that hold
// none of the delimiter candidates, up to maxTitleLines of them, when a
// line with one follows.
func withoutTitleLines(lines [][]byte) [][]byte {
	titles := 0
	for i, l := range lines {
		switch {
		case len(bytes.TrimSpace(l)) == 0:
		case bytes.ContainsAny(l, ",;\t|"):
			return lines[i:]
		case titles == maxTitleLines:
			return lines
		default:
			titles++
		}
	}
	return lines
}
