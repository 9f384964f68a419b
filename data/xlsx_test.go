package data

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
)

// The fixtures under testdata/xlsx were written by openpyxl 3.0.9 with
// testdata/xlsx/make_fixtures.py; the expected values below are the cells
// that script writes, in the text Excel's "Save as CSV" would give them
// with ISO dates: its datetimes in the formats it gives them
// (yyyy-mm-dd h:mm:ss, d/m/yyyy, m/d/yyyy h:mm) and its floats as Python's
// repr writes them (2.55, 1e+21), as retain writes Parquet's floats.

// workbookCSV converts the workbook file to its CSV text and note.
func workbookCSV(t *testing.T, path string) (string, string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return convertedText(t, f, path)
}

func convertedText(t testing.TB, r io.Reader, name string) (string, string) {
	t.Helper()
	in, rest, err := sniffParquet(r, name)
	if err != nil {
		t.Fatal(err)
	}
	wb, ok := rest.(*workbookText)
	if in != nil || !ok {
		t.Fatalf("%s: not read as a workbook", name)
	}
	b, err := io.ReadAll(wb)
	if err != nil {
		t.Fatal(err)
	}
	return string(b), wb.sheets.Note()
}

func TestXlsxFixtureTableText(t *testing.T) {
	got, note := workbookCSV(t, "testdata/xlsx/table.xlsx")
	want := "user_id,signup,last_seen,spend,plan,comment,total,churned\n" +
		"17850,2010-12-01 08:26:00,2011-01-05,2.55,basic,Bold and plain,3.55,1\n" +
		"123456789012,2010-12-02 09:00:30,2011-02-06,10.5,pro,\"say \"\"hi\"\", then\",11.5,0\n" +
		"13047,2011-01-03 17:05:00,2011-03-07,0.1,basic,,1.1,1\n" +
		"12583,2011-02-04 23:59:59,2011-04-08,1e+21,pro,inline text,1e+21,0\n" +
		"13748,2011-03-05 00:00:00,2011-05-09,7,basic,\"two\nlines\",8,1\n" +
		"15100,2011-04-06 12:00:00,2011-06-10,3.75,pro,ok,4.75,0\n"
	if got != want {
		t.Errorf("CSV text:\n%s\nwant:\n%s", got, want)
	}
	wantNote := `Excel workbook, sheet "Users" read; sheet "Notes" has other columns and was not read: save the one you want as CSV`
	if note != wantNote {
		t.Errorf("note %q, want %q", note, wantNote)
	}
}

func TestXlsxFixtureOrdersText(t *testing.T) {
	got, note := workbookCSV(t, "testdata/xlsx/orders.xlsx")
	// orders.csv is the same lines written by Python's csv module.
	want, err := os.ReadFile("testdata/xlsx/orders.csv")
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("CSV text:\n%s\nwant (orders.csv):\n%s", got, want)
	}
	wantNote := `Excel workbook, sheets "Year 2009-2010" and "Year 2010-2011" read one after the other (same columns)`
	if note != wantNote {
		t.Errorf("note %q, want %q", note, wantNote)
	}
}

