package data

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
)

// An Excel workbook (xlsx: a zip holding xl/workbook.xml) is read by
// converting its sheet to CSV text in memory and handing that text to the
// CSV readers, so that every inference rule, note and error of a CSV file
// applies to it unchanged. The conversion hooks into sniffParquet, which
// ReadCSV, ReadOrderLog and openRecords all call first.

// ErrWorkbook reports an Excel workbook that cannot be read: corrupt,
// truncated or past the reader's limits.
var ErrWorkbook = errors.New("data: unreadable Excel workbook")

// Limits on what a workbook may make the reader hold or decompress.
// Variables so that the tests can lower them.
var (
	maxXlsxStream       = 256 << 20 // bytes of a workbook that is not a file (a pipe)
	maxXlsxSheets int64 = 2 << 30   // uncompressed bytes of the sheets read, in total
	maxXlsxPart   int64 = 256 << 20 // uncompressed bytes of any other part (shared strings, styles, …)
	// The CSV text may be this many times the sheets' XML, plus
	// maxXlsxPart: padding sparse rows to a wide header cannot blow it up.
	maxXlsxGrowth int64 = 8
)

// workbookText is a workbook converted to CSV text: a chunked reader (an
// io.ReaderAt with a Size, which ReadOrderLog reads twice when it must),
// the note saying which sheets were read, and where each CSV line came
// from, to name the sheet and row in errors.
type workbookText struct {
	*chunkText
	note  string
	marks []lineMark
}

// lineMark says that CSV line line holds row row of sheet sheet, and the
// lines after it the rows after it, up to the next mark.
type lineMark struct {
	line, row int
	sheet     string
}

// sniffWorkbook recognises an Excel workbook by its content: a zip with an
// entry xl/workbook.xml. It returns the workbook converted to CSV text, or
// nil and the reader to use otherwise (r itself, or a reader holding the
// bytes it read from a stream).
func sniffWorkbook(r io.Reader, name string) (*workbookText, io.Reader, error) {
	if ra, ok := r.(io.ReaderAt); ok {
		if size, ok := sizeOf(r); ok {
			var head [4]byte
			if n, _ := ra.ReadAt(head[:], 0); n < 4 || string(head[:]) != "PK\x03\x04" {
				return nil, r, nil
			}
			zr, err := zip.NewReader(ra, size)
			if err != nil || !isWorkbook(zr) {
				return nil, r, nil
			}
			wb, err := convertWorkbook(zr, name)
			return wb, nil, err
		}
	}
	br := bufio.NewReaderSize(r, readBufferSize)
	// A zip stream is read into memory to look for xl/workbook.xml: the
	// zip's directory is at its end, and the parts in any order.
	head, _ := br.Peek(4)
	if !bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		return nil, br, nil
	}
	b, err := io.ReadAll(io.LimitReader(br, int64(maxXlsxStream)+1))
	if err != nil {
		return nil, nil, fmt.Errorf("data: reading %s: %w", name, err)
	}
	if len(b) > maxXlsxStream {
		return nil, nil, parseErr(name, 0, 0, ErrWorkbook, fmt.Sprintf(
			"a zip stream (an Excel workbook?) of more than %s bytes; give it as a file, not a pipe", Thousands(maxXlsxStream)))
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil || !isWorkbook(zr) {
		return nil, bytes.NewReader(b), nil
	}
	wb, err := convertWorkbook(zr, name)
	return wb, nil, err
}

func isWorkbook(zr *zip.Reader) bool {
	for _, f := range zr.File {
		if f.Name == "xl/workbook.xml" {
			return true
		}
	}
	return false
}

// locate turns a *ParseError on a line of the converted text into one
// naming the sheet and the row (and the cell, when the column is known).
func (wb *workbookText) locate(name string, err error) error {
	var pe *ParseError
	if wb == nil || !errors.As(err, &pe) || pe.File != name || pe.Line <= 0 || pe.Where != "" {
		return err
	}
	sheet, row, ok := wb.rowAt(pe.Line)
	if !ok {
		return err
	}
	if pe.Column > 0 {
		pe.Where = fmt.Sprintf("sheet %q, cell %s%d", sheet, columnName(pe.Column-1), row)
	} else {
		pe.Where = fmt.Sprintf("sheet %q, row %d", sheet, row)
	}
	pe.Line, pe.Column = 0, 0
	return err
}

