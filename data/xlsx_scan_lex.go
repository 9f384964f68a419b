package data

import (
	"bytes"
	"unicode/utf8"
)

// The lexical checks of the fast sheet scanner (xlsx_scan.go): names,
// character data, entities and the <?xml?> declaration, each accepting
// only what encoding/xml reads the same way.

// tagQuote carries a tag's quote state over b, the next piece of the tag
// read: q is the quote open before b (0 for none), the result the quote
// open after it. A tag read in pieces (each up to a '>') is so scanned
// once, not again from its start after each '>'.
func tagQuote(q byte, b []byte) byte {
	for _, c := range b {
		switch {
		case q == 0 && (c == '"' || c == '\''):
			q = c
		case c == q:
			q = 0
		}
	}
	return q
}

// tagEnd says whether a tag read up to a '>' (b, with q the quote open
// after it, from tagQuote) ends there: an <?xml?> declaration ends at
// "?>", another tag at a '>' outside quotes.
func tagEnd(b []byte, q byte) bool {
	if len(b) > 0 && b[0] == '?' {
		return len(b) >= 3 && b[len(b)-2] == '?'
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
