package data

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf16"
)

// utf16LE encodes s as UTF-16 little-endian, optionally after a BOM.
func utf16LE(s string, bom bool) []byte {
	var out []byte
	if bom {
		out = append(out, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func TestReadersNameFilesThatAreNotText(t *testing.T) {
	table := "age,churn\n30,yes\n40,no\n"
	be := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(table)) {
		be = append(be, byte(u>>8), byte(u))
	}
	cases := []struct {
		name, file string
		in         []byte
		want       string
	}{
		// gzip is read (gzip_test.go); a truncated one is refused.
		{"gzip", "orders.csv", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcb\xcc"),
			"orders.csv:1: the compressed data ends early, within this line: the gzip file is truncated; copy it again (gzip -t checks a copy)"},
		{"gzip named .gz", "orders.csv.gz", []byte("\x1f\x8b\x08\x00\x00\x00"),
			"orders.csv.gz: the compressed data ends early: the gzip file is truncated; copy it again (gzip -t checks a copy)"},
		{"zip", "orders.csv", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00orders.csv"),
			"orders.csv: the file is a zip archive; extract the CSV from it first (unzip orders.csv)"},
		{"xlsx", "users.xlsx", []byte("PK\x03\x04\x14\x00\x06\x00\x08\x00[Content_Types].xml"),
			"users.xlsx: the file is a zip archive that is not a readable Excel workbook (cut short, or without xl/workbook.xml); save the sheet again as xlsx or as CSV (UTF-8)"},
		{"utf-16le bom", "u.csv", utf16LE(table, true),
			"u.csv: the file is UTF-16LE text (with a byte-order mark); convert it to UTF-8 first (iconv -f UTF-16LE -t UTF-8 u.csv > u-utf8.csv)"},
		{"utf-16be bom", "u.csv", be,
			"u.csv: the file is UTF-16BE text (with a byte-order mark); convert it to UTF-8 first (iconv -f UTF-16BE -t UTF-8 u.csv > u-utf8.csv)"},
		{"utf-16le no bom", "u.csv", utf16LE(table, false),
			"u.csv: the file is UTF-16LE text (without a byte-order mark); convert it to UTF-8 first (iconv -f UTF-16LE -t UTF-8 u.csv > u-utf8.csv)"},
	}
	for _, c := range cases {
		_, err := ReadCSV(bytes.NewReader(c.in), c.file, CSVOptions{})
		if err == nil || err.Error() != c.want || !errors.Is(err, ErrNotText) {
			t.Errorf("%s: ReadCSV error\n got %v\nwant %s", c.name, err, c.want)
		}
		_, err = ReadOrderLog(bytes.NewReader(c.in), c.file, LogOptions{})
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: ReadOrderLog error\n got %v\nwant %s", c.name, err, c.want)
		}
	}
}

// TestStreamsThatAreNotTextGetPipelineAdvice: standard input ("<stdin>")
// has no file name to put in a command, so the advice converts it on the
// way in.
func TestStreamsThatAreNotTextGetPipelineAdvice(t *testing.T) {
	cases := []struct {
		name string
		in   []byte
		want string
	}{
		{"gzip", []byte("\x1f\x8b\x08\x00\x00\x00"),
			"<stdin>: the compressed data ends early: the gzip file is truncated; copy it again (gzip -t checks a copy)"},
		{"zip", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00orders.csv"),
			"<stdin>: the file is a zip archive; extract the CSV on the way in (unzip -p FILE MEMBER.csv | retain …)"},
		{"utf-16le", utf16LE("age,churn\n30,yes\n", true),
			"<stdin>: the file is UTF-16LE text (with a byte-order mark); convert it on the way in (iconv -f UTF-16LE -t UTF-8 FILE | retain …)"},
		{"utf-16le no bom", utf16LE("age,churn\n30,yes\n", false),
			"<stdin>: the file is UTF-16LE text (without a byte-order mark); convert it on the way in (iconv -f UTF-16LE -t UTF-8 FILE | retain …)"},
	}
	for _, c := range cases {
		_, err := ReadCSV(bytes.NewReader(c.in), "<stdin>", CSVOptions{})
		if err == nil || err.Error() != c.want || !errors.Is(err, ErrNotText) {
			t.Errorf("%s: ReadCSV error\n got %v\nwant %s", c.name, err, c.want)
		}
		_, err = ReadOrderLog(bytes.NewReader(c.in), "<stdin>", LogOptions{})
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: ReadOrderLog error\n got %v\nwant %s", c.name, err, c.want)
		}
	}
}

