package data

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

// editFooter decodes the footer of the Parquet file b, changes it with
// edit and encodes it again: the data pages stay where they are.
func editFooter(t *testing.T, b []byte, edit func(m *format.FileMetaData)) []byte {
	t.Helper()
	n := int(binary.LittleEndian.Uint32(b[len(b)-8:]))
	start := len(b) - 8 - n
	var meta format.FileMetaData
	if err := thrift.Unmarshal(new(thrift.CompactProtocol), b[start:len(b)-8], &meta); err != nil {
		t.Fatal(err)
	}
	edit(&meta)
	footer, err := thrift.Marshal(new(thrift.CompactProtocol), &meta)
	if err != nil {
		t.Fatal(err)
	}
	out := append(slices.Clone(b[:start]), footer...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(footer)))
	return append(out, parquetMagic...)
}

// TestParquetImpossibleCounts: a footer whose row count is −2⁶³ crashed
// every command with a stack overflow (Thousands recursed on
// math.MinInt64); negative and impossible counts are refused as a corrupt
// file, named, whether read as a table or as an order log. The small file
// holds 12 rows in row groups of 5, 5 and 2 (smallParquet).
func TestParquetImpossibleCounts(t *testing.T) {
	good := smallParquet(t)
	cases := []struct {
		name string
		edit func(m *format.FileMetaData)
		want string
	}{
		{"footer rows −2⁶³", func(m *format.FileMetaData) { m.NumRows = math.MinInt64 },
			"x.parquet: corrupt Parquet file: the footer says -9,223,372,036,854,775,808 rows, a negative count"},
		{"footer rows −1", func(m *format.FileMetaData) { m.NumRows = -1 },
			"x.parquet: corrupt Parquet file: the footer says -1 rows, a negative count"},
		{"footer rows 2⁶³−1", func(m *format.FileMetaData) { m.NumRows = math.MaxInt64 },
			"x.parquet: corrupt Parquet file: the footer says 9,223,372,036,854,775,807 rows, its row groups hold 12"},
		{"row group rows −2⁶³", func(m *format.FileMetaData) { m.RowGroups[1].NumRows = math.MinInt64 },
			"x.parquet: corrupt Parquet file: row group 2 says -9,223,372,036,854,775,808 rows, a negative count"},
		{"chunk values −2⁶³", func(m *format.FileMetaData) { m.RowGroups[0].Columns[2].MetaData.NumValues = math.MinInt64 },
			`x.parquet: corrupt Parquet file: row group 1, column "InvoiceDate" has -9,223,372,036,854,775,808 values for 5 rows`},
	}
	for _, c := range cases {
		tErr, lErr := readParquetBoth(editFooter(t, good, c.edit), "x.parquet")
		for _, err := range []error{tErr, lErr} {
			if err == nil || err.Error() != c.want || !errors.Is(err, ErrParquet) {
				t.Errorf("%s:\n got %v\nwant %s", c.name, err, c.want)
			}
		}
	}
}
