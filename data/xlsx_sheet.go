package data

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// maxTitleRows bounds the one-cell rows above a header read as titles.
const maxTitleRows = 3

// header returns the header of sheet i (nil for an empty sheet), trimmed
// of its trailing empty cells, and its row: the sheet's first row with a
// cell, unless that row and up to maxTitleRows-1 after it hold one cell
// each (a report's title, a date line) and the next row holds three or
// more. That row is the header then, and the one-cell rows above it are
// titles, whose text is returned (the conversion leaves them out).
func (wb *workbook) header(i int) (h []string, row int, titles []string, err error) {
	var first []string
	firstRow := 0
	err = wb.rows(i, func(r int, cells []string) (bool, error) {
		n := usedWidth(cells)
		if n == 0 {
			return true, nil
		}
		if first == nil {
			first, firstRow = append([]string(nil), cells[:n]...), r
		}
		filled := 0
		for _, c := range cells[:n] {
			if c != "" {
				filled++
			}
		}
		switch {
		case filled == 1 && len(titles) < maxTitleRows:
			titles = append(titles, cells[n-1]) // its one cell is its last
			return true, nil
		case filled >= 3 && len(titles) > 0:
			h, row = append([]string(nil), cells[:n]...), r
		}
		return false, nil
	}, func() { h, row, titles, first = nil, 0, nil, nil })
	if h == nil {
		h, row, titles = first, firstRow, nil
	}
	return h, row, titles, err
}

func usedWidth(cells []string) int {
	n := len(cells)
	for n > 0 && cells[n-1] == "" {
		n--
	}
	return n
}

// convertSheet writes sheet i as CSV lines to buf, starting at CSV line
// line, padding each row to width; a blank line stands for each absent or
// empty row so that lines follow rows. Unless dropHeader, the header row
// is written too. It returns the next CSV line.
func (wb *workbook) convertSheet(i int, dropHeader bool, cols []int, buf *chunkText, line int, marks *[]lineMark) (int, error) {
	sheet := wb.sheets[i].name
	seenHeader, marked, prev := false, false, 0
	line0, size0, marks0, used0 := line, buf.Size(), len(*marks), slices.Clone(wb.used)
	restart := func() {
		seenHeader, marked, prev = false, false, 0
		line, *marks, wb.used = line0, (*marks)[:marks0], used0
		buf.truncate(size0)
	}
	err := wb.rows(i, func(row int, cells []string) (bool, error) {
		n := usedWidth(cells)
		if n == 0 || row < wb.headerRow[i] { // a title above the header is left out
			return true, nil
		}
		if !seenHeader {
			seenHeader = true
			if dropHeader {
				prev = row
				return true, nil
			}
		}
		gap := row - prev - 1
		if !marked {
			// The sheet's first line: the rows above a later sheet's first
			// line are its header, not blank lines.
			marked = true
			if dropHeader {
				gap = 0
			}
			*marks = append(*marks, lineMark{line: line + gap, row: row, sheet: sheet})
		}
		for ; gap > 0; gap-- {
			buf.writeByte('\n')
			line++
		}
		for j, v := range cells[:n] {
			if v != "" {
				for len(wb.used) <= j {
					wb.used = append(wb.used, false)
				}
				wb.used[j] = true
			}
		}
		nl := 0
		for k, j := range cols {
			if k > 0 {
				buf.writeByte(',')
			}
			if j < n {
				nl += writeCSVField(buf, cells[j])
			}
		}
		buf.writeByte('\n')
		line += 1 + nl
		if limit := maxXlsxGrowth*wb.read + maxXlsxPadding; int64(buf.Len()) > limit {
			return false, wb.bad("the Excel workbook's sheets make more than %s bytes of text (their rows are padded to %s columns); is this a real workbook?",
				thousands64(limit), Thousands(len(cols)))
		}
		if nl > 0 {
			*marks = append(*marks, lineMark{line: line, row: row + 1, sheet: sheet})
		}
		prev = row
		return true, nil
	}, restart)
	return line, err
}

// rows streams the rows of sheet i, each as its cells by column (A = 0),
// to each, until it returns false. row is the 1-based row number. The
// fast scanner reads the sheet first; when it leaves the sheet to
// encoding/xml (or meets any error), restart undoes what each did with
// the rows it was given and the sheet is read again from its start by
// sheetReader.run, whose rows, cells and errors are the reader's.
func (wb *workbook) rows(i int, each func(row int, cells []string) (bool, error), restart func()) error {
	if xlsxScanHook != nil {
		xlsxScanHook(wb, i)
	}
	if xlsxScan != scanSlow {
		read := wb.read
		err := wb.readRows(i, true, each)
		if err == nil {
			wb.fastReads++
			return nil
		}
		if xlsxScan == scanFast {
			return err
		}
		wb.read = read
		if restart != nil {
			restart()
		}
	}
	wb.slowReads++
	return wb.readRows(i, false, each)
}