// workbook is an opened workbook's parts.
type workbook struct {
	name     string
	zr       *zip.Reader
	files    map[string]*zip.File
	sheets   []sheetRef
	date1904 bool
	strings  []string
	styles   []cellStyle // by the cell's s attribute
	read     int64       // uncompressed sheet bytes read so far
	widest   int         // the most cells a converted row used
}

type sheetRef struct {
	name, part string
}

// cellStyle is what the reader needs of a cell format: whether its number
// is a date or a time.
type cellStyle uint8

const (
	styleNumber   cellStyle = iota
	styleDate               // a date (with its time of day if it has one)
	styleDateTime           // a date and a time of day
	styleTime               // a time of day only
)

func (wb *workbook) bad(format string, args ...any) error {
	return parseErr(wb.name, 0, 0, ErrWorkbook, fmt.Sprintf(format, args...))
}

// convertWorkbook converts the workbook's sheets to CSV text: the sheets
// with data that share a header, one after the other; when not all do, the
// group with the most data (see choose).
func convertWorkbook(zr *zip.Reader, name string) (*workbookText, error) {
	wb := &workbook{name: name, zr: zr, files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		wb.files[f.Name] = f
	}
	if err := wb.readWorkbook(); err != nil {
		return nil, err
	}
	if err := wb.readStrings(); err != nil {
		return nil, err
	}
	if err := wb.readStyles(); err != nil {
		return nil, err
	}
	// The header of each sheet, to decide which sheets to read.
	headers := make([][]string, len(wb.sheets))
	var withData []int
	for i := range wb.sheets {
		h, err := wb.header(i)
		if err != nil {
			return nil, err
		}
		headers[i] = h
		if h != nil {
			withData = append(withData, i)
		}
	}
	if len(withData) == 0 {
		return nil, parseErr(name, 0, 0, ErrEmpty, "an Excel workbook whose sheets are all empty (no header)")
	}
	read, other := wb.choose(withData, headers)
	first := read[0]
	// Rows are padded to the header's width; a row with a cell past it
	// (a stray note to the right of the table) widens every row, the
	// header too, as Excel's own CSV export does: the sheets are then
	// converted again at that width.
	width := len(headers[first])
	for {
		out := &workbookText{note: wb.note(read, other), chunkText: new(chunkText)}
		line := 1
		wb.widest = width
		for k, i := range read {
			var err error
			if line, err = wb.convertSheet(i, k > 0, width, out.chunkText, line, &out.marks); err != nil {
				return nil, err
			}
		}
		if wb.widest <= width {
			return out, nil
		}
		width = wb.widest
	}
}

// choose splits the sheets with data (in workbook order) into those to
// read and those left out. Sheets with the same header are read one after
// the other (a year per sheet, as UCI's Online Retail II). When the
// sheets' headers differ, the group whose sheet XML is largest is read:
// a workbook of data keeps a small sheet of notes or a data dictionary
// beside the table (often first, as Kaggle's E-commerce churn workbook
// does), and the table is where the rows are. The size is the parts'
// uncompressed size in the zip directory, known without reading them.
func (wb *workbook) choose(withData []int, headers [][]string) (read, other []int) {
	size := func(i int) uint64 {
		if f := wb.files[wb.sheets[i].part]; f != nil {
			return f.UncompressedSize64
		}
		return 0
	}
	var best []int
	var bestSize uint64
	seen := make([]bool, len(wb.sheets))
	for _, i := range withData {
		if seen[i] {
			continue
		}
		var group []int
		var total uint64
		for _, j := range withData {
			if !seen[j] && equalRows(headers[i], headers[j]) {
				seen[j] = true
				group = append(group, j)
				total += size(j)
			}
		}
		if best == nil || total > bestSize {
			best, bestSize = group, total
		}
	}
	for _, i := range withData {
		if !slices.Contains(best, i) {
			other = append(other, i)
		}
	}
	return best, other
}

