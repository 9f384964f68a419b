package data

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var fuzzSeeds = []string{
	"x,churn\n1,yes\n2,no\n",
	"x;plan;churn\n1;\"a;b\";yes\n;c;no\n3;a;no\n",
	"\xEF\xBB\xBFid\tx\ttarget\r\n1\t2\t1\r\n2\t\t0\r\n",
	"n,x,churn\n\"a\nb\",1,yes\n\"c\"\"d\",2,no\n",
	"x,churn\n\"1\"2,yes\n",
	"x,churn\n1,yes\n2,no,3\n",
	"customerID,flag,score,churn\nA,Yes,1.5,No\nB,No,NaN,Yes\nC,,2,No\n",
	"price;rate;churn\n1.234;0.5;yes\n999,5;1.234;no\n1.234,5;2;no\n-1.234.567;0.125;no\n",
	"price;churn\n1.5;yes\n12,5;no\n",
}

// sentinels lists every cause a reader error may wrap.
var sentinels = []error{ErrEmpty, ErrHeaderOnly, ErrRagged, ErrSyntax, ErrNotNumeric, ErrNoLabel,
	ErrLabelNotBinary, ErrLabelMissing, ErrNoFeatures, ErrMissingColumn, ErrShape, ErrNotText, ErrMixedDecimals}

func knownCause(err error) bool {
	return slices.ContainsFunc(sentinels, func(s error) bool { return errors.Is(err, s) })
}

// FuzzReadCSV checks that ReadCSV never panics, fails only with a known
// cause, and that a table it accepts yields a finite matrix.
func FuzzReadCSV(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s), uint8(0))
	}
	f.Fuzz(func(t *testing.T, in []byte, inferRows uint8) {
		opts := CSVOptions{InferRows: int(inferRows%8) + 1}
		tab, err := ReadCSV(bytes.NewReader(in), "f.csv", opts)
		// Tiny parsing blocks must give exactly the one-block result.
		old := blockSize
		blockSize = int(inferRows%13) + 1
		tiny, errTiny := ReadCSV(bytes.NewReader(in), "f.csv", opts)
		blockSize = old
		if fmt.Sprint(err) != fmt.Sprint(errTiny) || !tablesEqual(tab, tiny) {
			t.Fatalf("block size %d changes the result: %v / %v", int(inferRows%13)+1, err, errTiny)
		}
		if err != nil {
			if !knownCause(err) {
				t.Fatalf("error without a known cause: %v", err)
			}
			return
		}
		for _, c := range tab.Columns {
			if c.Len() != tab.Rows {
				t.Fatalf("column %q has %d rows, table %d", c.Name, c.Len(), tab.Rows)
			}
		}
		if len(tab.Label.Values) != tab.Rows || len(tab.Features()) == 0 {
			t.Fatalf("label rows %d, features %d", len(tab.Label.Values), len(tab.Features()))
		}
		rows := make([]int, tab.Rows)
		for i := range rows {
			rows[i] = i
		}
		for _, opts := range []PipelineOptions{{}, {Impute: ImputeMean, Scale: ScaleZScore, MissingIndicators: true}} {
			p, err := FitPipeline(tab, rows, opts)
			if err != nil {
				t.Fatalf("FitPipeline: %v", err)
			}
			X, err := p.Transform(tab, rows)
			if err != nil {
				t.Fatalf("Transform: %v", err)
			}
			for _, v := range X.RawMatrix().Data {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("non-finite value in X: %v", v)
				}
			}
			if _, err := json.Marshal(p); err != nil {
				t.Fatalf("pipeline does not encode: %v", err)
			}
			if _, err := p.ReadRows(bytes.NewReader(in), "f.csv"); err != nil && !knownCause(err) {
				t.Fatalf("ReadRows error without a known cause: %v", err)
			}
		}
	})
}

// FuzzRecords compares the record reader with encoding/csv: whenever the
// standard reader accepts the input, both must return the same records.
func FuzzRecords(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		std := csv.NewReader(strings.NewReader(in))
		std.FieldsPerRecord = -1
		want, err := std.ReadAll()
		if err != nil || strings.ContainsRune(in, '\r') || strings.ContainsRune(in, 0) {
			// encoding/csv is stricter about quotes and rewrites lone \r,
			// and the record reader refuses NUL bytes; only
			// never-panicking is required then.
			want = nil
		}
		rr := newRecordReader(bufio.NewReaderSize(strings.NewReader(in), 16), "f.csv", ',')
		var got [][]string
		for {
			err := rr.read()
			if err == io.EOF {
				break
			}
			if err != nil {
				if want != nil {
					t.Fatalf("record reader failed on input encoding/csv accepts: %v", err)
				}
				return
			}
			rec := make([]string, rr.fields())
			for i := range rec {
				rec[i] = string(rr.field(i))
			}
			got = append(got, rec)
		}
		if want != nil && !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("records differ:\n got %q\nwant %q", got, want)
		}
	})
}

// FuzzParseNumber checks the fast decimal path against strconv.ParseFloat.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"0", "-0", "12.5", ".5", "5.", "0.000001", "9007199254740993", "123456789.123456789", "1e5", "+3", "-", "."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := parseSimple([]byte(s))
		if !ok {
			return
		}
		want, err := strconv.ParseFloat(s, 64)
		if err != nil || math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("parseSimple(%q) = %v, strconv gives %v (%v)", s, got, want, err)
		}
	})
}

// tablesEqual compares two tables cell by cell (NaN equals NaN).
func tablesEqual(a, b *Table) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Rows != b.Rows || a.IDColumn != b.IDColumn || len(a.Columns) != len(b.Columns) ||
		a.Label.Name != b.Label.Name || a.Label.Positive != b.Label.Positive || !slices.Equal(a.Label.Values, b.Label.Values) {
		return false
	}
	for i, c := range a.Columns {
		d := b.Columns[i]
		if c.Name != d.Name || c.Kind != d.Kind || c.Missing != d.Missing || c.Note != d.Note ||
			!sameFloats(c.Values, d.Values) || !slices.Equal(c.Strings, d.Strings) || !slices.Equal(c.Levels, d.Levels) {
			return false
		}
	}
	return true
}
