// Command parquetdump writes a flat Parquet file to standard output as CSV.
//
// It is a development tool, independent of the retain data package: it reads
// the file with parquet-go's generic row reader only, so figures computed from
// its output (for example with pandas) are an independent check of what
// retain's own Parquet reader makes of the same file.
//
// Usage:
//
//	go run ./data/internal/parquetdump FILE > out.csv
//
// The first line is the header (the column names). Nulls are empty cells,
// integers and doubles are printed in full (shortest exact form), strings as
// they are, DATE as YYYY-MM-DD, TIMESTAMP and INT96 as YYYY-MM-DD HH:MM:SS
// (with fractional seconds when present, in UTC), DECIMAL with its scale.
package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"strconv"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: parquetdump FILE.parquet > out.csv")
		os.Exit(2)
	}
	if err := dump(os.Args[1], os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "parquetdump: %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}

func dump(path string, out io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	pf, err := parquet.OpenFile(f, st.Size(), parquet.SkipPageIndex(true), parquet.SkipBloomFilters(true))
	if err != nil {
		return err
	}
	fields := pf.Schema().Fields()
	header := make([]string, len(fields))
	types := make([]parquet.Type, len(fields))
	for i, fd := range fields {
		if !fd.Leaf() || fd.Repeated() {
			return fmt.Errorf("column %q is nested or repeated; only flat files are supported", fd.Name())
		}
		header[i] = fd.Name()
		types[i] = fd.Type()
	}
	bw := bufio.NewWriterSize(out, 1<<16)
	w := csv.NewWriter(bw)
	if err := w.Write(header); err != nil {
		return err
	}
	rec := make([]string, len(fields))
	rows := make([]parquet.Row, 512)
	for gi, rg := range pf.RowGroups() {
		rr := rg.Rows()
		for {
			n, err := rr.ReadRows(rows)
			for _, row := range rows[:n] {
				for i := range rec {
					rec[i] = ""
				}
				for _, v := range row {
					c := v.Column()
					if c < 0 || c >= len(rec) {
						continue
					}
					rec[c] = format1(v, types[c])
				}
				if werr := w.Write(rec); werr != nil {
					rr.Close()
					return werr
				}
			}
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				rr.Close()
				return fmt.Errorf("row group %d: %w", gi+1, err)
			}
		}
		rr.Close()
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// format1 renders one value as CSV text according to its column's type.
func format1(v parquet.Value, t parquet.Type) string {
	if v.IsNull() {
		return ""
	}
	lt := t.LogicalType()
	switch v.Kind() {
	case parquet.Boolean:
		return strconv.FormatBool(v.Boolean())
	case parquet.Int32, parquet.Int64:
		n := v.Int64()
		if v.Kind() == parquet.Int32 {
			n = int64(v.Int32())
		}
		if lt != nil {
			switch l := lt.Value.(type) {
			case *format.DateType:
				return time.Unix(n*86400, 0).UTC().Format("2006-01-02")
			case *format.TimestampType:
				return stamp(time.Unix(0, 0).UTC().Add(time.Duration(n) * l.Unit.Value.Duration()))
			case *format.DecimalType:
				return decimal(big.NewInt(n), l.Scale)
			case *format.IntType:
				if !l.IsSigned {
					if v.Kind() == parquet.Int32 {
						return strconv.FormatUint(uint64(uint32(v.Int32())), 10)
					}
					return strconv.FormatUint(v.Uint64(), 10)
				}
			}
		}
		return strconv.FormatInt(n, 10)
	case parquet.Int96:
		x := v.Int96()
		nanos := int64(x[1])<<32 | int64(x[0])
		day := int64(x[2]) - 2440588 // Julian day of 1970-01-01
		return stamp(time.Unix(day*86400, nanos).UTC())
	case parquet.Float:
		return strconv.FormatFloat(float64(v.Float()), 'f', -1, 32)
	case parquet.Double:
		return strconv.FormatFloat(v.Double(), 'f', -1, 64)
	case parquet.ByteArray, parquet.FixedLenByteArray:
		if lt != nil {
			if d, ok := lt.Value.(*format.DecimalType); ok {
				return decimal(twos(v.ByteArray()), d.Scale)
			}
		}
		return string(v.ByteArray())
	}
	return v.String()
}

func stamp(t time.Time) string {
	if t.Nanosecond() != 0 {
		return t.Format("2006-01-02 15:04:05.999999999")
	}
	return t.Format("2006-01-02 15:04:05")
}

// twos reads a big-endian two's complement integer.
func twos(b []byte) *big.Int {
	n := new(big.Int).SetBytes(b)
	if len(b) > 0 && b[0]&0x80 != 0 {
		n.Sub(n, new(big.Int).Lsh(big.NewInt(1), uint(8*len(b))))
	}
	return n
}

func decimal(n *big.Int, scale int32) string {
	if scale <= 0 {
		return n.String()
	}
	r := new(big.Rat).SetFrac(n, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(scale)), nil))
	return r.FloatString(int(scale))
}