func TestXlsxReadCSVTable(t *testing.T) {
	f, err := os.Open("testdata/xlsx/table.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tab, err := ReadCSV(f, "table.xlsx", CSVOptions{Label: "churned"})
	if err != nil {
		t.Fatal(err)
	}
	if tab.Rows != 6 || tab.Label.Name != "churned" {
		t.Fatalf("rows %d, label %q", tab.Rows, tab.Label.Name)
	}
	kinds := map[string]string{}
	for _, c := range tab.Columns {
		k := c.Kind.String()
		if c.Date {
			k = "date"
		}
		kinds[c.Name] = k
	}
	for name, want := range map[string]string{"signup": "date", "last_seen": "date", "spend": Numeric.String(), "total": Numeric.String()} {
		if kinds[name] != want {
			t.Errorf("column %s read as %s, want %s (all: %v)", name, kinds[name], want, kinds)
		}
	}
	spend := tab.Column("spend").Values
	if spend[0] != 2.55 || spend[3] != 1e21 {
		t.Errorf("spend %v", spend)
	}
	if tab.Workbook == nil || LoadNotes(tab)[0] != "table.xlsx: "+tab.Workbook.Note() {
		t.Errorf("notes %q", LoadNotes(tab))
	}
}

// The order log of orders.xlsx is the log of orders.csv, the same lines:
// the same customers, orders and left-out lines.
func TestXlsxReadOrderLogSameAsCSV(t *testing.T) {
	read := func(path string, r io.Reader) *OrderLog {
		t.Helper()
		log, err := ReadOrderLog(r, path, LogOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return log
	}
	f, err := os.Open("testdata/xlsx/orders.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	x := read("orders.xlsx", f)
	c, err := os.ReadFile("testdata/xlsx/orders.csv")
	if err != nil {
		t.Fatal(err)
	}
	y := read("orders.csv", bytes.NewReader(c))
	if fmt.Sprint(x.Customers) != fmt.Sprint(y.Customers) || fmt.Sprint(x.Orders) != fmt.Sprint(y.Orders) ||
		x.Cancelled != y.Cancelled || x.MissingCustomer != y.MissingCustomer || x.Lines != y.Lines {
		t.Errorf("xlsx log %+v\ncsv log %+v", x, y)
	}
	// 14 lines: 2 cancellations (C489449, C536379), 1 without a customer;
	// 5 customers (14527 has only a cancellation).
	if x.Lines != 14 || x.Cancelled != 2 || x.MissingCustomer != 1 || len(x.Customers) != 5 {
		t.Errorf("lines %d, cancelled %d, no customer %d, customers %v", x.Lines, x.Cancelled, x.MissingCustomer, x.Customers)
	}
	if w := x.Workbook; w == nil || w.Note() != `Excel workbook, sheets "Year 2009-2010" and "Year 2010-2011" read one after the other (same columns)` {
		t.Errorf("sheets %+v", w)
	}
	// A pipe (no ReaderAt) is read into memory and gives the same log.
	b, _ := os.ReadFile("testdata/xlsx/orders.xlsx")
	z := read("<stdin>", io.MultiReader(bytes.NewReader(b)))
	if fmt.Sprint(z.Orders) != fmt.Sprint(y.Orders) {
		t.Errorf("stream log %+v", z)
	}
}

// book builds a workbook in memory: sheets (name, sheet XML's sheetData
// content) in order, with optional shared strings and styles parts.
type book struct {
	sheets   [][2]string
	strings  string // the <sst> content; "" for no part
	styles   string // the <styleSheet> content; "" for no part
	date1904 bool
	parts    map[string]string // more parts, or replacements
	skip     map[string]bool   // parts left out
	hidden   map[string]bool   // sheets with state="hidden"
}

func (b book) zip(t testing.TB) []byte {
	t.Helper()
	parts := map[string]string{}
	var sheets, rels strings.Builder
	for i, s := range b.sheets {
		state := ""
		if b.hidden[s[0]] {
			state = ` state="hidden"`
		}
		fmt.Fprintf(&sheets, `<sheet name=%q sheetId="%d"%s r:id="rId%d"/>`, s[0], i+1, state, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
		parts[fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + s[1] + `</sheetData></worksheet>`
	}
	pr := `<workbookPr/>`
	if b.date1904 {
		pr = `<workbookPr date1904="1"/>`
	}
	parts["xl/workbook.xml"] = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` + pr + `<sheets>` + sheets.String() + `</sheets></workbook>`
	parts["xl/_rels/workbook.xml.rels"] = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`
	parts["[Content_Types].xml"] = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`
	if b.strings != "" {
		parts["xl/sharedStrings.xml"] = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + b.strings + `</sst>`
	}
	if b.styles != "" {
		parts["xl/styles.xml"] = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + b.styles + `</styleSheet>`
	}
	for k, v := range b.parts {
		parts[k] = v
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml",
		"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"} {
		if v, ok := parts[name]; ok && !b.skip[name] {
			w, err := zw.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(w, v)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// convertErr returns the error of converting the workbook.
func convertErr(t *testing.T, b book) error {
	t.Helper()
	_, _, err := sniffParquet(bytes.NewReader(b.zip(t)), "book.xlsx")
	if err == nil {
		t.Fatal("no error")
	}
	return err
}

// Two shared strings, the second rich text with a phonetic run; a date
// style (built-in 14), a time style (custom h:mm:ss) and a number style.
const (
	twoStrings = `<si><t>name</t></si><si><r><t>Ann</t></r><r><rPr><b/></rPr><t xml:space="preserve"> Lee</t></r><rPh sb="0" eb="1"><t>アン</t></rPh></si>`
	dateStyles = `<numFmts count="1"><numFmt numFmtId="164" formatCode="[$-409]h:mm:ss\ AM/PM;@"/></numFmts>` +
		`<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>` +
		`<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="22"/></cellXfs>`
)

func TestXlsxHandBuiltText(t *testing.T) {
	cases := []struct {
		name string
		b    book
		want string
	}{{
		// Serial 40513.35138888889 is 2010-12-01 08:26:00 (Online Retail's
		// first InvoiceDate); 0.35138888889 of a day is 08:26:00, and 1.5
		// in the same time format is 36 hours elapsed.
		name: "shared strings, dates, times, booleans, errors",
		b: book{strings: twoStrings, styles: dateStyles, sheets: [][2]string{{"Sheet1",
			`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>day</t></is></c><c r="C1" t="str"><v>at</v></c><c r="D1" t="inlineStr"><is><t>ok</t></is></c><c r="E1" t="inlineStr"><is><t>x</t></is></c></row>` +
				`<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="1"><v>40513</v></c><c r="C2" s="2"><v>0.35138888889</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#N/A</v></c></row>` +
				`<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" s="3"><v>40513.35138888889</v></c><c r="C3" s="2"><v>1.5</v></c><c r="D3" t="b"><v>0</v></c><c r="E3" t="d"><v>2010-12-01T08:26:00</v></c></row>`}}},
		want: "name,day,at,ok,x\nAnn Lee,2010-12-01,08:26:00,TRUE,#N/A\nAnn Lee,2010-12-01 08:26:00,36:00:00,FALSE,2010-12-01T08:26:00\n",
	}, {
		// In the 1904 system serial 0 is 1904-01-01 and 40000 is 1462 days
		// later than in the 1900 system (2009-07-06): 2013-07-07.
		name: "1904 system",
		b: book{date1904: true, styles: dateStyles, sheets: [][2]string{{"Sheet1",
			`<row r="1"><c r="A1" t="inlineStr"><is><t>d</t></is></c></row><row r="2"><c r="A2" s="1"><v>0</v></c></row><row r="3"><c r="A3" s="1"><v>40000</v></c></row>`}}},
		want: "d\n1904-01-01\n2013-07-07\n",
	}, {
		// Rows 3 and 5 are absent, row 1 too: a blank line for each keeps
		// line N = row N. Missing cells are empty; rows pad to the header.
		name: "absent rows and cells",
		b: book{sheets: [][2]string{{"Sheet1",
			`<row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c><c r="B2" t="inlineStr"><is><t>b</t></is></c><c r="C2" t="inlineStr"><is><t>c</t></is></c></row>` +
				`<row r="4"><c r="B4"><v>2.5499999999999998</v></c></row><row r="6"><c r="A6"><v>1E+21</v></c><c r="C6" t="inlineStr"><is><t>x;y</t></is></c></row>`}}},
		want: "\na,b,c\n\n,2.55,\n\n1e+21,,\"x;y\"\n",
	}, {
		// A cell right of the header's last widens every row, the header
		// too, as Excel's CSV export does (the reader calls it column_3);
		// column C, empty in every row, is not written.
		name: "a stray cell right of the table",
		b: book{sheets: [][2]string{{"Sheet1",
			`<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row>` +
				`<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="D2" t="inlineStr"><is><t>checked</t></is></c></row><row r="3"><c r="A3"><v>3</v></c></row>`}}},
		want: "a,b,\n1,2,checked\n3,,\n",
	}, {
		// A blank header cell: its column is written when a row has a cell
		// in it (B), left out when none has (D).
		name: "blank header cells",
		b: book{sheets: [][2]string{{"Sheet1",
			`<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="C1" t="inlineStr"><is><t>c</t></is></c><c r="E1" t="inlineStr"><is><t>e</t></is></c></row>` +
				`<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>5</v></c><c r="C2"><v>2</v></c><c r="E2"><v>3</v></c></row>`}}},
		want: "a,,c,e\n1,5,2,3\n",
	}, {
		// A later sheet's header is dropped; an empty sheet is skipped.
		name: "sheets with the same header",
		b: book{sheets: [][2]string{
			{"A", `<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>`},
			{"Empty", ``},
			{"B", `<row r="3"><c r="A3" t="inlineStr"><is><t>id</t></is></c></row><row r="5"><c r="A5"><v>2</v></c></row>`}}},
		want: "id\n1\n2\n",
	}}
	for _, c := range cases {
		got, _ := convertedText(t, bytes.NewReader(c.b.zip(t)), "book.xlsx")
		if got != c.want {
			t.Errorf("%s: CSV text %q, want %q", c.name, got, c.want)
		}
	}
}

