package data

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"unicode/utf8"
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
	if err != nil || !tagComplete(chunk) {
		x.tag = append(x.tag[:0], chunk...)
		for err == bufio.ErrBufferFull || err == nil && !tagComplete(x.tag) {
			if len(x.tag) > maxScanTag {
				return errSlowPath
			}
			chunk, err = x.br.ReadSlice('>')
			x.tag = append(x.tag, chunk...)
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

// tagComplete says whether a tag read up to a '>' ends there: an <?xml?>
// declaration ends at "?>", another tag at a '>' outside quotes.
func tagComplete(b []byte) bool {
	if len(b) > 0 && b[0] == '?' {
		return len(b) >= 3 && b[len(b)-2] == '?'
	}
	var q byte
	for _, c := range b {
		switch {
		case q == 0 && (c == '"' || c == '\''):
			q = c
		case c == q:
			q = 0
		}
	}
	return q == 0
}

// xmlDecl accepts an <?xml?> declaration (t from the '?' to the "?" before
// '>') that encoding/xml accepts without a CharsetReader: version 1.0 or
// none, encoding UTF-8 or none.
func xmlDecl(t []byte) bool {
	if len(t) < 5 || string(t[1:4]) != "xml" || !isXMLSpace(t[4]) || t[len(t)-1] != '?' {
		return false
	}
	content := string(t[5 : len(t)-1])
	ver := declParam("version", content)
	enc := declParam("encoding", content)
	return (ver == "" || ver == "1.0") && (enc == "" || bytes.EqualFold([]byte(enc), []byte("utf-8")))
}

// declParam finds param="value" in a declaration as encoding/xml does.
func declParam(param, s string) string {
	param += "="
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := indexString(sub, param)
		if k < 0 || len(param)+k >= len(sub) {
			return ""
		}
		i += len(param) + k + 1
		if c := sub[len(param)+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := bytes.IndexByte([]byte(s[i:]), sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}

func indexString(s, sub string) int {
	return bytes.Index([]byte(s), []byte(sub))
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

func isXMLSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func allSpace(b []byte) bool {
	for _, c := range b {
		if !isXMLSpace(c) {
			return false
		}
	}
	return true
}

func isNameStart(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' }

func isNameRest(c byte) bool {
	return isNameStart(c) || '0' <= c && c <= '9' || c == '.' || c == '-'
}

// elemName returns the length of the element name b starts with: 0 when
// it is not one the scanner reads (a prefix, a byte past ASCII, none).
func elemName(b []byte) int {
	if len(b) == 0 || !isNameStart(b[0]) {
		return 0
	}
	n := 1
	for n < len(b) && isNameRest(b[n]) {
		n++
	}
	if n < len(b) && (b[n] == ':' || b[n] >= utf8.RuneSelf) {
		return 0
	}
	return n
}

// attrName returns the length of the attribute name b starts with: a name
// or prefix:name of ASCII, 0 for anything else.
func attrName(b []byte) int {
	n := elemName(b)
	if n == 0 {
		if len(b) == 0 || !isNameStart(b[0]) {
			return 0
		}
		// a prefix
		n = 1
		for n < len(b) && isNameRest(b[n]) {
			n++
		}
		if n == len(b) || b[n] != ':' {
			return 0
		}
		m := elemName(b[n+1:])
		if m == 0 {
			return 0
		}
		return n + 1 + m
	}
	return n
}

// unescapeXML checks character data or an attribute value as encoding/xml
// reads it (Strict, without a CharsetReader) and, when keep, appends its
// text to dst. It reports false for whatever it does not read as
// encoding/xml would (a carriage return, which encoding/xml rewrites;
// "]]>" in text; an unknown entity; a character outside XML's range).
func unescapeXML(dst, b []byte, attr, keep bool) ([]byte, bool) {
	start := 0
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c >= 0x20 && c < utf8.RuneSelf && c != '&' && c != '<' && c != '>':
			i++
			continue
		case c == '\t' || c == '\n':
			i++
			continue
		case c == '>':
			if !attr && i >= 2 && b[i-1] == ']' && b[i-2] == ']' {
				return dst, false
			}
			i++
			continue
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n == 1 || !inXMLRange(r) {
				return dst, false
			}
			i += n
			continue
		case c != '&':
			return dst, false // a control character, '\r' or '<'
		}
		if keep {
			dst = append(dst, b[start:i]...)
		}
		r, n := xmlEntity(b[i:])
		if n == 0 {
			return dst, false
		}
		if keep {
			dst = utf8.AppendRune(dst, r)
		}
		i += n
		start = i
	}
	if keep {
		dst = append(dst, b[start:]...)
	}
	return dst, true
}

// xmlEntity reads the entity reference b starts with: its character and
// length, 0 when encoding/xml would refuse it.
func xmlEntity(b []byte) (rune, int) {
	end := bytes.IndexByte(b[:min(len(b), 12)], ';')
	if end < 2 {
		return 0, 0
	}
	name := b[1:end]
	switch string(name) {
	case "amp":
		return '&', end + 1
	case "lt":
		return '<', end + 1
	case "gt":
		return '>', end + 1
	case "quot":
		return '"', end + 1
	case "apos":
		return '\'', end + 1
	}
	if name[0] != '#' || len(name) < 2 {
		return 0, 0
	}
	digits, base := name[1:], rune(10)
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 {
		return 0, 0
	}
	var r rune
	for _, d := range digits {
		var v rune
		switch {
		case '0' <= d && d <= '9':
			v = rune(d - '0')
		case base == 16 && 'a' <= d && d <= 'f':
			v = rune(d-'a') + 10
		case base == 16 && 'A' <= d && d <= 'F':
			v = rune(d-'A') + 10
		default:
			return 0, 0
		}
		r = r*base + v
		if r > utf8.MaxRune {
			return 0, 0
		}
	}
	if !utf8.ValidRune(r) {
		r = utf8.RuneError // as string(rune(n)) does for a surrogate
	}
	if !inXMLRange(r) {
		return 0, 0
	}
	return r, end + 1
}

func inXMLRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
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
		if x.hasT {
			switch string(x.attrT) {
			case "s":
				x.typ = "s"
			case "n":
				x.typ = "n"
			case "str":
				x.typ = "str"
			case "inlineStr":
				x.typ = "inlineStr"
			case "b":
				x.typ = "b"
			case "e":
				x.typ = "e"
			case "d":
				x.typ = "d"
			case "":
			default:
				return errSlowPath
			}
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

// scanDigits reads a row number of up to 9 digits.
func scanDigits(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// scanCellRef is parseCellRef for the references it reads as parseCellRef
// does (letters then up to 9 digits); false for any other.
func scanCellRef(b []byte) (col, row int, ok bool) {
	i := 0
	for i < len(b) && b[i] >= 'A' && b[i] <= 'Z' {
		col = col*26 + int(b[i]-'A'+1)
		i++
		if col > 16384 {
			return 0, 0, false
		}
	}
	if i == 0 {
		return 0, 0, false
	}
	row, ok = scanDigits(b[i:])
	if !ok || row < 1 {
		return 0, 0, false
	}
	return col - 1, row, true
}
