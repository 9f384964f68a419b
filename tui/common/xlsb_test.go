package common

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"

	"github.com/retainlab/retain/experiment"
)

// TestErrorTextOfABinaryWorkbook: an Excel binary workbook (xlsb) opened
// as a table or as an order log is refused naming the file, the kind that
// is not supported and how to convert it, in both languages (the Chinese
// does not call it "not UTF-8 text").
func TestErrorTextOfABinaryWorkbook(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range []string{"[Content_Types].xml", "xl/workbook.bin", "xl/worksheets/sheet1.bin"} {
		w, _ := zw.Create(part)
		io.WriteString(w, "\x83\x01\x00")
	}
	zw.Close()
	open := func(string) (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(buf.Bytes())), nil }
	want := map[string]string{
		"en": "sales.xlsb: the file is an Excel binary workbook (.xlsb), which is not supported: " +
			"open it in Excel and save it as an Excel workbook (.xlsx) or as CSV (UTF-8)",
		"zh": "sales.xlsb：这是 Excel 二进制工作簿（.xlsb），不受支持：请在 Excel 中打开它，另存为 Excel 工作簿（.xlsx）或 CSV（UTF-8）",
	}
	for _, kind := range []string{"csv", "log"} {
		_, err := experiment.Load(experiment.Source{Kind: kind, Path: "sales.xlsb"}, open)
		if err == nil {
			t.Fatalf("%s: loaded", kind)
		}
		for lang, w := range want {
			if got := (Common{Lang: lang}).ErrorText(err); got != w {
				t.Errorf("%s, %s:\n got %q\nwant %q", kind, lang, got, w)
			}
		}
	}
}