func TestXlsxNotes(t *testing.T) {
	// A sheet: a header cell and n rows of one number each.
	sheet := func(h string, n int) string {
		x := `<row r="1"><c r="A1" t="inlineStr"><is><t>` + h + `</t></is></c></row>`
		for r := 2; r < n+2; r++ {
			x += fmt.Sprintf(`<row r="%d"><c r="A%d"><v>%d</v></c></row>`, r, r, r)
		}
		return x
	}
	cases := []struct {
		sheets [][2]string
		want   string
	}{{
		// Headers differ: the sheet with the most data is the table, even
		// when a data dictionary comes first.
		sheets: [][2]string{{"Data Dict", sheet("variable", 3)}, {"E Comm", sheet("id", 20)}, {"Pivot", sheet("sum", 1)}},
		want:   `Excel workbook, sheet "E Comm" read; sheets "Data Dict" and "Pivot" have other columns and were not read: save the one you want as CSV`,
	}, {
		// Sheets with the same header count together: 2 × 6 rows of "id"
		// outweigh 8 rows of "sum".
		sheets: [][2]string{{"Orders", sheet("id", 6)}, {"Pivot", sheet("sum", 8)}, {"More", sheet("id", 6)}},
		want:   `Excel workbook, sheets "Orders" and "More" read one after the other (same columns); sheet "Pivot" has other columns and was not read: save the one you want as CSV`,
	}, {
		// Equal sizes: the first in the workbook.
		sheets: [][2]string{{"A", sheet("x", 4)}, {"B", sheet("y", 4)}},
		want:   `Excel workbook, sheet "A" read; sheet "B" has other columns and was not read: save the one you want as CSV`,
	}}
	var note string
	for _, c := range cases {
		if _, note = convertedText(t, bytes.NewReader(book{sheets: c.sheets}.zip(t)), "book.xlsx"); note != c.want {
			t.Errorf("note %q, want %q", note, c.want)
		}
	}
	b := book{sheets: [][2]string{{"Only", sheet("id", 0)}}}
	if _, note = convertedText(t, bytes.NewReader(b.zip(t)), "book.xlsx"); note != `Excel workbook, sheet "Only" read` {
		t.Errorf("note %q", note)
	}
}

