package tui

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"slices"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/datascreen"
	"github.com/retainlab/retain/tui/screentest"
)

// minRowsParquet writes a small valid table as Parquet, then re-encodes
// its footer with the row count −2⁶³ (the data pages stay where they
// are).
func minRowsParquet(t *testing.T) []byte {
	t.Helper()
	type row struct {
		Visits int64  `parquet:"visits"`
		Churn  string `parquet:"churn"`
	}
	var buf bytes.Buffer
	if err := parquet.Write(&buf, []row{{3, "yes"}, {5, "no"}, {1, "yes"}, {8, "no"}}); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	n := int(binary.LittleEndian.Uint32(b[len(b)-8:]))
	start := len(b) - 8 - n
	var meta format.FileMetaData
	if err := thrift.Unmarshal(new(thrift.CompactProtocol), b[start:len(b)-8], &meta); err != nil {
		t.Fatal(err)
	}
	meta.NumRows = math.MinInt64
	footer, err := thrift.Marshal(new(thrift.CompactProtocol), &meta)
	if err != nil {
		t.Fatal(err)
	}
	out := append(slices.Clone(b[:start]), footer...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(footer)))
	return append(out, "PAR1"...)
}

// TestParquetNegativeRowCountShowsTheError: opening a Parquet file whose
// footer says −2⁶³ rows killed the whole program with a stack overflow
// (data.Thousands recursed), losing everything loaded or trained; it is
// now refused in the Error panel, in either language, and the data loaded
// before stay.
func TestParquetNegativeRowCountShowsTheError(t *testing.T) {
	file := minRowsParquet(t)
	for _, c := range []struct {
		lang  string
		lines []string
	}{
		{"en", []string{
			"│ Error  minrows.parquet: corrupt Parquet file: the footer says              │",
			"│ -9,223,372,036,854,775,808 rows, a negative count                          │",
			"│ The previous data and settings are unchanged. esc dismisses this message.  │"}},
		// The cause in Chinese (not "corrupt Parquet file" again in
		// English), the reader's detail in English.
		{"zh", []string{
			"│ 错误  minrows.parquet：Parquet 文件已损坏（the footer says                 │",
			"│ -9,223,372,036,854,775,808 rows, a negative count）                        │",
			"│ 之前的数据和设置没有改变。按 esc 关闭此消息。                              │"}},
	} {
		opts := textbookOptions()
		opts.Lang = c.lang
		opts.Open = func(p string) (io.ReadCloser, error) {
			if p == "minrows.parquet" {
				return io.NopCloser(bytes.NewReader(file)), nil
			}
			return screentest.Open(p)
		}
		m := loadedModel(t, opts, 80, 24)
		before := m.data
		m = settle(t, m, datascreen.OpenMsg{Src: experiment.Source{Kind: "csv", Path: "minrows.parquet"}})
		if m.data != before || !errors.Is(m.err, data.ErrParquet) {
			t.Fatalf("%s: error = %v, want a Parquet refusal with the previous data kept", c.lang, m.err)
		}
		screentest.MustContain(t, screen(m), c.lines...)
	}
}