// Which path reads the sheets: scanAuto the fast scanner falling back to
// encoding/xml; the tests compare the two with scanSlow (encoding/xml
// only) and scanFast (no fallback: its error is returned as it is).
const (
	scanAuto = iota
	scanSlow
	scanFast
)

var xlsxScan = scanAuto

// xlsxScanHook, when set (by the tests), is called before each sheet read
// to compare the two paths' rows.
var xlsxScanHook func(wb *workbook, i int)

// readRows reads sheet i's rows with the fast scanner or with run.
func (wb *workbook) readRows(i int, fast bool, each func(row int, cells []string) (bool, error)) error {
	ref := wb.sheets[i]
	rc, err := wb.open(ref.part, maxXlsxSheets, fmt.Sprintf("sheet %q", ref.name))
	if err != nil {
		return err
	}
	defer rc.Close()
	lp := rc.(*limitedPart)
	lp.count, lp.left = &wb.read, maxXlsxSheets-wb.read
	br := bufio.NewReaderSize(lp, 256<<10)
	sr := &sheetReader{wb: wb, sheet: ref.name}
	if fast {
		return sr.scan(br, each)
	}
	sr.d = newXMLTokens(br)
	err = sr.run(each)
	if errors.Is(err, errPartLimit) {
		err = errSheetsLimit
	}
	if err != nil {
		return wb.partErr(ref.part, fmt.Sprintf("sheet %q (%s)", ref.name, ref.part), err)
	}
	return nil
}

// sheetReader streams one worksheet's cells.
type sheetReader struct {
	wb    *workbook
	sheet string
	d     *xmlTokens
	cells []string
	text  []byte // the <v> or the inline string being read
}

func (s *sheetReader) cellErr(col, row int, format string, args ...any) error {
	return &ParseError{File: s.wb.name, Err: ErrWorkbook, Msg: fmt.Sprintf(format, args...),
		Where: fmt.Sprintf("sheet %q, cell %s%d", s.sheet, columnName(col), row),
		At:    &Place{Sheet: s.sheet, Cell: columnName(col) + strconv.Itoa(row)}}
}

func (s *sheetReader) run(each func(row int, cells []string) (bool, error)) error {
	row, col := 0, -1
	var typ, style string
	inRow, inV, inIS, inT, phonetic := false, false, false, false, 0
	for {
		tok, err := s.d.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				r, ok := attr(t, "r")
				n, err := strconv.Atoi(r)
				switch {
				case !ok:
					n = row + 1
				case err != nil || n <= row || n > 1<<20:
					return parseErr(s.wb.name, 0, 0, ErrWorkbook, fmt.Sprintf(
						"corrupt Excel workbook: sheet %q: row number %q after row %d", s.sheet, r, row))
				}
				row, col, inRow = n, -1, true
				s.cells = s.cells[:0]
			case "c":
				if !inRow {
					continue
				}
				ref, ok := attr(t, "r")
				if ok {
					c, r, good := parseCellRef(ref)
					if !good || r != row || c <= col {
						return parseErr(s.wb.name, 0, 0, ErrWorkbook, fmt.Sprintf(
							"corrupt Excel workbook: sheet %q, row %d: cell reference %q out of place", s.sheet, row, ref))
					}
					col = c
				} else {
					col++
				}
				if col >= 16384 {
					return s.cellErr(col, row, "corrupt Excel workbook: a column past XFD")
				}
				typ, _ = attr(t, "t")
				style, _ = attr(t, "s")
				s.text = s.text[:0]
			case "v":
				inV = true
			case "is":
				inIS = true
			case "t":
				inT = inIS && phonetic == 0
			case "rPh":
				phonetic++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v":
				inV = false
			case "is":
				inIS = false
			case "t":
				inT = false
			case "rPh":
				phonetic--
			case "c":
				if !inRow {
					continue
				}
				v, err := s.value(typ, style, col, row)
				if err != nil {
					return err
				}
				for len(s.cells) <= col {
					s.cells = append(s.cells, "")
				}
				s.cells[col] = v
			case "row":
				inRow = false
				more, err := each(row, s.cells)
				if err != nil || !more {
					return err
				}
			case "sheetData":
				return nil
			}
		case xml.CharData:
			if inV || inT {
				s.text = append(s.text, t...)
			}
		}
	}
}