func TestXlsxErrors(t *testing.T) {
	row1 := `<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>`
	cases := []struct {
		name string
		b    book
		want string
	}{{
		name: "shared string out of range",
		b:    book{strings: twoStrings, sheets: [][2]string{{"Sheet1", row1 + `<row r="7"><c r="C7" t="s"><v>912</v></c></row>`}}},
		want: `book.xlsx: sheet "Sheet1", cell C7: corrupt Excel workbook: the cell names shared string 912, but the workbook has 2 (numbered from 0)`,
	}, {
		name: "shared strings part missing",
		b:    book{sheets: [][2]string{{"Sheet1", row1 + `<row r="2"><c r="A2" t="s"><v>0</v></c></row>`}}},
		want: `book.xlsx: sheet "Sheet1", cell A2: corrupt Excel workbook: the cell names shared string 0, but the workbook has 0 (numbered from 0)`,
	}, {
		name: "broken XML",
		b:    book{sheets: [][2]string{{"Sheet1", row1 + `<row r="2"><c r="A2"><v>1</c></row>`}}},
		want: `book.xlsx: corrupt Excel workbook: sheet "Sheet1" (xl/worksheets/sheet1.xml) is not well-formed XML (line 1 of the part: element <v> closed by </c>)`,
	}, {
		name: "missing sheet part",
		b:    book{sheets: [][2]string{{"Sheet1", row1}}, skip: map[string]bool{"xl/worksheets/sheet1.xml": true}},
		want: `book.xlsx: corrupt Excel workbook: sheet "Sheet1" has no part xl/worksheets/sheet1.xml`,
	}, {
		name: "not a number",
		b:    book{sheets: [][2]string{{"Sheet1", row1 + `<row r="2"><c r="A2"><v>abc</v></c></row>`}}},
		want: `book.xlsx: sheet "Sheet1", cell A2: corrupt Excel workbook: number "abc"`,
	}, {
		name: "all empty",
		b:    book{sheets: [][2]string{{"Sheet1", ``}}},
		want: `book.xlsx: an Excel workbook whose sheets are all empty (no header)`,
	}}
	for _, c := range cases {
		if _, _, err := sniffParquet(bytes.NewReader(c.b.zip(t)), "book.xlsx"); err == nil || err.Error() != c.want {
			t.Errorf("%s: error\n%v\nwant\n%s", c.name, err, c.want)
		}
	}
}

// A part that decompresses past its limit is refused, naming the file.
func TestXlsxZipBomb(t *testing.T) {
	defer func(p, s int64) { maxXlsxPart, maxXlsxSheets = p, s }(maxXlsxPart, maxXlsxSheets)
	maxXlsxPart, maxXlsxSheets = 1000, 2000
	b := book{strings: strings.Repeat("<si><t>x</t></si>", 100), sheets: [][2]string{{"Sheet1", ``}}}
	want := "book.xlsx: the Excel workbook's part xl/sharedStrings.xml decompresses to more than the limit of 1,000 bytes; is this a real workbook?"
	if err := convertErr(t, b); err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	b = book{sheets: [][2]string{{"Sheet1", strings.Repeat(`<row><c t="inlineStr"><is><t>id</t></is></c></row>`, 100)}}}
	want = "book.xlsx: the Excel workbook's sheets decompress to more than the limit of 2,000 bytes in total"
	if err := convertErr(t, b); err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
}

// Errors of the CSV reader on the converted text name the sheet and the
// Excel row (and cell), also in a later sheet read after the first.
func TestXlsxErrorsNameSheetRow(t *testing.T) {
	hdr := `<row r="1"><c r="A1" t="inlineStr"><is><t>churn</t></is></c><c r="B1" t="inlineStr"><is><t>churn</t></is></c></row>`
	b := book{sheets: [][2]string{{"Sheet1", hdr + `<row r="2"><c r="A2"><v>1</v></c></row>`}}}
	_, err := ReadCSV(bytes.NewReader(b.zip(t)), "book.xlsx", CSVOptions{})
	if want := `book.xlsx: sheet "Sheet1", cell B1: columns 1 and 2 are both named "churn" and the label is found by that name: ` +
		`which one is the label is not clear; name column 2 "churn (2)", as it is read, or give the columns different names in the header`; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
	var pe *ParseError
	if !errors.As(err, &pe) || !errors.Is(err, ErrSyntax) {
		t.Errorf("error %#v is not the CSV reader's ParseError", err)
	}
	hdr = `<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>`
	b = book{sheets: [][2]string{
		{"A", hdr + `<row r="2"><c r="A2"><v>1</v></c></row>`},
		{"B", hdr + `<row r="2"><c r="A2"><v>2</v></c></row><row r="4"><c r="A4" t="inlineStr"><is><t>` + strings.Repeat("x", MaxCellBytes+1) + `</t></is></c></row>`}}}
	// CSV line 5 is sheet B's row 4, past a blank line for its row 3.
	_, err = ReadCSV(bytes.NewReader(b.zip(t)), "book.xlsx", CSVOptions{NoLabel: true})
	if want := `book.xlsx: sheet "B", cell A4: a cell of 1,048,577 bytes: cells are limited to 1,048,576 bytes (1 MiB); is this the right file?`; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

// Not workbooks: a zip of something else and an old xls are refused as
// before.
func TestXlsxNotWorkbook(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("data.csv")
	io.WriteString(w, "a,b\n1,2\n")
	zw.Close()
	_, err := ReadCSV(bytes.NewReader(buf.Bytes()), "x.zip", CSVOptions{})
	if want := "x.zip: the file is a zip archive; extract the CSV from it first (unzip x.zip)"; err == nil || err.Error() != want {
		t.Errorf("zip: %v, want %s", err, want)
	}
	_, err = ReadCSV(io.MultiReader(bytes.NewReader(buf.Bytes())), "<stdin>", CSVOptions{})
	if want := "<stdin>: the file is a zip archive; extract the CSV on the way in (unzip -p FILE MEMBER.csv | retain …)"; err == nil || err.Error() != want {
		t.Errorf("zip stream: %v, want %s", err, want)
	}
	// A gzip-compressed workbook: the zip's directory is at its end, so it
	// is not read through gzip.
	var gz bytes.Buffer
	zw2 := gzip.NewWriter(&gz)
	zw2.Write(book{sheets: [][2]string{{"Sheet1", `<row r="1"><c r="A1"><v>1</v></c></row>`}}}.zip(t))
	zw2.Close()
	_, err = ReadCSV(bytes.NewReader(gz.Bytes()), "x.xlsx.gz", CSVOptions{})
	if want := "x.xlsx.gz: the file is a gzip-compressed zip archive (an Excel workbook?); decompress it first (gunzip -c x.xlsx.gz > x.xlsx)"; err == nil || err.Error() != want {
		t.Errorf("gzip: %v, want %s", err, want)
	}
	xls := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...)
	_, err = ReadCSV(bytes.NewReader(xls), "old.xls", CSVOptions{})
	if want := "old.xls: the file is an old Excel workbook (xls), not CSV; save the sheet as CSV (UTF-8) first"; err == nil || err.Error() != want {
		t.Errorf("xls: %v, want %s", err, want)
	}
}

