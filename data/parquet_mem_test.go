package data

import (
	"bytes"
	"fmt"
	"slices"
	"testing"
)

// TestParquetLogItemsSizedFromFooter checks that a Parquet log's
// OrderItems is made once, at the footer's row count less the nulls its
// statistics count in the customer column (retailRows: 12 rows, 3 of them
// without a customer id, so 9), and holds what the CSV path reads.
func TestParquetLogItemsSizedFromFooter(t *testing.T) {
	names := []string{"InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"}
	cols := []pqCol{{names[0], "string"}, {names[1], "string"}, {names[2], "int64"}, {names[3], "string"},
		{names[4], "double"}, {names[5], "double"}, {names[6], "string"}}
	for _, perGroup := range []int64{0, 5} {
		got, err := ReadOrderLog(bytes.NewReader(writeParquet(t, cols, retailRows, perGroup)), "retail.parquet", LogOptions{})
		if err != nil {
			t.Fatal(err)
		}
		want, err := ReadOrderLog(bytes.NewReader(csvText(t, append([][]string{names}, retailRows...))), "retail.csv", LogOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.OrderItems, want.OrderItems) || !slices.Equal(got.Items, want.Items) {
			t.Errorf("%d rows a group: items %v %q, CSV reads %v %q", perGroup, got.OrderItems, got.Items, want.OrderItems, want.Items)
		}
		if cap(got.OrderItems) != 9 {
			t.Errorf("%d rows a group: OrderItems made with room for %d lines, want 9 (12 rows, 3 null ids)", perGroup, cap(got.OrderItems))
		}
	}
}

// TestParquetDictionaryWithoutPrefixes checks that a BYTE_ARRAY dictionary
// is kept as its values end to end: 300 distinct ids "id-0" … "id-299"
// take 4×10 + 5×90 + 6×200 = 1,690 bytes, not the 1,690 + 4×300 of the
// page with its length prefixes.
func TestParquetDictionaryWithoutPrefixes(t *testing.T) {
	rows := make([][]string, 900)
	for i := range rows {
		rows[i] = []string{fmt.Sprintf("id-%d", i%300)}
	}
	b := writeParquet(t, []pqCol{{"id", "string"}}, rows, 0)
	pf, err := openParquet(&parquetInput{ra: bytes.NewReader(b), size: int64(len(b))}, "p.parquet")
	if err != nil {
		t.Fatal(err)
	}
	c, err := newPageCursor(pf.in, &pf.meta.Schema[1], &pf.meta.RowGroups[0].Columns[0].MetaData)
	if err != nil {
		t.Fatal(err)
	}
	if !c.hasDict || c.dictLen != 300 || len(c.dict) != 1690 || cap(c.dict) != 1690 || len(c.dictOff) != 301 {
		t.Fatalf("dictionary of %d values in %d bytes (room for %d), %d offsets; want 300 in 1,690 (room for 1,690), 301",
			c.dictLen, len(c.dict), cap(c.dict), len(c.dictOff))
	}
	for _, i := range []int{0, 9, 10, 299} {
		if got, want := string(c.dictValue(i).ByteArray()), fmt.Sprintf("id-%d", i); got != want {
			t.Errorf("value %d: %q, want %q", i, got, want)
		}
	}
	got, _ := readCells(t, b, false)
	want, _ := readCells(t, b, true)
	if !slices.Equal(got, want) {
		t.Error("cells differ from parquet-go's")
	}
}