// value converts the cell just read to its CSV text.
func (s *sheetReader) value(typ, style string, col, row int) (string, error) {
	out, v, held, err := s.appendValue(nil, typ, style, col, row)
	if err != nil || held {
		return v, err
	}
	return string(out), nil
}

// appendValue is value appending the text to dst, or returning it as v
// (held) when the reader holds it already (a shared string), so that the
// fast scanner makes one string of a row's cells.
func (s *sheetReader) appendValue(dst []byte, typ, style string, col, row int) (out []byte, v string, held bool, err error) {
	text := s.text
	switch typ {
	case "s":
		if len(text) == 0 {
			return dst, "", false, nil
		}
		i, err := strconv.Atoi(string(text))
		if err != nil || i < 0 || i >= len(s.wb.strings) {
			return dst, "", false, s.cellErr(col, row, "corrupt Excel workbook: the cell names shared string %s, but the workbook has %s (numbered from 0)", text, Thousands(len(s.wb.strings)))
		}
		return dst, s.wb.strings[i], true, nil
	case "inlineStr", "str", "e", "d":
		return append(dst, text...), "", false, nil
	case "b":
		switch string(text) {
		case "1", "true":
			return append(dst, "TRUE"...), "", false, nil
		case "0", "false":
			return append(dst, "FALSE"...), "", false, nil
		case "":
			return dst, "", false, nil
		}
		return dst, "", false, s.cellErr(col, row, "boolean %q is neither 0 nor 1", text)
	case "", "n":
	default:
		return dst, "", false, s.cellErr(col, row, "corrupt Excel workbook: unknown cell type %q", typ)
	}
	if len(text) == 0 {
		return dst, "", false, nil
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(string(text)), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return dst, "", false, s.cellErr(col, row, "corrupt Excel workbook: number %q", text)
	}
	kind := styleNumber
	if style != "" {
		if i, err := strconv.Atoi(style); err == nil && i >= 0 && i < len(s.wb.styles) {
			kind = s.wb.styles[i]
		}
	}
	if kind != styleNumber {
		if d, ok := appendExcelDate(dst, f, s.wb.date1904, kind); ok {
			return d, "", false, nil
		}
	}
	return appendFloat(dst, f, 64), "", false, nil
}

// excelDate writes a date serial as ISO text: "2010-12-01" in a date
// format, "2010-12-01 08:26:00" in a date-and-time format or when a date
// format hides a time of day (rounded to the second), and in a time-only
// format the time elapsed, "08:26:00", or "25:30:00" for a duration past a
// day ([h]:mm:ss), never a date in 1900. In the 1900
// system serial 1 is 1900-01-01 and Excel counts a 1900-02-29 that never
// was (serial 60), so serials up to 60 are a day later than the formula
// for later ones gives; in the 1904 system serial 0 is 1904-01-01.
func excelDate(v float64, date1904 bool, kind cellStyle) (string, bool) {
	b, ok := appendExcelDate(nil, v, date1904, kind)
	return string(b), ok
}

// appendExcelDate is excelDate appending the text to dst.
func appendExcelDate(dst []byte, v float64, date1904 bool, kind cellStyle) ([]byte, bool) {
	last := 2958465.0 // 9999-12-31
	if date1904 {
		last -= 1462
	}
	if v < 0 || v >= last+1 {
		return dst, false
	}
	secs := int64(math.Round(v * 86400))
	days, sod := secs/86400, secs%86400
	if kind == styleTime {
		return fmt.Appendf(dst, "%02d:%02d:%02d", secs/3600, sod/60%60, sod%60), true
	}
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	switch {
	case date1904:
		epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	case days <= 60:
		epoch = epoch.AddDate(0, 0, 1)
	}
	t := epoch.AddDate(0, 0, int(days)).Add(time.Duration(sod) * time.Second)
	if sod == 0 && kind == styleDate {
		return t.AppendFormat(dst, "2006-01-02"), true
	}
	return t.AppendFormat(dst, "2006-01-02 15:04:05"), true
}

// parseCellRef reads a cell reference ("B7") as a 0-based column and a
// 1-based row.
func parseCellRef(ref string) (col, row int, ok bool) {
	i := 0
	col = 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
		if col > 16384 {
			return 0, 0, false
		}
	}
	if i == 0 || i == len(ref) {
		return 0, 0, false
	}
	row, err := strconv.Atoi(ref[i:])
	if err != nil || row < 1 {
		return 0, 0, false
	}
	return col - 1, row, true
}

// columnName writes a 0-based column as Excel's letters (0 = A, 26 = AA).
func columnName(col int) string {
	var b []byte
	for col++; col > 0; col = (col - 1) / 26 {
		b = append([]byte{byte('A' + (col-1)%26)}, b...)
	}
	return string(b)
}