// TestXlsxNamedButBinary: a file named .xlsx that holds binary bytes and is
// no zip archive used to be read as CSV and refused as "NUL and other
// binary bytes in a cell of 40 bytes: the file is binary, not CSV text",
// which left the user wondering why a workbook was read as CSV. It now
// says it is not a valid Excel workbook, as a table and as an order log.
// Text named .xlsx is still read as the CSV it is.
func TestXlsxNamedButBinary(t *testing.T) {
	junk := []byte("\x8f\x03\xa7\x00\x1b\xee\x11\x92random\x00\x07bytes,\x9c\x00\x01\xfe\n\x05\x00\xff")
	const want = "junk.xlsx: the file is not a valid Excel workbook: an xlsx file is a zip archive, and this one is not " +
		"(damaged, or another kind of file renamed); save the sheet again as xlsx or as CSV (UTF-8)"
	_, err := ReadCSV(bytes.NewReader(junk), "junk.xlsx", CSVOptions{})
	if !errors.Is(err, ErrNotText) || err == nil || err.Error() != want {
		t.Errorf("table: %v\nwant %s", err, want)
	}
	_, err = ReadOrderLog(bytes.NewReader(junk), "junk.xlsx", LogOptions{})
	if err == nil || err.Error() != want {
		t.Errorf("log: %v\nwant %s", err, want)
	}
	// The same bytes under another name: binary, as before.
	_, err = ReadCSV(bytes.NewReader(junk), "junk.csv", CSVOptions{})
	if err == nil || !strings.Contains(err.Error(), "the file is binary") {
		t.Errorf("junk.csv: %v", err)
	}
	tab, err := ReadCSV(strings.NewReader("a,churn\n1,yes\n2,no\n"), "csv.xlsx", CSVOptions{})
	if err != nil || tab.Rows != 2 {
		t.Errorf("text named .xlsx: %v", err)
	}
}

// TestOtherWorkbookKindsNamedButBroken: the workbook kinds read besides
// xlsx (macro-enabled xlsm, templates xltx and xltm: the same zip) are
// refused as xlsx is when they are not one. Binary bytes named so used to
// be "binary, not CSV text", and a zip without a workbook's parts in its
// first bytes "a zip archive; extract the CSV from it first (unzip
// u.xlsm)"; both now say what xlsx says, with the file's own kind.
func TestOtherWorkbookKindsNamedButBroken(t *testing.T) {
	junk := []byte("\x8f\x03\xa7\x00\x1b\xee\x11\x92random\x00\x07bytes,\x9c\x00\x01\xfe\n\x05\x00\xff")
	zipped := []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00word/document.xml")
	for _, ext := range []string{"xlsm", "xltx", "xltm", "XLSM"} {
		name := "u." + ext
		kind := strings.ToLower(ext)
		for _, c := range []struct {
			in   []byte
			want string
		}{
			{junk, name + ": the file is not a valid Excel workbook: an " + kind + " file is a zip archive, and this one is not " +
				"(damaged, or another kind of file renamed); save the sheet again as xlsx or as CSV (UTF-8)"},
			{zipped, name + ": the file is a zip archive that is not a readable Excel workbook (cut short, or without xl/workbook.xml); " +
				"save the sheet again as xlsx or as CSV (UTF-8)"},
		} {
			if _, err := ReadCSV(bytes.NewReader(c.in), name, CSVOptions{}); !errors.Is(err, ErrNotText) || err.Error() != c.want {
				t.Errorf("table %s: %v\nwant %s", name, err, c.want)
			}
			if _, err := ReadOrderLog(bytes.NewReader(c.in), name, LogOptions{}); err == nil || err.Error() != c.want {
				t.Errorf("log %s: %v\nwant %s", name, err, c.want)
			}
		}
	}
}

