package data

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"slices"
)

// The fast path for a worksheet: a scanner of the XML a spreadsheet writer
// emits, over the part's bytes as they stream through a bufio.Reader, that
// drives the same state machine as sheetReader.run (the same rows, the
// same cells, the same value) without encoding/xml's tokens, names and
// attribute strings. It understands a strict subset of XML: elements and
// attributes of ASCII names, no namespace prefix on elements, the five
// predefined entities and character references, an <?xml?> declaration.
// On anything else (a prefix such as <x:c>, CDATA, a comment, a DOCTYPE,
// an unknown element inside a cell, a carriage return, markup that is
// not well-formed) and on any error it returns errSlowPath or the error,
// and the sheet is read again from its start by encoding/xml (see
// workbook.rows), which gives the data or the error the reader always
// gave. Whatever it accepts, encoding/xml accepts and reads the same.

// cellTypes are the cell types (the t attribute) the scanner reads.
var cellTypes = []string{"s", "n", "str", "inlineStr", "b", "e", "d"}

// errSlowPath says the fast scanner left the sheet to encoding/xml.
var errSlowPath = errors.New("sheet XML left to encoding/xml")

// errScanDone ends a scan early without an error (</sheetData>, or each
// wanting no more rows).
var errScanDone = errors.New("scan done")

// maxScanTag bounds a tag the fast scanner holds; a longer one is left to
// encoding/xml.
const maxScanTag = 1 << 20

type sheetScan struct {
	s     *sheetReader
	br    *bufio.Reader
	each  func(row int, cells []string) (bool, error)
	tag   []byte // a tag split across the reader's buffer
	long  []byte // text split across the reader's buffer
	names []byte // the open elements' names, one after the other
	ends  []int  // where each open element's name ends in names
	// The r, s and t attributes of the start tag just read, decoded.
	attrR, attrS, attrT []byte
	hasR, hasS, hasT    bool
	styles              map[string]string
	// The row's cells: their text one after the other in arena (made one
	// string at the row's end), or a string held already.
	arena []byte
	vals  []scanVal

	row, col                   int
	typ, style                 string
	inRow, inV, inIS, inT      bool
	phonetic, cDepth, rPrDepth int
}

type scanVal struct {
	from, to int
	held     string
	isHeld   bool
}

// scan reads the sheet's rows from br with the fast scanner: nil when it
// read the sheet, errSlowPath or another error when the sheet must be read
// again by run.
func (s *sheetReader) scan(br *bufio.Reader, each func(row int, cells []string) (bool, error)) error {
	x := &sheetScan{s: s, br: br, each: each, styles: map[string]string{}, col: -1}
	for {
		chunk, err := br.ReadSlice('<')
		if err == bufio.ErrBufferFull {
			x.long = append(x.long[:0], chunk...)
			for err == bufio.ErrBufferFull {
				chunk, err = br.ReadSlice('<')
				x.long = append(x.long, chunk...)
			}
			chunk = x.long
		}
		if err == io.EOF {
			if !x.text(chunk) || len(x.ends) > 0 {
				return errSlowPath
			}
			return nil
		}
		if err != nil {
			return err
		}
		if !x.text(chunk[:len(chunk)-1]) {
			return errSlowPath
		}
		if err := x.markup(); err != nil {
			if err == errScanDone {
				return nil
			}
			return err
		}
	}
}

// text takes the character data between two tags: appended to the cell's
// text inside <v> or <t>, only checked elsewhere.
func (x *sheetScan) text(b []byte) bool {
	if len(b) == 0 {
		return true
	}
	if x.inV || x.inT {
		var ok bool
		x.s.text, ok = unescapeXML(x.s.text, b, false, true)
		return ok
	}
	_, ok := unescapeXML(nil, b, false, false)
	return ok
}

// markup reads the markup after a '<' up to its '>' and acts on it.
func (x *sheetScan) markup() error {
	chunk, err := x.br.ReadSlice('>')
	if len(chunk) > 0 && chunk[0] == '!' {
		return errSlowPath // a comment, CDATA or a DOCTYPE
	}
	t := chunk
	q := tagQuote(0, chunk)
	if err != nil || !tagEnd(chunk, q) {
		x.tag = append(x.tag[:0], chunk...)
		for err == bufio.ErrBufferFull || err == nil && !tagEnd(x.tag, q) {
			if len(x.tag) > maxScanTag {
				return errSlowPath
			}
			chunk, err = x.br.ReadSlice('>')
			x.tag = append(x.tag, chunk...)
			q = tagQuote(q, chunk) // the new bytes only: linear in the tag
		}
		if err != nil {
			return errSlowPath // the part ends inside a tag
		}
		t = x.tag
	}
	t = t[:len(t)-1]
	if len(t) == 0 {
		return errSlowPath
	}
	switch t[0] {
	case '/':
		n := elemName(t[1:])
		if n == 0 || !allSpace(t[1+n:]) {
			return errSlowPath
		}
		return x.end(t[1 : 1+n])
	case '?':
		if !xmlDecl(t) {
			return errSlowPath
		}
		return nil
	case '!':
		return errSlowPath // a comment, CDATA or a DOCTYPE
	}
	n := elemName(t)
	if n == 0 {
		return errSlowPath
	}
	selfClose, ok := x.attrs(t[n:])
	if !ok {
		return errSlowPath
	}
	name := t[:n]
	x.names = append(x.names, name...)
	x.ends = append(x.ends, len(x.names))
	if err := x.start(name); err != nil {
		return err
	}
	if selfClose {
		return x.end(name)
	}
	return nil
}

