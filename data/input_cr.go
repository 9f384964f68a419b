package data

import (
	"bufio"
	"bytes"
	"io"
)

// crOnlyLines reports whether the text at the start of head ends its
// lines in a carriage return alone, as classic Mac OS and Excel for Mac's
// "CSV (Macintosh)" write them: the first line end outside quotes is a CR
// that no LF follows. Quotes are followed as crLines follows them, with
// the delimiter newCRLines would pick: a quote opens a field only at its
// start, a doubled quote inside one is a quote, and a CR or LF inside one
// is data. A CR last in head, its next byte unseen, is taken for one only
// when head is the whole input (atEOF). LF and CRLF files, and one whose
// only line has no end, answer false.
func crOnlyLines(head []byte, atEOF bool) bool {
	if bytes.IndexByte(head, '\r') < 0 {
		return false // the common case: no CR to read, no delimiter to sniff
	}
	c := crLines{delim: sniffDelimiter(bytes.ReplaceAll(head, []byte{'\r'}, []byte{'\n'})), fieldStart: true}
	for i, b := range head {
		inQuotes := c.quoted && !c.pending // a quote just read may close the field
		c.next(b)
		switch {
		case inQuotes || b != '\r' && b != '\n':
		case b == '\n':
			return false
		case i+1 < len(head):
			return head[i+1] != '\n'
		default:
			return atEOF
		}
	}
	return false
}

// crLines reads text whose lines end in CR alone as text whose lines end
// in LF, so that the record readers count and split its lines as any
// other's. A CR inside a quoted field is data and stays a CR; a CRLF (a
// file that mixes the two) reads as one LF. Which fields are quoted is
// followed as recordReader follows it: a quote opens a field only at its
// start, after delim or a line end.
type crLines struct {
	src   io.Reader
	delim byte
	// fieldStart: the next byte starts a field; quoted: inside a quoted
	// field; pending: a quote was just seen inside one; lastCR: the last
	// byte read was a CR turned into LF, so an LF now is its CRLF's.
	fieldStart, quoted, pending, lastCR bool
}

// newCRLines returns a buffered reader of br's text with its CR-only line
// ends read as LF, the delimiter sniffed from its first lines.
func newCRLines(br *bufio.Reader) *bufio.Reader {
	head, _ := br.Peek(readBufferSize)
	delim := sniffDelimiter(bytes.ReplaceAll(head, []byte{'\r'}, []byte{'\n'}))
	return bufio.NewReaderSize(&crLines{src: br, delim: delim, fieldStart: true}, readBufferSize)
}

// Read reads from src and rewrites the line ends of what it read in place.
func (c *crLines) Read(p []byte) (int, error) {
	for {
		n, err := c.src.Read(p)
		out := 0
		for _, b := range p[:n] {
			if b, keep := c.next(b); keep {
				p[out] = b
				out++
			}
		}
		// A read that held only the LF of a CRLF returns nothing: read
		// again rather than answer 0 bytes without an error.
		if out > 0 || err != nil || n == 0 {
			return out, err
		}
	}
}

// next returns the byte b reads as, and false for the LF of a CRLF,
// which is dropped.
func (c *crLines) next(b byte) (byte, bool) {
	wasCR := c.lastCR
	c.lastCR = false
	if c.quoted {
		switch {
		case c.pending && b == '"':
			c.pending = false
			return b, true
		case c.pending:
			c.quoted, c.pending = false, false // closed; b follows the field
		case b == '"':
			c.pending = true
			return b, true
		default:
			return b, true
		}
	}
	switch b {
	case '\r':
		c.fieldStart, c.lastCR = true, true
		return '\n', true
	case '\n':
		c.fieldStart = true
		if wasCR {
			return 0, false
		}
		return b, true
	case c.delim:
		c.fieldStart = true
		return b, true
	case '"':
		if c.fieldStart {
			c.quoted = true
		}
	}
	c.fieldStart = false
	return b, true
}
