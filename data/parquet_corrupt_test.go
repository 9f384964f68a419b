package data

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

var retailCols = []pqCol{{"InvoiceNo", "string"}, {"StockCode", "string"}, {"Quantity", "int64"}, {"InvoiceDate", "string"},
	{"UnitPrice", "double"}, {"CustomerID", "double"}, {"Country", "string"}}

// smallParquet is a valid order log of 12 rows in 3 row groups.
func smallParquet(t testing.TB) []byte {
	return writeParquet(t, retailCols, retailRows, 5)
}

// readBoth reads b as a table and as an order log and returns both errors.
// A panic fails the test.
func readParquetBoth(b []byte, name string) (tableErr, logErr error) {
	_, tableErr = ReadCSV(bytes.NewReader(b), name, CSVOptions{NoLabel: true})
	_, logErr = ReadOrderLog(bytes.NewReader(b), name, LogOptions{})
	return tableErr, logErr
}

// checkRefused asserts that err names the file and is a Parquet refusal
// (or another located input error), never a bare library error.
func checkRefused(t *testing.T, what string, err error, name string) {
	t.Helper()
	var pe *ParseError
	if err == nil {
		return
	}
	if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), name+": ") {
		t.Errorf("%s: error %q is not a located input error naming %s", what, err, name)
	}
}

func TestParquetTruncatedAndCorruptFiles(t *testing.T) {
	good := smallParquet(t)
	n := len(good)
	footerLen := int(binary.LittleEndian.Uint32(good[n-8:]))
	pastStart := bytes.Clone(good)
	binary.LittleEndian.PutUint32(pastStart[n-8:], uint32(n))
	cases := []struct {
		name string
		in   []byte
		want string
	}{
		{"only magic", []byte("PAR1PAR1"), "x.parquet: truncated Parquet file: 8 bytes, the smallest has 12 (PAR1, footer, length, PAR1)"},
		{"cut after the magic", good[:4], "x.parquet: truncated Parquet file: 4 bytes, the smallest has 12 (PAR1, footer, length, PAR1)"},
		{"cut short", []byte("PAR1\x15\x04\x15\x80\x01"), "x.parquet: truncated Parquet file: 9 bytes, the smallest has 12 (PAR1, footer, length, PAR1)"},
		{"cut at 100", good[:100], "x.parquet: truncated or corrupt Parquet file: it starts with PAR1 but does not end with it (100 bytes; cut short?)"},
		{"cut in half", good[:n/2], fmt.Sprintf("x.parquet: truncated or corrupt Parquet file: it starts with PAR1 but does not end with it (%s bytes; cut short?)", Thousands(n/2))},
		{"cut by one", good[:n-1], fmt.Sprintf("x.parquet: truncated or corrupt Parquet file: it starts with PAR1 but does not end with it (%s bytes; cut short?)", Thousands(n-1))},
		{"footer length past the start", pastStart, fmt.Sprintf("x.parquet: corrupt Parquet file: the footer length (%s bytes) points past the start of the file (%s bytes)", Thousands(n), Thousands(n))},
		{"footer length 0", append(append([]byte("PAR1"), good[4:n-8]...), 0, 0, 0, 0, 'P', 'A', 'R', '1'), "x.parquet: corrupt Parquet file: the footer length is 0"},
	}
	for _, c := range cases {
		tErr, lErr := readParquetBoth(c.in, "x.parquet")
		for _, err := range []error{tErr, lErr} {
			if err == nil || err.Error() != c.want || !errors.Is(err, ErrParquet) {
				t.Errorf("%s:\n got %v\nwant %s", c.name, err, c.want)
			}
		}
	}
	// Every single-byte change of the footer is refused with a located
	// error or read; none crashes the reader.
	for i := n - 8 - footerLen; i < n-8; i++ {
		for _, flip := range []byte{0x01, 0x80, 0xFF} {
			b := bytes.Clone(good)
			b[i] ^= flip
			tErr, lErr := readParquetBoth(b, "x.parquet")
			checkRefused(t, fmt.Sprintf("footer byte %d ^ %#x (table)", i, flip), tErr, "x.parquet")
			checkRefused(t, fmt.Sprintf("footer byte %d ^ %#x (log)", i, flip), lErr, "x.parquet")
		}
	}
	// Every cut length is refused, with the file name.
	for cut := 0; cut < n; cut++ {
		tErr, lErr := readParquetBoth(good[:cut], "x.parquet")
		if cut >= 4 && (tErr == nil || lErr == nil) {
			t.Errorf("cut at %d: read without an error", cut)
		}
		if cut >= 4 {
			checkRefused(t, fmt.Sprintf("cut at %d", cut), tErr, "x.parquet")
			checkRefused(t, fmt.Sprintf("cut at %d", cut), lErr, "x.parquet")
		}
	}
}

