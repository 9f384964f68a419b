package data

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

// xlsbBytes is the skeleton of an Excel binary workbook: a zip whose
// workbook part is xl/workbook.bin (its records are not decoded, so any
// bytes do).
func xlsbBytes(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.bin", "xl/worksheets/sheet1.bin"} {
		w, err := zw.Create(part)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, "\x83\x01\x00\x80\x01\x00")
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestBinaryWorkbookIsRefusedAsSuch: an Excel binary workbook (xlsb) used
// to be refused as "a zip archive that is not a readable Excel workbook
// (cut short, or without xl/workbook.xml)", which said neither what it is
// nor that the kind is not read. It is now named, as a table and as an
// order log, from a file and from a stream, whatever its name; a zip cut
// short is known by its name. Text named .xlsb is read as the CSV it is.
func TestBinaryWorkbookIsRefusedAsSuch(t *testing.T) {
	book := xlsbBytes(t)
	const advice = ": the file is an Excel binary workbook (.xlsb), which is not supported: " +
		"open it in Excel and save it as an Excel workbook (.xlsx) or as CSV (UTF-8)"
	for _, c := range []struct {
		name string
		in   func() io.Reader
	}{
		{"sales.xlsb", func() io.Reader { return bytes.NewReader(book) }},
		{"SALES.XLSB", func() io.Reader { return bytes.NewReader(book) }},
		{"<stdin>", func() io.Reader { return io.MultiReader(bytes.NewReader(book)) }}, // a stream: no ReaderAt
		{"sales.zip", func() io.Reader { return bytes.NewReader(book) }},               // known by its content
		{"cut.xlsb", func() io.Reader { return bytes.NewReader(book[:40]) }},           // known by its name
	} {
		want := c.name + advice
		_, err := ReadCSV(c.in(), c.name, CSVOptions{})
		var pe *ParseError
		if err == nil || err.Error() != want || !errors.Is(err, ErrNotText) || !errors.As(err, &pe) || pe.Facts != (BinaryWorkbook{}) {
			t.Errorf("table %s: %v\nwant %s", c.name, err, want)
		}
		if _, err := ReadOrderLog(c.in(), c.name, LogOptions{}); err == nil || err.Error() != want {
			t.Errorf("log %s: %v\nwant %s", c.name, err, want)
		}
	}
	tab, err := ReadCSV(strings.NewReader("a,churn\n1,yes\n2,no\n"), "text.xlsb", CSVOptions{})
	if err != nil || tab.Rows != 2 {
		t.Errorf("text named .xlsb: %v", err)
	}
}