func equalRows(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.TrimSpace(a[i]) != strings.TrimSpace(b[i]) {
			return false
		}
	}
	return true
}

// note says which sheets were read and which were not (each of those has
// other columns than the sheets read).
func (wb *workbook) note(read, other []int) string {
	names := func(idx []int) string {
		q := make([]string, len(idx))
		for k, i := range idx {
			q[k] = strconv.Quote(wb.sheets[i].name)
		}
		if len(q) == 1 {
			return q[0]
		}
		return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
	}
	s := "Excel workbook, sheet " + names(read) + " read"
	if len(read) > 1 {
		s = "Excel workbook, sheets " + names(read) + " read one after the other (same columns)"
	}
	switch {
	case len(other) == 1:
		s += "; sheet " + names(other) + " has other columns and was not read: save the one you want as CSV"
	case len(other) > 1:
		s += "; sheets " + names(other) + " have other columns and were not read: save the one you want as CSV"
	}
	return s
}

// open opens a part, bounding the bytes read from it to limit.
func (wb *workbook) open(part string, limit int64, what string) (io.ReadCloser, error) {
	f := wb.files[part]
	if f == nil {
		return nil, wb.bad("corrupt Excel workbook: %s has no part %s", what, part)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, wb.bad("corrupt Excel workbook: cannot open %s (%v)", part, err)
	}
	return &limitedPart{rc: rc, left: limit, wb: wb, part: part, limit: limit}, nil
}

// limitedPart reads a part of the zip, refusing it past its limit (a zip
// bomb) with an error naming the file.
type limitedPart struct {
	rc    io.ReadCloser
	left  int64
	limit int64
	wb    *workbook
	part  string
	count *int64 // also counted here when set (the sheets' total)
}

var errPartLimit = errors.New("part too large")

func (p *limitedPart) Read(b []byte) (int, error) {
	if p.left <= 0 {
		return 0, errPartLimit
	}
	if int64(len(b)) > p.left {
		b = b[:p.left]
	}
	n, err := p.rc.Read(b)
	p.left -= int64(n)
	if p.count != nil {
		*p.count += int64(n)
	}
	return n, err
}

func (p *limitedPart) Close() error { return p.rc.Close() }

// xmlErr words an error of the XML decoder or of the zip reader on a part.
func (wb *workbook) xmlErr(part string, err error) error {
	return wb.partErr(part, part, err)
}

// partErr is xmlErr for a part named what in the message (a sheet's name
// and part).
func (wb *workbook) partErr(part, what string, err error) error {
	var pe *ParseError
	switch {
	case errors.As(err, &pe):
		return err
	case errors.Is(err, errPartLimit):
		return wb.bad("the Excel workbook's part %s decompresses to more than the limit of %s bytes; is this a real workbook?",
			part, thousands64(maxXlsxPart))
	case errors.Is(err, errSheetsLimit):
		return wb.bad("the Excel workbook's sheets decompress to more than the limit of %s bytes in total",
			thousands64(maxXlsxSheets))
	case errors.Is(err, zip.ErrChecksum), errors.Is(err, zip.ErrFormat), errors.Is(err, io.ErrUnexpectedEOF):
		return wb.bad("corrupt Excel workbook: %s: %v", what, err)
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return wb.bad("corrupt Excel workbook: %s is not well-formed XML (line %d of the part: %s)", what, se.Line, se.Msg)
	}
	return wb.bad("corrupt Excel workbook: %s: %v", what, err)
}

var errSheetsLimit = errors.New("sheets too large")

func attr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local && a.Name.Space == "" {
			return a.Value, true
		}
	}
	return "", false
}

