package data

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// An Excel workbook (xlsx: a zip holding xl/workbook.xml) is read by
// converting its sheet to CSV text in memory and handing that text to the
// CSV readers, so that every inference rule, note and error of a CSV file
// applies to it unchanged. The conversion hooks into sniffParquet, which
// ReadCSV, ReadOrderLog and openRecords all call first.

// ErrWorkbook reports an Excel workbook that cannot be read: corrupt,
// truncated or past the reader's limits.
var ErrWorkbook = errors.New("unreadable Excel workbook")

// Limits on what a workbook may make the reader hold or decompress.
// Variables so that the tests can lower them.
var (
	maxXlsxStream       = 256 << 20 // bytes of a workbook that is not a file (a pipe)
	maxXlsxSheets int64 = 2 << 30   // uncompressed bytes of the sheets read, in total
	maxXlsxPart   int64 = 256 << 20 // uncompressed bytes of any other part (shared strings, styles, …)
	// The CSV text may be maxXlsxGrowth times the sheets' XML, plus
	// maxXlsxPadding: padding sparse rows to a wide header cannot blow it
	// up. (Text is shorter than its XML in a real sheet; a few bytes of
	// XML with a cell in column XFD would otherwise make a row of 16,383
	// commas for every row that follows.)
	maxXlsxGrowth  int64 = 8
	maxXlsxPadding int64 = 16 << 20
)

// workbookText is a workbook converted to CSV text: a chunked reader (an
// io.ReaderAt with a Size, which ReadOrderLog reads twice when it must),
// which sheets were read, and where each CSV line came from, to name the
// sheet and row in errors.
type workbookText struct {
	*chunkText
	sheets *WorkbookSheets
	marks  []lineMark
	cols   []int // the sheet column (A = 0) of each CSV column
	// The workbook's sheet reads by the fast scanner and by encoding/xml.
	fastReads, slowReads int
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
			if err == nil && isBinaryWorkbook(zr) {
				return nil, nil, binaryWorkbookError(name)
			}
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
		return nil, nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if len(b) > maxXlsxStream {
		return nil, nil, parseErr(name, 0, 0, ErrWorkbook, fmt.Sprintf(
			"a zip stream (an Excel workbook?) of more than %s bytes; give it as a file, not a pipe", Thousands(maxXlsxStream)))
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err == nil && isBinaryWorkbook(zr) {
		return nil, nil, binaryWorkbookError(name)
	}
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
		col := pe.Column - 1
		if col < len(wb.cols) {
			col = wb.cols[col]
		}
		pe.Where = fmt.Sprintf("sheet %q, cell %s%d", sheet, columnName(col), row)
		pe.At = &Place{Sheet: sheet, Cell: columnName(col) + strconv.Itoa(row)}
	} else {
		pe.Where = fmt.Sprintf("sheet %q, row %d", sheet, row)
		pe.At = &Place{Sheet: sheet, Row: int64(row)}
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
	used     []bool      // the columns (A = 0) with a cell of text in a row converted
	hidden   []string    // the hidden sheets, not read
	// headerRow is each sheet's header row; the rows above it are empty
	// or titles, which are not converted.
	headerRow []int
	// Sheet reads by the fast scanner and by encoding/xml (the tests
	// check which path read a workbook).
	fastReads, slowReads int
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
	titles := make([][]string, len(wb.sheets))
	wb.headerRow = make([]int, len(wb.sheets))
	var withData []int
	for i := range wb.sheets {
		h, row, t, err := wb.header(i)
		if err != nil {
			return nil, err
		}
		headers[i], titles[i], wb.headerRow[i] = h, t, row
		if h != nil {
			withData = append(withData, i)
		}
	}
	if len(withData) == 0 {
		pe := parseErr(name, 0, 0, ErrEmpty, "an Excel workbook whose sheets are all empty (no header)")
		pe.Facts = EmptySheets{}
		return nil, pe
	}
	read, other := wb.choose(withData, headers)
	first := read[0]
	// The columns written are those with a header; a column without one
	// that holds a cell in some row (a note right of the table, a value
	// under a blank header) is added, and the sheets converted again, as
	// Excel's own CSV export keeps it. Columns with nothing in them, which
	// a sheet's formatting can make reach column XFD, are not written: a
	// few bytes of XML cannot make rows of 16,383 empty cells.
	var cols []int
	for j, v := range headers[first] {
		if v != "" {
			cols = append(cols, j)
		}
	}
	for {
		out := &workbookText{sheets: wb.sheetNames(read, other), chunkText: new(chunkText), cols: cols}
		out.sheets.Titles = titles[first]
		line := 1
		// Each pass reads the sheets anew: the limits on the XML read and
		// on the text it makes are the pass's own.
		wb.used, wb.read = wb.used[:0], 0
		for k, i := range read {
			var err error
			if line, err = wb.convertSheet(i, k > 0, cols, out.chunkText, line, &out.marks); err != nil {
				return nil, err
			}
		}
		var used []int
		for j, u := range wb.used {
			if u {
				used = append(used, j)
			}
		}
		if slices.Equal(used, cols) {
			out.fastReads, out.slowReads = wb.fastReads, wb.slowReads
			return out, nil
		}
		cols = used
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

// sheets names the sheets read and those left out.
func (wb *workbook) sheetNames(read, other []int) *WorkbookSheets {
	names := func(idx []int) []string {
		out := make([]string, len(idx))
		for k, i := range idx {
			out[k] = wb.sheets[i].name
		}
		return out
	}
	return &WorkbookSheets{Read: names(read), Left: names(other), Hidden: wb.hidden}
}
