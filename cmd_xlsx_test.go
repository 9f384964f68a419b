package main

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeXlsx writes a minimal workbook, as Excel lays one out (inline
// strings, numbers, the built-in date format 14 as style 1), with sheets
// of rows: each cell a string, a float64 (a number) or a dateSerial.
func writeXlsx(t *testing.T, path string, sheets map[string][][]any, order []string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	put := func(name, text string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, text)
	}
	var names, rels strings.Builder
	for i, name := range order {
		fmt.Fprintf(&names, `<sheet name=%q sheetId="%d" r:id="rId%d"/>`, name, i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
	}
	put("[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`)
	put("xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>`+names.String()+`</sheets></workbook>`)
	put("xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels.String()+`</Relationships>`)
	put("xl/styles.xml", `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`)
	for i, name := range order {
		var b strings.Builder
		b.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
		for r, row := range sheets[name] {
			fmt.Fprintf(&b, `<row r="%d">`, r+1)
			for c, v := range row {
				ref := fmt.Sprintf("%c%d", 'A'+c, r+1)
				switch v := v.(type) {
				case string:
					fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, v)
				case float64:
					fmt.Fprintf(&b, `<c r="%s"><v>%v</v></c>`, ref, v)
				case dateSerial:
					fmt.Fprintf(&b, `<c r="%s" s="1"><v>%d</v></c>`, ref, v)
				}
			}
			b.WriteString(`</row>`)
		}
		b.WriteString(`</sheetData></worksheet>`)
		put(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), b.String())
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

type dateSerial int

// train --data reads a workbook of two sheets with the same columns as
// one table, and says so on stderr.
func TestXlsxTrainData(t *testing.T) {
	header := []any{"user_id", "signup", "visits", "plan", "churned"}
	sheets := map[string][][]any{"2023": {header}, "2024": {header}}
	for i := range 400 {
		sheet := "2023"
		if i >= 200 {
			sheet = "2024"
		}
		visits := float64((i * 37) % 23)
		plan := []string{"basic", "pro", "team"}[i%3]
		churned := "no"
		if visits < 8 || plan == "basic" && i%5 == 0 {
			churned = "yes"
		}
		// Serial 44927 is 2023-01-01.
		sheets[sheet] = append(sheets[sheet], []any{fmt.Sprintf("u%04d", i), dateSerial(44927 + i), visits, plan, churned})
	}
	path := filepath.Join(t.TempDir(), "users.xlsx")
	writeXlsx(t, path, sheets, []string{"2023", "2024"})
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--data", path, "--epochs", "2"); code != exitOK {
		t.Fatalf("exit %d; stderr %s", code, c.stderr.String())
	}
	want := "note: " + path + `: Excel workbook, sheets "2023" and "2024" read one after the other (same columns)` + "\n"
	if !strings.Contains(c.stderr.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, c.stderr.String())
	}
	// The dates are read as dates (serials 44927…45326 in format 14) and
	// both sheets' rows are trained on.
	for _, want := range []string{
		`column "signup": dates from 2023-01-01 to 2024-02-04, used as days before the training rows' latest date`,
		": 360 train, 40 validation, 0 test rows (a random split, stratified by the label, seed 1)\n",
	} {
		if !strings.Contains(c.stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, c.stderr.String())
		}
	}
}

// TestXlsxThatIsNoWorkbookSaysSo: a file named .xlsx holding binary bytes
// that are no zip archive (a damaged download, another file renamed) is
// refused as no valid Excel workbook, exit 2, not as "binary, not CSV
// text"; so is one named .xlsm, the macro-enabled kind of the same zip,
// which was still "binary, not CSV text".
func TestXlsxThatIsNoWorkbookSaysSo(t *testing.T) {
	for _, kind := range []string{"xlsx", "xlsm"} {
		path := filepath.Join(t.TempDir(), "users."+kind)
		if err := os.WriteFile(path, []byte("\x8f\x03\xa7\x00\x1b\xee\x11\x92random\x00\x07bytes\x9c\x00\x01\xfe\n\x05\x00\xff"), 0o600); err != nil {
			t.Fatal(err)
		}
		want := "retain: " + path + ": the file is not a valid Excel workbook: an " + kind + " file is a zip archive, and this one is not " +
			"(damaged, or another kind of file renamed); save the sheet again as xlsx or as CSV (UTF-8)\n"
		mustRefuse(t, []string{"train", "--data", path}, want)
		mustRefuse(t, []string{"train", "--log", path}, want)
	}
}

// TestBinaryWorkbookIsRefusedByName: an Excel binary workbook (xlsb: a
// zip whose workbook part is xl/workbook.bin) is refused, exit 2, naming
// the file and the kind that is not supported and saying how to convert
// it, by every command that reads a table or a log (it was "a zip archive
// that is not a readable Excel workbook (cut short, or without
// xl/workbook.xml)").
func TestBinaryWorkbookIsRefusedByName(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range []string{"[Content_Types].xml", "xl/workbook.bin", "xl/worksheets/sheet1.bin"} {
		w, _ := zw.Create(part)
		io.WriteString(w, "\x83\x01\x00")
	}
	zw.Close()
	path := filepath.Join(t.TempDir(), "sales.xlsb")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	want := "retain: " + path + ": the file is an Excel binary workbook (.xlsb), which is not supported: " +
		"open it in Excel and save it as an Excel workbook (.xlsx) or as CSV (UTF-8)\n"
	for _, args := range [][]string{{"train", "--data", path}, {"train", "--log", path}, {"recommend", "--log", path}, {"cohorts", "--log", path}} {
		mustRefuse(t, args, want)
	}
}
