package data

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress"
	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/parquet-go/parquet-go/encoding"
)

// pagesColumn is one column of the files TestParquetPagesMatchLibrary
// writes: a physical type and how its value of row i is made.
type pagesColumn struct {
	name  string
	typ   parquet.Type
	value func(i int) parquet.Value
}

var pagesColumns = []pagesColumn{
	{"i32", parquet.Int32Type, func(i int) parquet.Value { return parquet.Int32Value(int32(i%41*7 - 50)) }},
	{"i64", parquet.Int64Type, func(i int) parquet.Value { return parquet.Int64Value(int64(i%53) * 1e12) }},
	{"f32", parquet.FloatType, func(i int) parquet.Value { return parquet.FloatValue(float32(i%29) / 4) }},
	{"f64", parquet.DoubleType, func(i int) parquet.Value { return parquet.DoubleValue(float64(i%31) * 0.35) }},
	{"text", parquet.ByteArrayType, func(i int) parquet.Value {
		return parquet.ByteArrayValue(fmt.Appendf(nil, "v%d%s", i%37, bytes.Repeat([]byte("x"), i%11)))
	}},
	{"fixed", parquet.FixedLenByteArrayType(3), func(i int) parquet.Value {
		return parquet.FixedLenByteArrayValue([]byte{byte('a' + i%26), byte('A' + i%19), '0'})
	}},
	{"flag", parquet.BooleanType, func(i int) parquet.Value { return parquet.BooleanValue(i%3 == 0) }},
	{"i96", parquet.Int96Type, func(i int) parquet.Value {
		return parquet.Int96Value(deprecated.Int96{uint32(i % 13 * 1000), 0, 2440588 + uint32(i%17)})
	}},
}