// editFirstPageHeader rewrites the header of the first page of the first
// column chunk with edit, keeping its encoded length so that every offset
// in the file stays right. It reports false when no value of that length
// could be found.
func editFirstPageHeader(t *testing.T, b []byte, edit func(h *format.PageHeader, k int)) ([]byte, *format.PageHeader, string, bool) {
	t.Helper()
	in := &parquetInput{ra: bytes.NewReader(b), size: int64(len(b))}
	meta, err := in.footer("x.parquet")
	if err != nil {
		t.Fatal(err)
	}
	md := &meta.RowGroups[0].Columns[0].MetaData
	off := md.DataPageOffset
	if md.DictionaryPageOffset > 0 && md.DictionaryPageOffset < off {
		off = md.DictionaryPageOffset
	}
	h, hlen, _, err := in.pageHeader(off, off+md.TotalCompressedSize)
	if err != nil {
		t.Fatal(err)
	}
	for k := range 64 {
		h2 := *h
		edit(&h2, k)
		enc, err := thrift.Marshal(new(thrift.CompactProtocol), &h2)
		if err != nil {
			t.Fatal(err)
		}
		if len(enc) == hlen {
			out := bytes.Clone(b)
			copy(out[off:], enc)
			return out, &h2, meta.Schema[1].Name, true
		}
	}
	return nil, nil, "", false
}

func TestParquetLyingPageHeaders(t *testing.T) {
	// A compressed size past the end of the chunk: refused before a
	// buffer of that size is made.
	tiny := writeParquet(t, []pqCol{{"CustomerID", "string"}}, [][]string{{"1"}}, 0)
	b, h, col, ok := editFirstPageHeader(t, tiny, func(h *format.PageHeader, k int) {
		h.CompressedPageSize = []int32{8191, 63, 1<<20 - 1, 1<<27 - 1, 1<<31 - 1}[k%5]
	})
	if !ok {
		t.Fatal("no compressed size of the same encoded length")
	}
	tErr, lErr := readParquetBoth(b, "x.parquet")
	wantPrefix := fmt.Sprintf(`x.parquet: corrupt Parquet file: row group 1, column %q: a page header claims %s bytes where `, col, Thousands(int(h.CompressedPageSize)))
	for _, err := range []error{tErr, lErr} {
		if err == nil || !strings.HasPrefix(err.Error(), wantPrefix) || !strings.HasSuffix(err.Error(), " remain in the column chunk") {
			t.Errorf("compressed size:\n got %v\nwant %s… remain in the column chunk", err, wantPrefix)
		}
	}
	// Sizes and counts a whole file cannot easily carry with the same
	// encoded length are checked on a chunk made of one page header.
	for _, c := range []struct {
		name string
		h    format.PageHeader
		want string
	}{
		{"uncompressed 1 GiB", format.PageHeader{Type: format.DataPage, UncompressedPageSize: 1 << 30, CompressedPageSize: 10,
			DataPageHeader: thrift.New(format.DataPageHeader{NumValues: 5})},
			"x.parquet: corrupt Parquet file: here: a page header claims 1,073,741,824 bytes uncompressed (the limit is 268,435,456)"},
		{"negative size", format.PageHeader{Type: format.DataPage, UncompressedPageSize: 10, CompressedPageSize: -1,
			DataPageHeader: thrift.New(format.DataPageHeader{NumValues: 5})},
			"x.parquet: corrupt Parquet file: here: a page header claims -1 bytes where 10 remain in the column chunk"},
		{"more values than rows", format.PageHeader{Type: format.DataPage, UncompressedPageSize: 10, CompressedPageSize: 10,
			DataPageHeader: thrift.New(format.DataPageHeader{NumValues: 1 << 30})},
			"x.parquet: corrupt Parquet file: here: a page header claims 1,073,741,824 values (the chunk has 5)"},
		{"dictionary too large", format.PageHeader{Type: format.DictionaryPage, UncompressedPageSize: 10, CompressedPageSize: 10,
			DictionaryPageHeader: thrift.New(format.DictionaryPageHeader{NumValues: 1 << 20})},
			"x.parquet: corrupt Parquet file: here: a dictionary page claims 1,048,576 values in 10 bytes"},
		{"snappy block larger than the page", format.PageHeader{Type: format.DataPage, UncompressedPageSize: 10, CompressedPageSize: 10,
			DataPageHeader: thrift.New(format.DataPageHeader{NumValues: 5})},
			"x.parquet: corrupt Parquet file: here: a snappy block claims 4,294,967,295 bytes, the page header 10"},
	} {
		enc, err := thrift.Marshal(new(thrift.CompactProtocol), &c.h)
		if err != nil {
			t.Fatal(err)
		}
		body := make([]byte, 10)
		binary.PutUvarint(body, 1<<32-1) // a snappy length prefix of 4 GiB
		chunk := append(append([]byte("PAR1"), enc...), body...)
		in := &parquetInput{ra: bytes.NewReader(chunk), size: int64(len(chunk))}
		md := &format.ColumnMetaData{NumValues: 5, Codec: format.Snappy}
		err = in.checkChunk("x.parquet", "here", md, 4, int64(len(chunk)))
		if err == nil || err.Error() != c.want || !errors.Is(err, ErrParquet) {
			t.Errorf("%s:\n got %v\nwant %s", c.name, err, c.want)
		}
	}
}