// readWorkbook reads the sheets' names, order and parts, and the date
// system.
func (wb *workbook) readWorkbook() error {
	type sheetID struct{ name, rid string }
	var ids []sheetID
	err := wb.scan("xl/workbook.xml", "the workbook", func(se xml.StartElement) error {
		switch se.Name.Local {
		case "workbookPr":
			v, _ := attr(se, "date1904")
			wb.date1904 = v == "1" || v == "true"
		case "sheet":
			var s sheetID
			s.name, _ = attr(se, "name")
			for _, a := range se.Attr {
				if a.Name.Local == "id" && a.Name.Space != "" {
					s.rid = a.Value
				}
			}
			ids = append(ids, s)
		}
		return nil
	})
	if err != nil {
		return err
	}
	targets := map[string]string{}
	err = wb.scan("xl/_rels/workbook.xml.rels", "the workbook", func(se xml.StartElement) error {
		if se.Name.Local == "Relationship" {
			id, _ := attr(se, "Id")
			target, _ := attr(se, "Target")
			typ, _ := attr(se, "Type")
			if strings.HasSuffix(typ, "/worksheet") {
				targets[id] = target
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, s := range ids {
		t, ok := targets[s.rid]
		if !ok {
			continue // a chart sheet or a dialog sheet: no cells
		}
		part := path.Clean(path.Join("xl", t))
		if strings.HasPrefix(t, "/") {
			part = path.Clean(strings.TrimPrefix(t, "/"))
		}
		wb.sheets = append(wb.sheets, sheetRef{name: s.name, part: part})
	}
	if len(wb.sheets) == 0 {
		return wb.bad("an Excel workbook without a worksheet")
	}
	return nil
}

// scan decodes a small part, calling start for each start element.
func (wb *workbook) scan(part, what string, start func(xml.StartElement) error) error {
	rc, err := wb.open(part, maxXlsxPart, what)
	if err != nil {
		return err
	}
	defer rc.Close()
	d := newXMLTokens(bufio.NewReaderSize(rc, 64<<10))
	for {
		tok, err := d.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return wb.xmlErr(part, err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if err := start(se); err != nil {
				return err
			}
		}
	}
}

// readStrings reads the shared strings (an optional part): each <si> is
// its <t> or the <t> of its rich-text runs <r> joined, without the
// phonetic runs <rPh>.
func (wb *workbook) readStrings() error {
	const part = "xl/sharedStrings.xml"
	if wb.files[part] == nil {
		return nil
	}
	rc, err := wb.open(part, maxXlsxPart, "the workbook")
	if err != nil {
		return err
	}
	defer rc.Close()
	d := newXMLTokens(bufio.NewReaderSize(rc, 64<<10))
	var cur []byte
	inSI, inT, phonetic := false, false, 0
	for {
		tok, err := d.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return wb.xmlErr(part, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI, cur = true, cur[:0]
			case "t":
				inT = inSI && phonetic == 0
			case "rPh":
				phonetic++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				inSI = false
				wb.strings = append(wb.strings, string(cur))
			case "t":
				inT = false
			case "rPh":
				phonetic--
			}
		case xml.CharData:
			if inT {
				cur = append(cur, t...)
			}
		}
	}
}

// readStyles reads which cell formats (an optional part) show a date or a
// time: cellXfs/xf@numFmtId, with the custom numFmts' codes.
func (wb *workbook) readStyles() error {
	const part = "xl/styles.xml"
	if wb.files[part] == nil {
		return nil
	}
	custom := map[int]string{}
	var ids []int
	inXfs := false
	rc, err := wb.open(part, maxXlsxPart, "the workbook")
	if err != nil {
		return err
	}
	defer rc.Close()
	d := newXMLTokens(bufio.NewReaderSize(rc, 64<<10))
	for {
		tok, err := d.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return wb.xmlErr(part, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "numFmt":
				id, _ := attr(t, "numFmtId")
				code, _ := attr(t, "formatCode")
				if n, err := strconv.Atoi(id); err == nil {
					custom[n] = code
				}
			case "cellXfs":
				inXfs = true
			case "xf":
				if inXfs {
					id, _ := attr(t, "numFmtId")
					n, _ := strconv.Atoi(id)
					ids = append(ids, n)
				}
			}
		case xml.EndElement:
			if t.Name.Local == "cellXfs" {
				inXfs = false
			}
		}
	}
	wb.styles = make([]cellStyle, len(ids))
	for i, id := range ids {
		if code, ok := custom[id]; ok {
			wb.styles[i] = formatStyle(code)
		} else {
			wb.styles[i] = builtinStyle(id)
		}
	}
	return nil
}

// builtinStyle classifies Excel's built-in number formats: 14–17, 27–31,
// 36, 50–54, 57, 58 are dates, 22 a date and time, 18–21, 32–35, 45–47,
// 55, 56 times of day.
func builtinStyle(id int) cellStyle {
	switch {
	case id >= 18 && id <= 21, id >= 32 && id <= 35, id >= 45 && id <= 47, id == 55, id == 56:
		return styleTime
	case id == 22:
		return styleDateTime
	case id >= 14 && id <= 17, id >= 27 && id <= 31, id == 36, id >= 50 && id <= 58:
		return styleDate
	}
	return styleNumber
}

// formatStyle classifies a custom format code: with its quoted literals,
// backslash escapes and bracketed sections ([Red], [$-409]) removed, but
// not the elapsed [h], [m], [s], it shows a date when y or d remains (or
// m without h or s), a time of day when only h, m or s do, and otherwise
// a number ("General", "0.00", "#,##0", "0%", "0.00E+00"); both a date
// and a time when it has y or d and h or s.
func formatStyle(code string) cellStyle {
	if i := strings.IndexByte(code, ';'); i >= 0 {
		code = code[:i] // the format of positive numbers
	}
	var b strings.Builder
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch c {
		case '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				i = len(code)
			} else {
				i += j + 1
			}
			continue
		case '\\', '_', '*':
			i++ // an escaped character, or the character a space or fill repeats
			continue
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				i = len(code)
				continue
			}
			inner := strings.ToLower(code[i+1 : i+j])
			if strings.Trim(inner, "hms") == "" && inner != "" {
				b.WriteString(inner) // elapsed time
			}
			i += j
			continue
		}
		b.WriteByte(c)
	}
	s := strings.ToLower(b.String())
	if s == "general" || strings.Contains(s, "general") && !strings.ContainsAny(s, "ymdhs") {
		return styleNumber
	}
	if strings.Contains(s, "e+") || strings.Contains(s, "e-") {
		return styleNumber // scientific 0.00E+00
	}
	date := strings.ContainsAny(s, "yd")
	clock := strings.ContainsAny(s, "hs")
	switch {
	case date && clock:
		return styleDateTime
	case date:
		return styleDate
	case clock:
		return styleTime
	case strings.ContainsRune(s, 'm'):
		return styleDate // months alone: mmm-yy has a y; "mmmm" is a month
	}
	return styleNumber
}

