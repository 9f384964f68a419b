package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompletedGzipExtensionsAreRead: each gzip-compressed extension the
// shell completes a log with (inputFileExts) names a file the readers
// take: cohortsLog written as CSV, tab-separated and in whitespace
// columns, compressed, gives cohorts the same table as the plain CSV.
func TestCompletedGzipExtensionsAreRead(t *testing.T) {
	plain := newCLI(t)
	if code := plain.run(context.Background(), "cohorts", "--log", writeFile(t, "orders.csv", cohortsLog)); code != exitOK {
		t.Fatalf("plain CSV: exit %d, stderr %q", code, plain.stderr.String())
	}
	texts := map[string]string{
		"csv.gz": cohortsLog,
		"tsv.gz": strings.ReplaceAll(cohortsLog, ",", "\t"),
		"txt.gz": strings.ReplaceAll(cohortsLog, ",", "  "),
	}
	var offered []string
	for _, ext := range inputFileExts() {
		if strings.HasSuffix(ext, ".gz") {
			offered = append(offered, ext)
		}
	}
	if len(offered) != len(texts) {
		t.Fatalf("gzip extensions offered %v, want those of %v", offered, texts)
	}
	for _, ext := range offered {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		if _, err := zw.Write([]byte(texts[ext])); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "orders."+ext)
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		c := newCLI(t)
		if code := c.run(context.Background(), "cohorts", "--log", path); code != exitOK {
			t.Errorf("%s: exit %d, stderr %q", ext, code, c.stderr.String())
			continue
		}
		if c.stdout.String() != plain.stdout.String() {
			t.Errorf("%s: table\n%s\nwant that of the plain CSV\n%s", ext, c.stdout, plain.stdout)
		}
	}
}

// TestCompletionOffersNothingTheReadersRefuse: no extension offered is
// one the readers refuse: a binary or old Excel workbook, a zip, or a
// Parquet file or workbook inside gzip (read from its end).
func TestCompletionOffersNothingTheReadersRefuse(t *testing.T) {
	for _, ext := range inputFileExts() {
		switch ext {
		case "xlsb", "xls", "zip", "gz", "parquet.gz", "xlsx.gz":
			t.Errorf("completion offers %q, which the readers refuse", ext)
		}
	}
}