func TestParquetUnsupportedShapes(t *testing.T) {
	var buf bytes.Buffer
	schema := parquet.NewSchema("s", parquet.Group{"id": parquet.Int(64), "tags": parquet.Repeated(parquet.String())})
	w := parquet.NewWriter(&buf, schema)
	if _, err := w.WriteRows([]parquet.Row{{parquet.ValueOf(int64(1)).Level(0, 0, 0), parquet.ValueOf("a").Level(0, 1, 1)}}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	tErr, lErr := readParquetBoth(buf.Bytes(), "x.parquet")
	want := `x.parquet: Parquet column "tags" is repeated (a list); only flat tables of plain columns can be read`
	for _, err := range []error{tErr, lErr} {
		if err == nil || err.Error() != want {
			t.Errorf("repeated column:\n got %v\nwant %s", err, want)
		}
	}
	empty := writeParquet(t, retailCols, nil, 0)
	tErr, lErr = readParquetBoth(empty, "x.parquet")
	if want := "x.parquet: a Parquet file with columns but no rows"; tErr == nil || tErr.Error() != want {
		t.Errorf("no rows (table):\n got %v\nwant %s", tErr, want)
	}
	if want := "x.parquet: no order lines after the header"; lErr == nil || lErr.Error() != want {
		t.Errorf("no rows (log):\n got %v\nwant %s", lErr, want)
	}
}

// FuzzReadParquet mutates small valid Parquet files and reads them as a
// table and as an order log: the readers must return (an error naming the
// file, or data), never panic or hang.
func FuzzReadParquet(f *testing.F) {
	f.Add(smallParquet(f))
	f.Add(writeParquet(f, []pqCol{{"customer_id", "int64"}, {"order_date", "date"}, {"paid_at", "timestamp"},
		{"amount", "double"}, {"vip", "bool"}}, [][]string{
		{"1", "2024-01-05", "2024-01-05 10:00:00", "10.5", "true"},
		{"2", "", "2024-01-06 23:59:59", "", "false"},
		{"1", "2024-02-01", "", "7.25", ""},
	}, 2))
	f.Add([]byte("PAR1PAR1"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if !bytes.HasPrefix(b, []byte(parquetMagic)) {
			return // not Parquet: the CSV fuzz targets cover the rest
		}
		tErr, lErr := readParquetBoth(b, "f.parquet")
		checkRefused(t, "table", tErr, "f.parquet")
		checkRefused(t, "log", lErr, "f.parquet")
	})
}