// header returns the first non-empty row of sheet i (nil for an empty
// sheet), trimmed of its trailing empty cells.
func (wb *workbook) header(i int) ([]string, error) {
	var h []string
	err := wb.rows(i, func(row int, cells []string) (bool, error) {
		if n := usedWidth(cells); n > 0 {
			h = append([]string(nil), cells[:n]...)
			return false, nil
		}
		return true, nil
	})
	return h, err
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
func (wb *workbook) convertSheet(i int, dropHeader bool, width int, buf *chunkText, line int, marks *[]lineMark) (int, error) {
	sheet := wb.sheets[i].name
	seenHeader, marked, prev := false, false, 0
	err := wb.rows(i, func(row int, cells []string) (bool, error) {
		n := usedWidth(cells)
		if n == 0 {
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
		wb.widest = max(wb.widest, n)
		if n < width {
			n = width
		}
		nl := 0
		for j := 0; j < n; j++ {
			if j > 0 {
				buf.writeByte(',')
			}
			v := ""
			if j < len(cells) {
				v = cells[j]
			}
			nl += writeCSVField(buf, v)
		}
		buf.writeByte('\n')
		line += 1 + nl
		if limit := maxXlsxGrowth*wb.read + maxXlsxPart; int64(buf.Len()) > limit {
			return false, wb.bad("the Excel workbook's sheets make more than %s bytes of text (their rows are padded to a header of %s columns); is this a real workbook?",
				thousands64(limit), Thousands(width))
		}
		if nl > 0 {
			*marks = append(*marks, lineMark{line: line, row: row + 1, sheet: sheet})
		}
		prev = row
		return true, nil
	})
	return line, err
}

// writeCSVField writes a field, quoted when it holds a quote, a line end
// or any delimiter the CSV reader might sniff, and returns the line ends
// it holds (each starts a CSV line).
func writeCSVField(buf *chunkText, v string) int {
	if !strings.ContainsAny(v, "\",;\t|\r\n") {
		buf.writeString(v)
		return 0
	}
	buf.writeByte('"')
	buf.writeString(strings.ReplaceAll(v, `"`, `""`))
	buf.writeByte('"')
	return strings.Count(v, "\n") + strings.Count(strings.ReplaceAll(v, "\r\n", "\n"), "\r")
}

// rows streams the rows of sheet i, each as its cells by column (A = 0),
// to each, until it returns false. row is the 1-based row number.
func (wb *workbook) rows(i int, each func(row int, cells []string) (bool, error)) error {
	ref := wb.sheets[i]
	rc, err := wb.open(ref.part, maxXlsxSheets, fmt.Sprintf("sheet %q", ref.name))
	if err != nil {
		return err
	}
	defer rc.Close()
	lp := rc.(*limitedPart)
	lp.count, lp.left = &wb.read, maxXlsxSheets-wb.read
	sr := &sheetReader{wb: wb, sheet: ref.name, d: newXMLTokens(bufio.NewReaderSize(lp, 256<<10))}
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
		Where: fmt.Sprintf("sheet %q, cell %s%d", s.sheet, columnName(col), row)}
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
	text := s.text
	switch typ {
	case "s":
		if len(text) == 0 {
			return "", nil
		}
		i, err := strconv.Atoi(string(text))
		if err != nil || i < 0 || i >= len(s.wb.strings) {
			return "", s.cellErr(col, row, "shared string %s of %d", text, len(s.wb.strings))
		}
		return s.wb.strings[i], nil
	case "inlineStr", "str", "e", "d":
		return string(text), nil
	case "b":
		switch string(text) {
		case "1", "true":
			return "TRUE", nil
		case "0", "false":
			return "FALSE", nil
		case "":
			return "", nil
		}
		return "", s.cellErr(col, row, "boolean %q is neither 0 nor 1", text)
	case "", "n":
	default:
		return "", s.cellErr(col, row, "corrupt Excel workbook: unknown cell type %q", typ)
	}
	if len(text) == 0 {
		return "", nil
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(string(text)), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return "", s.cellErr(col, row, "corrupt Excel workbook: number %q", text)
	}
	kind := styleNumber
	if style != "" {
		if i, err := strconv.Atoi(style); err == nil && i >= 0 && i < len(s.wb.styles) {
			kind = s.wb.styles[i]
		}
	}
	if kind != styleNumber {
		if d, ok := excelDate(v, s.wb.date1904, kind); ok {
			return d, nil
		}
	}
	return strconv.FormatFloat(v, 'f', -1, 64), nil
}

// excelDate writes a date serial as ISO text: "2010-12-01" in a date
// format, "2010-12-01 08:26:00" in a date-and-time format or when a date
// format hides a time of day (rounded to the second), and "08:26:00" for
// a time below one day in a time-only format. In the 1900
// system serial 1 is 1900-01-01 and Excel counts a 1900-02-29 that never
// was (serial 60), so serials up to 60 are a day later than the formula
// for later ones gives; in the 1904 system serial 0 is 1904-01-01.
func excelDate(v float64, date1904 bool, kind cellStyle) (string, bool) {
	timeOnly := kind == styleTime
	if v < 0 || v > 2958466 { // after 9999-12-31
		return "", false
	}
	secs := int64(math.Round(v * 86400))
	days, sod := secs/86400, secs%86400
	if timeOnly && days == 0 {
		return fmt.Sprintf("%02d:%02d:%02d", sod/3600, sod/60%60, sod%60), true
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
		return t.Format("2006-01-02"), true
	}
	return t.Format("2006-01-02 15:04:05"), true
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

// rowAt returns the sheet and the row of a line of the converted text.
func (wb *workbookText) rowAt(line int) (sheet string, row int, ok bool) {
	var m *lineMark
	for i := range wb.marks {
		if wb.marks[i].line <= line {
			m = &wb.marks[i]
		}
	}
	if m == nil {
		return "", 0, false
	}
	return m.sheet, m.row + line - m.line, true
}

// relocateNote rewrites the "at line N" that ends a note's example (the
// order of dates with the year last) as `at row N of sheet "S"`.
func (wb *workbookText) relocateNote(s string) string {
	const at = " at line "
	i := strings.LastIndex(s, at)
	if i < 0 {
		return s
	}
	num := s[i+len(at):]
	n, err := strconv.Atoi(strings.ReplaceAll(num, ",", ""))
	if err != nil {
		return s
	}
	sheet, row, ok := wb.rowAt(n)
	if !ok {
		return s
	}
	return fmt.Sprintf("%s at row %s of sheet %q", s[:i], Thousands(row), sheet)
}

// xmlTokens reads raw tokens (no namespace translation: the fast path),
// checking what RawToken leaves unchecked: that each end element closes
// the element open, and that none is left open at the end.
type xmlTokens struct {
	d     *xml.Decoder
	stack []string
}

func newXMLTokens(r io.Reader) *xmlTokens {
	return &xmlTokens{d: xml.NewDecoder(r)}
}

func (x *xmlTokens) next() (xml.Token, error) {
	tok, err := x.d.RawToken()
	if err == io.EOF && len(x.stack) > 0 {
		line, _ := x.d.InputPos()
		return nil, &xml.SyntaxError{Line: line, Msg: fmt.Sprintf("unexpected end: element <%s> not closed", x.stack[len(x.stack)-1])}
	}
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case xml.StartElement:
		x.stack = append(x.stack, t.Name.Local)
	case xml.EndElement:
		n := len(x.stack)
		if n == 0 || x.stack[n-1] != t.Name.Local {
			open := "nothing"
			if n > 0 {
				open = "<" + x.stack[n-1] + ">"
			}
			line, _ := x.d.InputPos()
			return nil, &xml.SyntaxError{Line: line, Msg: fmt.Sprintf("element %s closed by </%s>", open, t.Name.Local)}
		}
		x.stack = x.stack[:n-1]
	}
	return tok, nil
}

// chunkText holds the converted text in chunks of textChunk bytes: it
// grows without copying what it holds (a bytes.Buffer would copy it and
// hold up to twice its size), and is read as an io.Reader, an io.ReaderAt
// and with its Size.
type chunkText struct {
	chunks [][]byte
	size   int64
	off    int64 // where Read reads next
}

const textChunk = 4 << 20

func (c *chunkText) writeString(s string) {
	for len(s) > 0 {
		n := len(c.chunks)
		if n == 0 || len(c.chunks[n-1]) == textChunk {
			c.chunks = append(c.chunks, make([]byte, 0, textChunk))
			n++
		}
		last := c.chunks[n-1]
		k := min(len(s), textChunk-len(last))
		c.chunks[n-1] = append(last, s[:k]...)
		s = s[k:]
		c.size += int64(k)
	}
}

func (c *chunkText) writeByte(b byte) {
	n := len(c.chunks)
	if n == 0 || len(c.chunks[n-1]) == textChunk {
		c.chunks = append(c.chunks, make([]byte, 0, textChunk))
		n++
	}
	c.chunks[n-1] = append(c.chunks[n-1], b)
	c.size++
}

// Len is the size of the text, as an int.
func (c *chunkText) Len() int { return int(c.size) }

// Size is the size of the text (sizeOf reads it).
func (c *chunkText) Size() int64 { return c.size }

func (c *chunkText) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, errors.New("data: negative offset")
	}
	n := 0
	for n < len(p) && off < c.size {
		chunk := c.chunks[off/textChunk]
		k := copy(p[n:], chunk[off%textChunk:])
		n += k
		off += int64(k)
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

func (c *chunkText) Read(p []byte) (int, error) {
	if c.off >= c.size {
		return 0, io.EOF
	}
	n, _ := c.ReadAt(p, c.off)
	c.off += int64(n)
	return n, nil
}