func TestNULByteInACellIsAnError(t *testing.T) {
	in := "age,plan,churn\n30,a,yes\n4\x000,b,no\n"
	_, err := readString(in, CSVOptions{})
	want := `t.csv:3:1: NUL byte in the cell "4\x000": the file is binary or not UTF-8 text`
	if err == nil || err.Error() != want || !errors.Is(err, ErrNotText) {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
	// In a text column and after the sample alike.
	_, err = readString("age,plan,churn\n30,a,yes\n40,\"b\x00\",no\n", CSVOptions{InferRows: 1})
	want = `t.csv:3:2: NUL byte in the cell "b\x00": the file is binary or not UTF-8 text`
	if err == nil || err.Error() != want {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
	// A cell of binary bytes is measured, not quoted byte by byte.
	_, err = readString("age,plan,churn\n30,a,yes\n40,\x9e\x02\x00\xff\x01,no\n", CSVOptions{})
	want = `t.csv:3:2: NUL and other binary bytes in a cell of 5 bytes: the file is binary, not CSV text`
	if err == nil || err.Error() != want || !errors.Is(err, ErrNotText) {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
}

func TestOversizedCellIsRefusedWithItsSize(t *testing.T) {
	big := strings.Repeat("x", 3<<20)
	head := "id,note,churn\n1,a,yes\n"
	cases := []struct {
		name, in string
		opts     CSVOptions
		want     string
	}{
		{"in the sample", head + "2," + big + ",no\n3,c,no\n", CSVOptions{},
			"t.csv:3:2: a cell of 3,145,728 bytes: cells are limited to 1,048,576 bytes (1 MiB); is this the right file?"},
		{"quoted over lines", head + "2,\"" + big[:1<<20] + "\n" + big[:1<<20] + "\",no\n", CSVOptions{},
			"t.csv:3:2: a cell of 2,097,153 bytes: cells are limited to 1,048,576 bytes (1 MiB); is this the right file?"},
		{"after the sample", head + "2,b,no\n3," + big + ",no\n", CSVOptions{InferRows: 1},
			"t.csv:4:2: a cell of 3,145,728 bytes: cells are limited to 1,048,576 bytes (1 MiB); is this the right file?"},
		{"last cell, no newline", head + "2,b," + big, CSVOptions{InferRows: 1},
			"t.csv:3:3: a cell of 3,145,728 bytes: cells are limited to 1,048,576 bytes (1 MiB); is this the right file?"},
	}
	for _, c := range cases {
		_, err := readString(c.in, c.opts)
		if err == nil || err.Error() != c.want || !errors.Is(err, ErrNotText) {
			t.Errorf("%s: error\n got %v\nwant %s", c.name, err, c.want)
		}
	}
	// A long line of ordinary cells is fine.
	wide := "a," + strings.Repeat("x", 900<<10) + ",yes\nb,y,no\n"
	if _, err := readString("id,note,churn\n"+wide, CSVOptions{}); err != nil {
		t.Errorf("900 KiB cell: %v", err)
	}
}

func TestMessagesEscapeBinaryHeaderNames(t *testing.T) {
	// Bytes that are not UTF-8 are refused before (TestFilesNotInUTF8AreRefused);
	// control and format characters (a zero-width space) are escaped.
	in := "\x01\x02,d\u200be,x\nA,2020-01-01,1\n"
	_, err := ReadOrderLog(strings.NewReader(in), "b.csv", LogOptions{})
	want := `b.csv:1: no customer id or date column found (columns: "\x01\x02", "d\u200be", x); name them with --log-columns customer=COLUMN,time=COLUMN`
	if err == nil || err.Error() != want {
		t.Errorf("log error\n got %v\nwant %s", err, want)
	}
	_, err = ReadCSV(strings.NewReader(in), "b.csv", CSVOptions{Label: "churn"})
	want = `b.csv:1: no column named "churn" for the label (columns: "\x01\x02", "d\u200be", x)`
	if err == nil || err.Error() != want {
		t.Errorf("csv error\n got %v\nwant %s", err, want)
	}
}

// TestBinaryFilesAreRefusedBeforeTheirQuotes: random bytes that happen to
// hold a quote were refused as a CSV syntax error ("unexpected '\x02'
// after the closing quote of a field"), or as text in another encoding,
// because the binary check only ran on a record's NUL bytes. Both readers
// now refuse them from their first bytes, as the file they are. A short
// file with one stray binary cell keeps the message naming its cell.
func TestBinaryFilesAreRefusedBeforeTheirQuotes(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 2000)
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	// A quoted field whose closing quote a control byte follows, as the
	// reviewer's /dev/urandom file had on its third line.
	copy(random, "\x9c,\"\xa7\x11\"\x02")
	// An ELF executable's start (as /bin/ls copied to a .csv): NUL bytes
	// all through its header.
	elf := append([]byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00\x01\x00\x00\x00"), random[:200]...)
	cases := []struct {
		name string
		in   []byte
		want string
	}{
		// 512: the bytes newInputReader looks at first.
		{"random with a quote", random, "binary.csv: the file is binary, not CSV text (NUL and other control bytes in its first 512 bytes)"},
		// 224 = 24 bytes of header + 200 random ones.
		{"elf", elf, "binary.csv: the file is binary, not CSV text (NUL and other control bytes in its first 224 bytes)"},
	}
	for _, c := range cases {
		_, err := ReadCSV(bytes.NewReader(c.in), "binary.csv", CSVOptions{})
		if err == nil || err.Error() != c.want || !errors.Is(err, ErrNotText) {
			t.Errorf("%s: ReadCSV error\n got %v\nwant %s", c.name, err, c.want)
		}
		_, err = ReadOrderLog(bytes.NewReader(c.in), "binary.csv", LogOptions{})
		if err == nil || err.Error() != c.want || !errors.Is(err, ErrNotText) {
			t.Errorf("%s: ReadOrderLog error\n got %v\nwant %s", c.name, err, c.want)
		}
	}
}
