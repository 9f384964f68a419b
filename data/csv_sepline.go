package data

import (
	"bufio"
	"bytes"
	"strings"
)

// sepPrefix starts Excel's delimiter line: "sep=;" as the file's first
// line names the delimiter of the lines below it (Excel writes and reads
// it; tools exporting "for Excel" write it).
const sepPrefix = "sep="

// excelSepLine reports whether br starts with Excel's delimiter line
// (sepLineDelim), and the delimiter it names. br is only peeked at.
func excelSepLine(br *bufio.Reader) (byte, bool) {
	head, _ := br.Peek(64)
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	} else if len(head) == 64 {
		return 0, false
	}
	return sepLineDelim(bytes.TrimSuffix(head, []byte("\r")))
}

// sepLineDelim reports whether line is Excel's delimiter line, "sep=" and
// one of , ; | or a tab (also written as the two characters \t), perhaps
// repeated (a spreadsheet's empty cells after it), and nothing else: the
// delimiter it names.
func sepLineDelim(line []byte) (byte, bool) {
	if len(line) < len(sepPrefix)+1 || !strings.EqualFold(string(line[:len(sepPrefix)]), sepPrefix) {
		return 0, false
	}
	rest := line[len(sepPrefix):]
	if bytes.HasPrefix(rest, []byte(`\t`)) {
		rest = append([]byte{'\t'}, rest[2:]...)
	}
	d := rest[0]
	if bytes.IndexByte([]byte(",;\t|"), d) < 0 || len(bytes.Trim(rest, string(d))) > 0 {
		return 0, false
	}
	return d, true
}

// skipSepLine reads past Excel's delimiter line, if br starts with one,
// keeping it (as written) as the first of rr.titles, so that the load
// notes say so (titlesNote); errors and line numbers still count it, the
// file's first line. rr must read br with the delimiter it names
// (excelSepLine).
func skipSepLine(rr *recordReader, br *bufio.Reader) error {
	if _, ok := excelSepLine(br); !ok {
		return nil
	}
	head, _ := br.Peek(64)
	head = head[:bytes.IndexByte(head, '\n')]
	if err := rr.read(); err != nil {
		return err
	}
	rr.titles = append(rr.titles, string(bytes.TrimSuffix(head, []byte("\r"))))
	return nil
}

// delimiterNames names the delimiters in a load note.
var delimiterNames = map[byte]string{',': "commas", ';': "semicolons", '\t': "tabs", '|': "pipes (|)"}

// sepLineNote is the load note on Excel's delimiter line: `the first
// line, "sep=;", names the delimiter (Excel's convention): the file was
// read as separated by semicolons, and the line left out`; "" when line is
// no such line.
func sepLineNote(line string) string {
	d, ok := sepLineDelim([]byte(line))
	if !ok {
		return ""
	}
	return "the first line, " + quoted([]string{line})[0] + ", names the delimiter (Excel's convention): the file was read as separated by " +
		delimiterNames[d] + ", and the line left out"
}