// attrs reads a start tag's attributes (b from after the name to before
// the '>'), keeping r, s and t decoded, and says whether the tag closes
// itself.
func (x *sheetScan) attrs(b []byte) (selfClose, ok bool) {
	x.hasR, x.hasS, x.hasT = false, false, false
	if len(b) > 0 && !isXMLSpace(b[0]) && b[0] != '/' {
		return false, false
	}
	i := 0
	for {
		for i < len(b) && isXMLSpace(b[i]) {
			i++
		}
		if i == len(b) {
			return false, true
		}
		if b[i] == '/' {
			return i == len(b)-1, i == len(b)-1
		}
		n := attrName(b[i:])
		if n == 0 {
			return false, false
		}
		name := b[i : i+n]
		i += n
		for i < len(b) && isXMLSpace(b[i]) {
			i++
		}
		if i == len(b) || b[i] != '=' {
			return false, false
		}
		i++
		for i < len(b) && isXMLSpace(b[i]) {
			i++
		}
		if i == len(b) || b[i] != '"' && b[i] != '\'' {
			return false, false
		}
		q := b[i]
		i++
		e := bytes.IndexByte(b[i:], q)
		if e < 0 {
			return false, false
		}
		v := b[i : i+e]
		i += e + 1
		var dst *[]byte
		switch {
		case len(name) != 1:
		case name[0] == 'r' && !x.hasR:
			dst, x.hasR = &x.attrR, true
		case name[0] == 's' && !x.hasS:
			dst, x.hasS = &x.attrS, true
		case name[0] == 't' && !x.hasT:
			dst, x.hasT = &x.attrT, true
		}
		if dst != nil {
			*dst, ok = unescapeXML((*dst)[:0], v, true, true)
		} else {
			_, ok = unescapeXML(nil, v, true, false)
		}
		if !ok {
			return false, false
		}
	}
}

// start acts on a start element as run does; the element is pushed.
func (x *sheetScan) start(name []byte) error {
	depth := len(x.ends)
	if x.cDepth > 0 {
		special := false
		switch string(name) {
		case "row", "c", "sheetData", "v", "is", "t", "rPh":
			special = true
		}
		switch {
		case x.rPrDepth > 0 && !special:
			// a run's font properties
		case string(name) == "rPr":
			if x.rPrDepth == 0 {
				x.rPrDepth = depth
			}
		case x.rPrDepth > 0:
			return errSlowPath
		default:
			switch string(name) {
			case "v", "f", "is", "r", "t", "rPh", "phoneticPr":
			default:
				return errSlowPath // an element a cell does not hold
			}
		}
	}
	s := x.s
	switch string(name) {
	case "row":
		if x.inRow {
			// A row inside a row: run gives the inner row's cells again at
			// the outer </row>; left to it rather than copied.
			return errSlowPath
		}
		n := x.row + 1
		if x.hasR {
			var ok bool
			if n, ok = scanDigits(x.attrR); !ok || n <= x.row || n > 1<<20 {
				return errSlowPath
			}
		}
		x.row, x.col, x.inRow = n, -1, true
		s.cells = s.cells[:0]
		x.arena, x.vals = x.arena[:0], x.vals[:0]
	case "c":
		if !x.inRow {
			return errSlowPath
		}
		if x.hasR {
			c, r, ok := scanCellRef(x.attrR)
			if !ok || r != x.row || c <= x.col {
				return errSlowPath
			}
			x.col = c
		} else {
			x.col++
		}
		if x.col >= 16384 {
			return errSlowPath
		}
		x.typ = ""
		if x.hasT && len(x.attrT) > 0 {
			// The type as one of the constant strings, without allocating.
			i := slices.IndexFunc(cellTypes, func(t string) bool { return string(x.attrT) == t })
			if i < 0 {
				return errSlowPath
			}
			x.typ = cellTypes[i]
		}
		x.style = ""
		if x.hasS {
			st, ok := x.styles[string(x.attrS)]
			if !ok {
				st = string(x.attrS)
				x.styles[st] = st
			}
			x.style = st
		}
		s.text = s.text[:0]
		x.cDepth = depth
	case "v":
		x.inV = true
	case "is":
		x.inIS = true
	case "t":
		x.inT = x.inIS && x.phonetic == 0
	case "rPh":
		x.phonetic++
	}
	return nil
}

// end checks that an end element closes the element open, acts on it as
// run does and pops it.
func (x *sheetScan) end(name []byte) error {
	n := len(x.ends)
	if n == 0 {
		return errSlowPath
	}
	from := 0
	if n > 1 {
		from = x.ends[n-2]
	}
	if !bytes.Equal(x.names[from:x.ends[n-1]], name) {
		return errSlowPath
	}
	x.names, x.ends = x.names[:from], x.ends[:n-1]
	if n == x.rPrDepth {
		x.rPrDepth = 0
	}
	if n == x.cDepth {
		x.cDepth = 0
	}
	s := x.s
	switch string(name) {
	case "v":
		x.inV = false
	case "is":
		x.inIS = false
	case "t":
		x.inT = false
	case "rPh":
		x.phonetic--
	case "c":
		from := len(x.arena)
		var v scanVal
		var err error
		x.arena, v.held, v.isHeld, err = s.appendValue(x.arena, x.typ, x.style, x.col, x.row)
		if err != nil {
			return err
		}
		v.from, v.to = from, len(x.arena)
		for len(x.vals) <= x.col {
			x.vals = append(x.vals, scanVal{})
		}
		x.vals[x.col] = v
	case "row":
		x.inRow = false
		text := string(x.arena)
		for _, v := range x.vals {
			if v.isHeld {
				s.cells = append(s.cells, v.held)
			} else {
				s.cells = append(s.cells, text[v.from:v.to])
			}
		}
		more, err := x.each(x.row, s.cells)
		if err != nil {
			return err
		}
		if !more {
			return errScanDone
		}
	case "sheetData":
		return errScanDone
	}
	return nil
}