// writePagesFile writes 1,500 rows of pagesColumns in row groups of 700
// and small pages, every column with the given encoding (booleans stay
// PLAIN; DELTA_BINARY_PACKED is for the integers only), codec and data page version; optional columns are null in every
// fifth row.
func writePagesFile(t *testing.T, enc encoding.Encoding, codec compress.Codec, version int, optional bool) []byte {
	t.Helper()
	group := parquet.Group{}
	for _, c := range pagesColumns {
		var n parquet.Node = parquet.Leaf(c.typ)
		switch k := c.typ.Kind(); {
		case enc == &parquet.DeltaBinaryPacked && (k == parquet.Int32 || k == parquet.Int64):
			n = parquet.Encoded(n, enc)
		case enc != &parquet.DeltaBinaryPacked && (k != parquet.Boolean || enc == &parquet.Plain):
			n = parquet.Encoded(n, enc)
		}
		if optional {
			n = parquet.Optional(n)
		}
		group[c.name] = parquet.Compressed(n, codec)
	}
	schema := parquet.NewSchema("pages", group)
	var buf bytes.Buffer
	w := parquet.NewWriter(&buf, schema, parquet.PageBufferSize(300), parquet.DataPageVersion(version), parquet.MaxRowsPerRowGroup(700))
	for i := range 1500 {
		row := make(parquet.Row, len(pagesColumns))
		for _, c := range pagesColumns {
			leaf, _ := schema.Lookup(c.name)
			k := leaf.ColumnIndex
			switch {
			case !optional:
				row[k] = c.value(i).Level(0, 0, k)
			case i%5 == 4:
				row[k] = parquet.Value{}.Level(0, 0, k)
			default:
				row[k] = c.value(i).Level(0, 1, k)
			}
		}
		if _, err := w.WriteRows([]parquet.Row{row}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// readCells reads every cell of a Parquet file as text, with our page
// decoder where it applies or with parquet-go only, and counts the column
// chunks our decoder read.
func readCells(t *testing.T, b []byte, libOnly bool) (cells []string, own int) {
	t.Helper()
	pf, err := openParquet(&parquetInput{ra: bytes.NewReader(b), size: int64(len(b))}, "p.parquet")
	if err != nil {
		t.Fatal(err)
	}
	rows := pf.rowReader(nil)
	rows.libOnly = libOnly
	defer rows.close()
	rec := &recordReader{file: "p.parquet", delim: ','}
	group := -1
	for {
		err := rows.next(rec)
		if err == io.EOF {
			return cells, own
		}
		if err != nil {
			t.Fatal(err)
		}
		if rows.group != group {
			group = rows.group
			for _, c := range rows.cols {
				if c.own != nil {
					own++
				}
			}
		}
		for i := range rec.fields() {
			cells = append(cells, string(rec.field(i)))
		}
	}
}

func TestParquetPagesMatchLibrary(t *testing.T) {
	codecs := []compress.Codec{&parquet.Uncompressed, &parquet.Snappy, &parquet.Gzip, &parquet.Zstd}
	for _, enc := range []encoding.Encoding{&parquet.Plain, &parquet.RLEDictionary, &parquet.DeltaBinaryPacked} {
		for _, codec := range codecs {
			for _, version := range []int{1, 2} {
				for _, optional := range []bool{false, true} {
					name := fmt.Sprintf("%s/%s/v%d/optional=%v", enc, codec, version, optional)
					if enc == &parquet.DeltaBinaryPacked && codec != &parquet.Snappy {
						continue // one codec is enough to show the fallback
					}
					t.Run(name, func(t *testing.T) {
						b := writePagesFile(t, enc, codec, version, optional)
						got, own := readCells(t, b, false)
						want, _ := readCells(t, b, true)
						if len(got) != len(want) || len(want) != 1500*len(pagesColumns) {
							t.Fatalf("%d cells, parquet-go reads %d (want %d)", len(got), len(want), 1500*len(pagesColumns))
						}
						for i := range want {
							if got[i] != want[i] {
								t.Fatalf("row %d, column %d: %q, parquet-go reads %q", i/len(pagesColumns)+1, i%len(pagesColumns)+1, got[i], want[i])
							}
						}
						wantOwn := 3 * len(pagesColumns) // three row groups
						if enc == &parquet.DeltaBinaryPacked {
							// i32, i64 and text (parquet-go's default for it:
							// DELTA_LENGTH_BYTE_ARRAY) are left to parquet-go.
							wantOwn -= 3 * 3
						}
						if own != wantOwn {
							t.Errorf("%d column chunks read by our decoder, want %d", own, wantOwn)
						}
					})
				}
			}
		}
	}
}

// TestParquetColumnFormatsMatchLibrary checks that the cell formats read
// from the footer's schema (formatOfElement) are those of parquet-go's
// column types (formatOf), on files with every kind the tests write and on
// Online Retail.
func TestParquetColumnFormatsMatchLibrary(t *testing.T) {
	files := map[string][]byte{
		"pages": writePagesFile(t, &parquet.Plain, &parquet.Snappy, 1, true),
		"kinds": writeParquet(t, []pqCol{{"s", "string"}, {"i", "int64"}, {"d", "double"}, {"day", "date"},
			{"at", "timestamp"}, {"b", "bool"}}, [][]string{{"a", "1", "1.5", "2024-01-05", "2024-01-05 10:00:00", "true"}}, 0),
	}
	if b, err := os.ReadFile(filepath.Join(datasetsDir, "online_retail", "online_retail.parquet")); err == nil {
		files["online_retail"] = b
	}
	for name, b := range files {
		pf, err := openParquet(&parquetInput{ra: bytes.NewReader(b), size: int64(len(b))}, name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := pf.library()
		if err != nil {
			t.Fatal(err)
		}
		for i, fd := range f.Schema().Fields() {
			if want := formatOf(fd.Type()); pf.conv[i] != want {
				t.Errorf("%s: column %q: format %+v, parquet-go's type gives %+v", name, fd.Name(), pf.conv[i], want)
			}
		}
	}
}
