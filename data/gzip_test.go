package data

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func gzipped(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// tableOf is enough of a table to compare two readings of it.
func tableOf(tab *Table) string {
	var b strings.Builder
	fmt.Fprintf(&b, "rows %d label %s %v\n", tab.Rows, tab.Label.Name, tab.Label.Values)
	for _, c := range tab.Columns {
		fmt.Fprintf(&b, "%s %v %v %v\n", c.Name, c.Kind, c.Values, c.Strings)
	}
	return b.String()
}

// A gzip file is read as the text it holds, whatever its name, in the
// parallel blocks too (blockSize forces many), and on a stream.
func TestGzipTablesAreReadAsTheirText(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,age,plan,churn\n")
	for i := range 2500 {
		fmt.Fprintf(&b, "%d,%d,%s,%s\n", i, 20+i%50, []string{"basic", "pro"}[i%2], []string{"yes", "no", "no"}[i%3])
	}
	defer func(n int) { blockSize = n }(blockSize)
	blockSize = 4096
	plain, err := ReadCSV(strings.NewReader(b.String()), "u.csv", CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"u.csv.gz", "u.csv", "<stdin>"} {
		got, err := ReadCSV(bytes.NewReader(gzipped(t, b.String())), name, CSVOptions{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if tableOf(got) != tableOf(plain) {
			t.Errorf("%s: the gzip file reads differently from its text", name)
		}
	}
}

// Order logs, CSV and whitespace-separated, read through gzip alike.
func TestGzipOrderLogsAreReadAsTheirText(t *testing.T) {
	for _, in := range []string{
		"customer,date,amount\nA,2023-01-02,5\nB,2023-01-03,7\nA,2023-02-01,2.5\n",
		"00001 19970101 1 11.77\n00002 19970102 2 5\n00001 19970301 1 3\n",
	} {
		plain, err := ReadOrderLog(strings.NewReader(in), "log.csv", LogOptions{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := ReadOrderLog(bytes.NewReader(gzipped(t, in)), "log.csv.gz", LogOptions{})
		if err != nil {
			t.Fatal(err)
		}
		got.Name = plain.Name
		if !reflect.DeepEqual(got.Orders, plain.Orders) || !reflect.DeepEqual(got.Customers, plain.Customers) {
			t.Errorf("gzip log reads\n %v %v\nwant %v %v", got.Customers, got.Orders, plain.Customers, plain.Orders)
		}
	}
}

// A truncated or corrupt gzip file is refused, naming the line where its
// data broke off, and never read as a shorter file.
func TestTruncatedGzipIsRefusedWithTheLine(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,age,churn\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "%d,%d,%s\n", i, 20+(i*7919)%60, []string{"yes", "no"}[i%2])
	}
	z := gzipped(t, b.String())
	cut := z[:len(z)*2/3]
	for _, bs := range []int{1 << 20, 4096} {
		blockSize = bs
		_, err := ReadCSV(bytes.NewReader(cut), "u.csv.gz", CSVOptions{})
		blockSize = 1 << 20
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Line < 2 || pe.Line > 3001 || !errors.Is(err, ErrNotText) ||
			!strings.HasSuffix(err.Error(), ": the compressed data ends early, within this line: the gzip file is truncated; copy it again (gzip -t checks a copy)") {
			t.Errorf("block size %d: error %v", bs, err)
		}
	}
	// The whole data with its last byte flipped fails the checksum.
	bad := bytes.Clone(z)
	bad[len(bad)-5] ^= 0xFF
	_, err := ReadOrderLog(bytes.NewReader(gzipped(t, "customer,date\nA,2023-01-02\n")[:12]), "log.gz", LogOptions{})
	if want := "log.gz:1: the compressed data ends early, within this line: the gzip file is truncated; copy it again (gzip -t checks a copy)"; err == nil || err.Error() != want {
		t.Errorf("log cut after its header: error\n got %v\nwant %s", err, want)
	}
	_, err = ReadCSV(bytes.NewReader(bad), "u.csv.gz", CSVOptions{})
	if want := "u.csv.gz:3002: the compressed data is corrupt (gzip: invalid checksum); copy it again (gzip -t checks a copy)"; err == nil || err.Error() != want {
		t.Errorf("bad checksum: error\n got %v\nwant %s", err, want)
	}
	_, err = ReadCSV(bytes.NewReader([]byte("\x1f\x8b\x08\x00\x00\x00")), "u.csv.gz", CSVOptions{})
	if want := "u.csv.gz: the compressed data ends early: the gzip file is truncated; copy it again (gzip -t checks a copy)"; err == nil || err.Error() != want {
		t.Errorf("cut header: error\n got %v\nwant %s", err, want)
	}
}

// What is inside the gzip is checked as the file itself would be.
func TestGzipOfTextNotInUTF8(t *testing.T) {
	_, err := ReadCSV(bytes.NewReader(gzipped(t, "id,city,churn\n1,S\xe3o Paulo,no\n")), "br.csv.gz", CSVOptions{})
	want := `br.csv.gz:2:2: the cell "S\xe3o Paulo" is not UTF-8 (byte 0xE3 at its byte 2); its bytes read as Latin-1 / Windows-1252 text; ` +
		"convert it to UTF-8 first (gunzip -c br.csv.gz | iconv -f WINDOWS-1252 -t UTF-8 > br.csv)"
	if err == nil || err.Error() != want {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
	_, err = ReadCSV(bytes.NewReader(gzipped(t, "PAR1....")), "t.gz", CSVOptions{})
	want = "t.gz: the file is a gzip-compressed Parquet file; decompress it first (gunzip -c t.gz > t)"
	if err == nil || err.Error() != want {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
}
