package data

import (
	"bytes"
	"strconv"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/encoding"
)

// pqCol declares one optional column of a test Parquet file: kind is
// "string", "int64", "double", "date" (YYYY-MM-DD text in the rows),
// "timestamp" (YYYY-MM-DD HH:MM:SS text, written as milliseconds) or
// "bool". A blank cell is written as null.
type pqCol struct {
	name, kind string
}

// writeParquet builds a Parquet file from text rows with parquet-go's
// writer (snappy, dictionary pages as pyarrow writes them), perGroup rows
// per row group (0: one group) and small pages so that a column spans
// several pages; extra options come last and override these.
func writeParquet(t testing.TB, cols []pqCol, rows [][]string, perGroup int64, extra ...parquet.WriterOption) []byte {
	t.Helper()
	group := parquet.Group{}
	for _, c := range cols {
		var n parquet.Node
		switch c.kind {
		case "string":
			n = parquet.String()
		case "int64":
			n = parquet.Int(64)
		case "double":
			n = parquet.Leaf(parquet.DoubleType)
		case "date":
			n = parquet.Date()
		case "timestamp":
			n = parquet.Timestamp(parquet.Millisecond)
		case "bool":
			n = parquet.Leaf(parquet.BooleanType)
		default:
			t.Fatalf("unknown kind %q", c.kind)
		}
		group[c.name] = parquet.Compressed(parquet.Optional(parquet.Encoded(n, dictionaryFor(c.kind))), &parquet.Snappy)
	}
	schema := parquet.NewSchema("test", group)
	index := make([]int, len(cols)) // schema column of each test column
	for i, c := range cols {
		leaf, ok := schema.Lookup(c.name)
		if !ok {
			t.Fatalf("no column %q in the schema", c.name)
		}
		index[i] = leaf.ColumnIndex
	}
	opts := []parquet.WriterOption{schema, parquet.PageBufferSize(512)}
	if perGroup > 0 {
		opts = append(opts, parquet.MaxRowsPerRowGroup(perGroup))
	}
	opts = append(opts, extra...)
	var buf bytes.Buffer
	w := parquet.NewWriter(&buf, opts...)
	for r, row := range rows {
		out := make(parquet.Row, len(cols))
		for i, c := range cols {
			out[index[i]] = pqValue(t, c.kind, row[i], r).Level(0, 1, index[i])
			if row[i] == "" {
				out[index[i]] = parquet.Value{}.Level(0, 0, index[i])
			}
		}
		// A row's values go in schema order.
		sorted := make(parquet.Row, len(out))
		for i := range out {
			sorted[out[i].Column()] = out[i]
		}
		if _, err := w.WriteRows([]parquet.Row{sorted}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func dictionaryFor(kind string) encoding.Encoding {
	if kind == "bool" {
		return nil
	}
	return &parquet.RLEDictionary
}

func pqValue(t testing.TB, kind, cell string, row int) parquet.Value {
	if cell == "" {
		return parquet.Value{}
	}
	fail := func(err error) parquet.Value {
		t.Fatalf("row %d: %s cell %q: %v", row+1, kind, cell, err)
		return parquet.Value{}
	}
	switch kind {
	case "string":
		return parquet.ValueOf(cell)
	case "int64":
		n, err := strconv.ParseInt(cell, 10, 64)
		if err != nil {
			return fail(err)
		}
		return parquet.ValueOf(n)
	case "double":
		x, err := strconv.ParseFloat(cell, 64)
		if err != nil {
			return fail(err)
		}
		return parquet.ValueOf(x)
	case "date":
		d, err := time.Parse(time.DateOnly, cell)
		if err != nil {
			return fail(err)
		}
		return parquet.ValueOf(int32(d.Unix() / 86400))
	case "timestamp":
		d, err := time.Parse(time.DateTime, cell)
		if err != nil {
			return fail(err)
		}
		return parquet.ValueOf(d.UnixMilli())
	case "bool":
		b, err := strconv.ParseBool(cell)
		if err != nil {
			return fail(err)
		}
		return parquet.ValueOf(b)
	}
	return fail(nil)
}