func TestXlsxDateSerials(t *testing.T) {
	// Excel's 1900 system: 1 is 1900-01-01, 59 is 1900-02-28, 60 the
	// fictitious 1900-02-29 (read as 1900-03-01), 61 is 1900-03-01;
	// 43831.5 is 2020-01-01 12:00; in a time format 0.9999999 rounds to
	// 24 hours and 1.0625 is 25 h 30 min elapsed, not a date in 1900.
	// 2958465 is 9999-12-31, the last date (2957003 in the 1904 system).
	cases := []struct {
		v    float64
		kind cellStyle
		want string
	}{
		{1, styleDate, "1900-01-01"}, {59, styleDate, "1900-02-28"}, {60, styleDate, "1900-03-01"}, {61, styleDate, "1900-03-01"},
		{43831.5, styleDate, "2020-01-01 12:00:00"}, {43831, styleDateTime, "2020-01-01 00:00:00"},
		{0.5, styleTime, "12:00:00"}, {0.9999999, styleTime, "24:00:00"}, {1.0625, styleTime, "25:30:00"},
		{2958465, styleDate, "9999-12-31"}, {2958466, styleDate, ""},
		{40513.351388888885, styleDateTime, "2010-12-01 08:26:00"},
	}
	for _, c := range cases {
		if got, _ := excelDate(c.v, false, c.kind); got != c.want {
			t.Errorf("excelDate(%v, %d) = %q, want %q", c.v, c.kind, got, c.want)
		}
	}
	for v, want := range map[float64]string{0: "1904-01-01", 2957003: "9999-12-31", 2957004: ""} {
		if got, _ := excelDate(v, true, styleDate); got != want {
			t.Errorf("1904 system: excelDate(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestXlsxFormatStyle(t *testing.T) {
	cases := map[string]cellStyle{
		"General": styleNumber, "0.00": styleNumber, "#,##0": styleNumber, "0%": styleNumber, "0.00E+00": styleNumber,
		`#,##0.00\ "kg"`: styleNumber, `[Red]0.00`: styleNumber, `"day "0`: styleNumber,
		"yyyy-mm-dd": styleDate, "d/m/yyyy": styleDate, "mmm-yy": styleDate, `[$-409]dddd, mmmm d, yyyy`: styleDate,
		"yyyy-mm-dd h:mm:ss": styleDateTime, "m/d/yyyy h:mm": styleDateTime,
		"h:mm:ss": styleTime, "[h]:mm": styleTime, "mm:ss": styleTime, `[$-409]h:mm:ss\ AM/PM;@`: styleTime,
	}
	for code, want := range cases {
		if got := formatStyle(code); got != want {
			t.Errorf("formatStyle(%q) = %d, want %d", code, got, want)
		}
	}
}

// BenchmarkReadXlsx converts a 20,000-row workbook of an Online Retail
// shape (inline strings, shared strings, dates, prices) and reads it as an
// order log. XLSX_BENCH names a workbook file to read instead.
func BenchmarkReadXlsx(b *testing.B) {
	var raw []byte
	if path := os.Getenv("XLSX_BENCH"); path != "" {
		var err error
		if raw, err = os.ReadFile(path); err != nil {
			b.Fatal(err)
		}
	} else {
		var rows strings.Builder
		rows.WriteString(`<row r="1">`)
		for i, h := range []string{"Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID", "Country"} {
			fmt.Fprintf(&rows, `<c r="%c1" t="inlineStr"><is><t>%s</t></is></c>`, 'A'+i, h)
		}
		rows.WriteString(`</row>`)
		for i := 2; i <= 20001; i++ {
			fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>%d</t></is></c><c r="B%d" t="s"><v>%d</v></c><c r="C%d" t="s"><v>%d</v></c>`+
				`<c r="D%d"><v>%d</v></c><c r="E%d" s="3"><v>%.8f</v></c><c r="F%d"><v>%.2f</v></c><c r="G%d"><v>%d</v></c><c r="H%d" t="s"><v>0</v></c></row>`,
				i, i, 536365+i/20, i, 1+i%2, i, 1+i%2, i, 1+i%24, i, 40513.35+float64(i)/100, i, 0.5+float64(i%40)/10, i, 12000+i/20%500, i)
		}
		bk := book{strings: `<si><t>United Kingdom</t></si><si><t>85123A</t></si><si><t>WHITE HANGING HEART T-LIGHT HOLDER</t></si>`,
			styles: dateStyles, sheets: [][2]string{{"Sheet1", rows.String()}}}
		raw = bk.zip(b)
	}
	// The same rows as the CSV text the workbook becomes, read by the same
	// reader: what converting the workbook costs on top.
	text, _ := convertedText(b, bytes.NewReader(raw), "bench.xlsx")
	for _, in := range []struct {
		name string
		raw  []byte
	}{{"xlsx", raw}, {"csv", []byte(text)}} {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.raw)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ReadOrderLog(bytes.NewReader(in.raw), "bench."+in.name, LogOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// A log whose header is on row 3 (rows 1 and 2 empty) is read as CSV, and
// its errors name the Excel row.
func TestXlsxLogHeaderBelowEmptyRows(t *testing.T) {
	cell := func(ref, s string) string { return `<c r="` + ref + `" t="inlineStr"><is><t>` + s + `</t></is></c>` }
	rows := `<row r="3">` + cell("A3", "customer_id") + cell("B3", "date") + cell("C3", "amount") + `</row>`
	for i := 4; i < 10; i++ {
		rows += fmt.Sprintf(`<row r="%d">%s%s<c r="C%d"><v>%d.5</v></c></row>`, i, cell(fmt.Sprintf("A%d", i), fmt.Sprintf("c%d", i%3)),
			cell(fmt.Sprintf("B%d", i), fmt.Sprintf("2024-01-0%d", i)), i, i)
	}
	b := book{sheets: [][2]string{{"Log", rows}}}
	log, err := ReadOrderLog(bytes.NewReader(b.zip(t)), "log.xlsx", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if log.Lines != 6 || len(log.Customers) != 3 || log.Columns.Amount != "amount" {
		t.Errorf("lines %d, customers %v, columns %+v", log.Lines, log.Customers, log.Columns)
	}
	b.sheets[0][1] = strings.Replace(rows, "2024-01-07", "yesterday", 1)
	_, err = ReadOrderLog(bytes.NewReader(b.zip(t)), "log.xlsx", LogOptions{})
	if err == nil || !strings.HasPrefix(err.Error(), `log.xlsx: sheet "Log", cell B7: `) {
		t.Errorf("error %v, want one at cell B7", err)
	}
}

// FuzzReadXlsx reads workbooks built around fuzzed sheet, shared-string
// and style XML: any error is fine, a panic is not.
func FuzzReadXlsx(f *testing.F) {
	f.Add(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>x</t></is></c></row><row r="2"><c r="A2" s="1"><v>40513.5</v></c><c r="B2" t="b"><v>1</v></c></row>`,
		twoStrings, dateStyles)
	f.Add(`<row><c><v>1E+400</v></c></row><row r="1048577"><c r="XFE1"/></row>`, `<si><r><t>a</t></r>`, `<cellXfs><xf numFmtId="164"/></cellXfs><numFmts><numFmt numFmtId="164" formatCode="[h]:mm"/></numFmts>`)
	f.Fuzz(func(t *testing.T, sheet, strs, styles string) {
		b := book{strings: strs, styles: styles, sheets: [][2]string{{"S", sheet}, {"T", sheet}}}
		raw := b.zip(t)
		if _, err := ReadCSV(bytes.NewReader(raw), "f.xlsx", CSVOptions{NoLabel: true}); err == nil {
			return
		}
		ReadOrderLog(bytes.NewReader(raw), "f.xlsx", LogOptions{})
	})
}

// Columns with nothing in them are not written: a header cell in column
// XFD over rows of one cell in column A makes two columns of text, not
// 16,384. Text that still grows far beyond its XML (a diagonal of cells,
// each in its own column and row) is refused.
func TestXlsxPaddingBomb(t *testing.T) {
	rows := `<row r="1"><c r="XFD1" t="inlineStr"><is><t>wide</t></is></c></row>` + strings.Repeat(`<row><c><v>1</v></c></row>`, 100)
	text, _ := convertedText(t, bytes.NewReader(book{sheets: [][2]string{{"Sheet1", rows}}}.zip(t)), "book.xlsx")
	if want := ",wide\n" + strings.Repeat("1,\n", 100); text != want {
		t.Errorf("CSV text %q, want %q", text, want)
	}
	defer func(p int64) { maxXlsxPadding = p }(maxXlsxPadding)
	maxXlsxPadding = 1000
	var b strings.Builder
	b.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>`)
	for r := 2; r <= 2000; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="%s%d"><v>1</v></c></row>`, r, columnName(r), r)
	}
	err := convertErr(t, book{sheets: [][2]string{{"Sheet1", b.String()}}})
	// The first pass writes the header's one column; the second the 2,000
	// that hold a cell, 2,000 bytes a row.
	if want := "padded to 2,000 columns); is this a real workbook?"; !strings.HasSuffix(err.Error(), want) ||
		!strings.HasPrefix(err.Error(), "book.xlsx: the Excel workbook's sheets make more than ") {
		t.Errorf("error %q, want it to end %q", err, want)
	}
}

// chunkText reads back what was written, across chunk boundaries, by Read
// and by ReadAt.
func TestXlsxChunkText(t *testing.T) {
	var c chunkText
	var want bytes.Buffer
	for i := 0; want.Len() < 2*textChunk+1000; i++ {
		s := fmt.Sprintf("line %d,%s\n", i, strings.Repeat("x", i%5000))
		c.writeString(s)
		c.writeByte('\n')
		want.WriteString(s)
		want.WriteByte('\n')
	}
	got, err := io.ReadAll(&c)
	if err != nil || !bytes.Equal(got, want.Bytes()) || c.Size() != int64(want.Len()) {
		t.Fatalf("read %d bytes (err %v), want %d", len(got), err, want.Len())
	}
	p := make([]byte, 100)
	off := int64(textChunk - 50)
	if n, err := c.ReadAt(p, off); n != 100 || err != nil || !bytes.Equal(p, want.Bytes()[off:off+100]) {
		t.Errorf("ReadAt across a chunk: %d, %v", n, err)
	}
	if n, err := c.ReadAt(p, c.Size()-10); n != 10 || err != io.EOF {
		t.Errorf("ReadAt at the end: %d, %v", n, err)
	}
}

// The note on the order of dates written with the year last names the
// sheet and row of the date that showed it, in a later sheet too.
func TestXlsxDateOrderNoteNamesRow(t *testing.T) {
	cell := func(ref, s string) string { return `<c r="` + ref + `" t="inlineStr"><is><t>` + s + `</t></is></c>` }
	hdr := `<row r="1">` + cell("A1", "customer_id") + cell("B1", "date") + cell("C1", "amount") + `</row>`
	line := func(r int, cust, date string) string {
		return fmt.Sprintf(`<row r="%d">%s%s<c r="C%d"><v>5</v></c></row>`, r, cell(fmt.Sprintf("A%d", r), cust), cell(fmt.Sprintf("B%d", r), date), r)
	}
	b := book{sheets: [][2]string{
		{"A", hdr + line(2, "c1", "01/02/2019 10:00") + line(3, "c2", "02/03/2019 10:00")},
		{"B", hdr + line(2, "c1", "03/04/2019 10:00") + line(4, "c2", "01/13/2019 10:00")}}}
	log, err := ReadOrderLog(bytes.NewReader(b.zip(t)), "log.xlsx", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// CSV line 6 is sheet B's row 4: line 4 is its row 2, line 5 the blank
	// line for its absent row 3.
	want := `dates written with the year last read month first (month/day/year), as "01/13/2019 10:00" at row 4 of sheet "B" shows`
	if got := log.DateNote(); got != want {
		t.Errorf("date note %q, want %q", got, want)
	}
}

// A conditional format's number format (dxfs) that reuses a custom id does
// not change the cells' own format: 40513 in "0.00" stays a number.
func TestXlsxConditionalFormatKeepsTheCellFormat(t *testing.T) {
	styles := `<numFmts count="1"><numFmt numFmtId="164" formatCode="0.00"/></numFmts>` +
		`<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs>` +
		`<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></dxf></dxfs>`
	rows := `<row r="1"><c r="A1" t="inlineStr"><is><t>n</t></is></c></row><row r="2"><c r="A2" s="1"><v>40513</v></c></row>`
	got, _ := convertedText(t, bytes.NewReader(book{styles: styles, sheets: [][2]string{{"S", rows}}}.zip(t)), "book.xlsx")
	if got != "n\n40513\n" {
		t.Errorf("CSV text %q, want %q", got, "n\n40513\n")
	}
}

// A hidden sheet (a backup copy with the same header, here) is not read,
// and the note names it; a workbook whose every sheet is hidden is read.
func TestXlsxHiddenSheets(t *testing.T) {
	rows := `<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>`
	b := book{sheets: [][2]string{{"Data", rows}, {"Backup", rows}}, hidden: map[string]bool{"Backup": true}}
	text, note := convertedText(t, bytes.NewReader(b.zip(t)), "book.xlsx")
	if want := `Excel workbook, sheet "Data" read; hidden sheet "Backup" was not read`; text != "a\n1\n" || note != want {
		t.Errorf("text %q, note %q; want %q, %q", text, note, "a\n1\n", want)
	}
	b.hidden["Data"] = true
	text, note = convertedText(t, bytes.NewReader(b.zip(t)), "book.xlsx")
	if want := `Excel workbook, sheets "Data" and "Backup" read one after the other (same columns)`; text != "a\n1\n1\n" || note != want {
		t.Errorf("all hidden: text %q, note %q; want %q, %q", text, note, "a\n1\n1\n", want)
	}
}

// One-cell rows above a header of three or more cells are a report's
// title and date line, left out (blank lines keep line N at row N); a
// one-column table, or one cell above a two-cell row, is read as it is.
func TestXlsxTitleRowsAboveTheHeader(t *testing.T) {
	str := func(ref, v string) string { return `<c r="` + ref + `" t="inlineStr"><is><t>` + v + `</t></is></c>` }
	cases := []struct {
		name, rows, text, note string
	}{{
		name: "title and date line",
		rows: `<row r="1">` + str("A1", "Sales report 2023") + `</row><row r="2">` + str("B2", "Exported 2023-05-01") + `</row>` +
			`<row r="4">` + str("A4", "a") + str("B4", "b") + str("C4", "c") + `</row><row r="5"><c r="A5"><v>1</v></c><c r="B5"><v>2</v></c><c r="C5"><v>3</v></c></row>`,
		text: "\n\n\na,b,c\n1,2,3\n",
		note: `Excel workbook, sheet "S" read; the rows above the header, "Sales report 2023" and "Exported 2023-05-01", were read as titles and left out`,
	}, {
		name: "one column",
		rows: `<row r="1">` + str("A1", "id") + `</row><row r="2"><c r="A2"><v>1</v></c></row><row r="3"><c r="A3"><v>2</v></c></row>`,
		text: "id\n1\n2\n",
		note: `Excel workbook, sheet "S" read`,
	}, {
		name: "one cell above two",
		rows: `<row r="1">` + str("A1", "id") + `</row><row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>`,
		text: "id,\n1,2\n",
		note: `Excel workbook, sheet "S" read`,
	}}
	for _, c := range cases {
		text, note := convertedText(t, bytes.NewReader(book{sheets: [][2]string{{"S", c.rows}}}.zip(t)), "book.xlsx")
		if text != c.text || note != c.note {
			t.Errorf("%s: text %q, note %q; want %q, %q", c.name, text, note, c.text, c.note)
		}
	}
}
