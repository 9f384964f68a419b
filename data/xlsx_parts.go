package data

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

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

// maxXlsxSheetCount bounds the sheets a workbook may list (Excel's own
// limit is the memory; real workbooks have a few).
const maxXlsxSheetCount = 1000

// readWorkbook reads the sheets' names, order and parts, and the date
// system. Hidden sheets (a backup copy, a lookup table) are not read,
// only named (wb.hidden), unless every sheet is hidden; a sheet whose
// part an earlier one has is read once.
func (wb *workbook) readWorkbook() error {
	type sheetID struct {
		name, rid string
		hidden    bool
	}
	var ids []sheetID
	err := wb.scan("xl/workbook.xml", "the workbook", func(se xml.StartElement) error {
		switch se.Name.Local {
		case "workbookPr":
			v, _ := attr(se, "date1904")
			wb.date1904 = v == "1" || v == "true"
		case "sheet":
			var s sheetID
			s.name, _ = attr(se, "name")
			state, _ := attr(se, "state")
			s.hidden = state == "hidden" || state == "veryHidden"
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
	if len(ids) > maxXlsxSheetCount {
		return wb.bad("an Excel workbook of %s sheets, more than the limit of %s; is this a real workbook?",
			Thousands(len(ids)), Thousands(maxXlsxSheetCount))
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
	var hidden []sheetRef
	seen := map[string]bool{}
	for _, s := range ids {
		t, ok := targets[s.rid]
		if !ok {
			continue // a chart sheet or a dialog sheet: no cells
		}
		part := path.Clean(path.Join("xl", t))
		if strings.HasPrefix(t, "/") {
			part = path.Clean(strings.TrimPrefix(t, "/"))
		}
		if seen[part] {
			continue
		}
		seen[part] = true
		if s.hidden {
			hidden = append(hidden, sheetRef{name: s.name, part: part})
		} else {
			wb.sheets = append(wb.sheets, sheetRef{name: s.name, part: part})
		}
	}
	if len(wb.sheets) == 0 {
		wb.sheets = hidden
	} else {
		for _, h := range hidden {
			wb.hidden = append(wb.hidden, h.name)
		}
	}
	if len(wb.sheets) == 0 {
		return wb.bad("an Excel workbook without a worksheet")
	}
	return nil
}

// tokens decodes a small part, calling each for every token.
func (wb *workbook) tokens(part, what string, each func(xml.Token) error) error {
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
		if err := each(tok); err != nil {
			return err
		}
	}
}

// scan decodes a small part, calling start for each start element.
func (wb *workbook) scan(part, what string, start func(xml.StartElement) error) error {
	return wb.tokens(part, what, func(tok xml.Token) error {
		if se, ok := tok.(xml.StartElement); ok {
			return start(se)
		}
		return nil
	})
}

// readStrings reads the shared strings (an optional part): each <si> is
// its <t> or the <t> of its rich-text runs <r> joined, without the
// phonetic runs <rPh>.
func (wb *workbook) readStrings() error {
	const part = "xl/sharedStrings.xml"
	if wb.files[part] == nil {
		return nil
	}
	var cur []byte
	inSI, inT, phonetic := false, false, 0
	return wb.tokens(part, "the workbook", func(tok xml.Token) error {
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
		return nil
	})
}

// readStyles reads which cell formats (an optional part) show a date or a
// time: cellXfs/xf@numFmtId, with the custom numFmts' codes (those of
// numFmts only: a conditional format's dxf may reuse an id for another
// code, which applies only where its condition holds).
func (wb *workbook) readStyles() error {
	const part = "xl/styles.xml"
	if wb.files[part] == nil {
		return nil
	}
	custom := map[int]string{}
	var ids []int
	inXfs, inFmts := false, false
	err := wb.tokens(part, "the workbook", func(tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "numFmts":
				inFmts = true
			case "numFmt":
				id, _ := attr(t, "numFmtId")
				code, _ := attr(t, "formatCode")
				if n, err := strconv.Atoi(id); err == nil && inFmts {
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
			switch t.Name.Local {
			case "cellXfs":
				inXfs = false
			case "numFmts":
				inFmts = false
			}
		}
		return nil
	})
	if err != nil {
		return err
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
