package data

import (
	"bufio"
	"bytes"
	"errors"
	"strconv"
)

// maxTitleLines bounds the lines above a CSV header read as a report's
// titles (a shop's export: "Orders report", "Exported 2023-05-01", then
// the header), as Excel sheets' title rows are (xlsx_titles).
const maxTitleLines = 3

// minHeaderCells is the least number of filled cells of a header below
// title lines: with fewer, a one-cell first line is as likely a one-column
// table's header as a title.
const minHeaderCells = 3

// csvTitles looks at the start of br, read with delimiter delim, for title
// lines above the header: up to maxTitleLines records of one filled cell
// each (a cell that looks like a title, with a space or a letter beyond
// ASCII, when the record has other, empty fields: a spreadsheet's padding,
// as "user,,," could be a header naming one column), blank records
// anywhere before the header, then a record of minHeaderCells filled cells
// or more, none a number (a header, not a row of data), followed by a
// record of as many fields, if any. It returns how many records come
// before that header and the titles' text; 0 and nil when the first record
// is the header. br is only peeked at.
func csvTitles(br *bufio.Reader, delim byte) (int, []string) {
	sample, _ := br.Peek(readBufferSize)
	if len(sample) == readBufferSize {
		// The last line may be cut short: leave it out.
		if i := bytes.LastIndexByte(sample, '\n'); i >= 0 {
			sample = sample[:i+1]
		}
	}
	rr := &recordReader{mem: sample, delim: delim, next: 1}
	var titles []string
	for records := 0; records <= 2*maxTitleLines+2; records++ {
		if rr.read() != nil {
			return 0, nil
		}
		filled, text := 0, ""
		for j := range rr.fields() {
			if cell := trimSpace(rr.field(j)); len(cell) > 0 {
				filled++
				text = string(cell)
			}
		}
		switch {
		case filled == 0:
			// A blank record (a spreadsheet's empty row) before the header.
		case filled == 1 && len(titles) < maxTitleLines && (rr.fields() == 1 || titleLike(text)):
			titles = append(titles, text)
		case filled >= minHeaderCells && records > 0 && !anyNumber(rr):
			width := rr.fields()
			if rr.read() == nil && rr.fields() != width {
				return 0, nil
			}
			return records, titles
		default:
			return 0, nil
		}
	}
	return 0, nil
}

// titleLike reports whether a lone cell reads as a title rather than a
// column name: it holds a space or a character beyond ASCII.
func titleLike(cell string) bool {
	for _, r := range cell {
		if r == ' ' || r > 0x7f {
			return true
		}
	}
	return false
}

// anyNumber reports whether a filled cell of the current record is a
// number.
func anyNumber(rr *recordReader) bool {
	for j := range rr.fields() {
		if cell := trimSpace(rr.field(j)); len(cell) > 0 {
			if _, err := strconv.ParseFloat(string(cell), 64); err == nil {
				return true
			}
		}
	}
	return false
}

// skipTitles reads past the title records csvTitles found, keeping their
// text in rr.titles, so that rr's next record is the header; errors and
// line numbers still count every physical line of the file.
func skipTitles(rr *recordReader, br *bufio.Reader) error {
	n, titles := csvTitles(br, rr.delim)
	for range n {
		if err := rr.read(); err != nil {
			return err
		}
	}
	rr.titles = append(rr.titles, titles...)
	return nil
}

// titlesNote is the load note on lines read as titles: `the line above
// the header, "Orders", was read as a title and left out`.
func titlesNote(titles []string) string {
	if len(titles) > 0 {
		if note := sepLineNote(titles[0]); note != "" {
			if rest := titlesNote(titles[1:]); rest != "" {
				return note + "; " + rest
			}
			return note
		}
	}
	switch len(titles) {
	case 0:
		return ""
	case 1:
		return "the line above the header, " + wordList(quoted(titles)) + ", was read as a title and left out"
	}
	return "the lines above the header, " + wordList(quoted(titles)) + ", were read as titles and left out"
}

// atHeader moves a refusal about the header, which names line 1, to the
// header's own line when title lines put it lower.
func atHeader(err error, line int) error {
	var pe *ParseError
	if line > 1 && errors.As(err, &pe) && pe.Line == 1 {
		pe.Line = line
	}
	return err
}

// spaceTable reports whether the first lines of sample read as columns
// separated by spaces: the first three lines with text split into the same
// number of words, two or more (a whitespace log whose cells may hold
// commas, not a CSV file under a title).
func spaceTable(sample []byte) bool {
	want, seen := 0, 0
	for _, l := range bytes.Split(sample, []byte{'\n'}) {
		n := len(bytes.Fields(l))
		if n == 0 {
			continue
		}
		if seen == 0 {
			want = n
		}
		if n != want || n < 2 {
			return false
		}
		if seen++; seen == 3 {
			return true
		}
	}
	return false
}
