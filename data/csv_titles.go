package data

import (
	"bufio"
	"bytes"
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
// lines above the header: one to maxTitleLines lines (blank ones besides)
// whose records have at most one filled cell, the first of them exactly
// one, then a record of minHeaderCells filled cells or more none of which
// is a number (a header, not a row of data). It returns how many records
// come before that header and the titles' text; 0 and nil when the first
// record is the header. br is only peeked at.
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
	for records := 0; records <= maxTitleLines+2; records++ {
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
		case filled == 1 && len(titles) < maxTitleLines:
			titles = append(titles, text)
		case filled == 0 && len(titles) > 0:
			// A blank record between titles and header.
		case filled >= minHeaderCells && len(titles) > 0 && !anyNumber(rr):
			return records, titles
		default:
			return 0, nil
		}
	}
	return 0, nil
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
	rr.titles = titles
	return nil
}

// titlesNote is the load note on lines read as titles: `the line above
// the header, "Orders", was read as a title and left out`.
func titlesNote(titles []string) string {
	switch len(titles) {
	case 0:
		return ""
	case 1:
		return "the line above the header, " + wordList(quoted(titles)) + ", was read as a title and left out"
	}
	return "the lines above the header, " + wordList(quoted(titles)) + ", were read as titles and left out"
}
