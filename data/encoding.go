package data

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// checkUTF8 refuses a record that is not valid UTF-8, naming the field of
// its first invalid byte, the encoding its bytes most likely are and the
// iconv command that converts the file. A file in a legacy encoding (a
// GB18030/GBK or Latin-1 export) would otherwise be read as mojibake whose
// levels need not survive a round trip through a model file.
func (r *recordReader) checkUTF8() error {
	if utf8.Valid(r.cur) {
		return nil
	}
	for i := range r.ends {
		if f := r.field(i); !utf8.Valid(f) {
			return notUTF8(r.file, r.line, i+1, f, r.cur)
		}
	}
	return nil
}

// notUTF8 is the error for the cell f (of the record rec) on line and field
// col of file, which is not valid UTF-8.
func notUTF8(file string, line, col int, f, rec []byte) error {
	at := firstInvalid(f)
	enc, label := guessEncoding(rec)
	pe := parseErr(file, line, col, ErrNotText, fmt.Sprintf(
		"the cell %s is not UTF-8 (byte 0x%02X at its byte %d); its bytes read as %s; %s",
		quoteCut(f), f[at], at+1, enc, convertAdvice(file, label)))
	pe.Withheld = fmt.Sprintf("the cell is not UTF-8 (byte 0x%02X at its byte %d; %s); its bytes read as %s; %s",
		f[at], at+1, withheldValue, enc, convertAdvice(file, label))
	cmd, stream := convertCommand(file, label)
	pe.Facts = NotUTF8{Cell: quoteCut(f), Byte: f[at], At: at + 1, GB18030: label == "GB18030", Command: cmd, Stream: stream}
	return pe
}

// withheldValue is what a message that withholds a cell says in its
// place (ParseError.Withheld). A line is refused as not text before any of
// its cells is read as its column's kind, so whether the column holds
// numbers or text that names people is not known then.
const withheldValue = "its value withheld, as it may name someone"

// withheldValues is withheldValue for the cells of a column of text.
const withheldValues = "their values withheld, as they may name someone"

// firstInvalid returns the offset of the first byte of b that does not
// start a valid UTF-8 sequence.
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return 0
}

// guessEncoding tells from the non-ASCII bytes of rec whether it is more
// likely Chinese in GB18030 (GBK, GB2312) or Western European text in
// Latin-1 / Windows-1252. GB18030 writes a Chinese character as two bytes
// that are both 0xA1 or above in the common range (lead 0x81–0xFE, trail
// 0x40–0xFE); Latin-1 writes an accented letter as one byte, usually next
// to ASCII letters ("S\xe3o"). It returns the words for a message and the
// encoding's name for iconv.
func guessEncoding(rec []byte) (words, label string) {
	var pairs, hanzi, single int
	for i := 0; i < len(rec); i++ {
		c := rec[i]
		if c < 0x80 {
			continue
		}
		if r, n := utf8.DecodeRune(rec[i:]); r != utf8.RuneError || n > 1 {
			i += n - 1 // a valid UTF-8 character among the others
			continue
		}
		if c >= 0x81 && c <= 0xFE && i+1 < len(rec) {
			if t := rec[i+1]; t >= 0x40 && t <= 0xFE && t != 0x7F {
				pairs++
				if c >= 0xA1 && t >= 0xA1 {
					hanzi++
				}
				i++
				continue
			}
		}
		single++
	}
	if hanzi > 0 && 4*hanzi >= 3*pairs && single*4 <= pairs {
		return "GB18030 (GBK) Chinese text", "GB18030"
	}
	return "Latin-1 / Windows-1252 text", "WINDOWS-1252"
}

// convertAdvice says how to convert file from the encoding label to UTF-8,
// in the words the UTF-16 refusal uses.
func convertAdvice(file, label string) string {
	cmd, stream := convertCommand(file, label)
	if stream {
		return "convert it on the way in (" + cmd + ")"
	}
	return "convert it to UTF-8 first (" + cmd + ")"
}

// convertCommand is the command that converts file from the encoding
// label to UTF-8; stream says it converts a pipe on its way in.
func convertCommand(file, label string) (cmd string, stream bool) {
	if isStream(file) {
		return fmt.Sprintf("iconv -f %s -t UTF-8 FILE | retain …", label), true
	}
	if strings.HasSuffix(strings.ToLower(file), ".gz") {
		return fmt.Sprintf("gunzip -c %s | iconv -f %s -t UTF-8 > %s", file, label, plainName(file)), false
	}
	return fmt.Sprintf("iconv -f %s -t UTF-8 %s > %s", label, file, plainName(file)), false
}

// checkText refuses a record with a NUL byte (checkNUL) or bytes that are
// not UTF-8 (checkUTF8).
func (r *recordReader) checkText() error {
	if err := r.checkNUL(); err != nil {
		return err
	}
	return r.checkUTF8()
}

// checkSpaceUTF8 is checkUTF8 for a whitespace-separated log line.
func (s *spaceSource) checkUTF8() error {
	if utf8.Valid(s.buf) {
		return nil
	}
	for i := range s.fields() {
		if f := s.field(i); !utf8.Valid(f) {
			return notUTF8(s.rr.file, s.ln, i+1, f, s.buf)
		}
	}
	return nil
}
