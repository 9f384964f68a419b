package data

import (
	"encoding/hex"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/parquet-go/parquet-go/format"
)

// cellFormat says how the values of one Parquet column become the text of
// a cell, so that every rule of the CSV readers applies to them unchanged.
type cellFormat struct {
	kind     parquet.Kind
	date     bool          // DATE: days since 1970-01-01
	unit     time.Duration // TIMESTAMP: the length of one step; 0 when not a timestamp
	decimal  int32         // DECIMAL: the scale; -1 when not a decimal
	unsigned bool          // INT(bits, false)
	text     bool          // STRING, ENUM, JSON: bytes as they are
}

// mapColumns names the columns (trimmed; blank names numbered; a name
// that repeats an earlier one renamed, as in a CSV header: see
// renameDuplicates) and picks each one's cell format, from the footer's
// schema (checkMeta has made sure that it is flat).
func (pf *parquetFile) mapColumns() error {
	fields := pf.meta.Schema[1:]
	for i := range fields {
		el := &fields[i]
		h := strings.TrimSpace(el.Name)
		if h == "" {
			h = fmt.Sprintf("column_%d", i+1)
		}
		pf.header = append(pf.header, h)
		pf.conv = append(pf.conv, formatOfElement(el))
	}
	pf.renamed = renameDuplicates(pf.header)
	return nil
}

// names returns the column names as the file gives them, before
// renameDuplicates (an order log renames them itself).
func (pf *parquetFile) names() []string {
	names := slices.Clone(pf.header)
	for _, r := range pf.renamed {
		names[r.Column-1] = r.Header
	}
	return names
}

// formatOfElement is formatOf for a column of the footer's schema, read
// without parquet-go's schema: the logical type first, else the converted
// (legacy) one, as parquet-go derives a column's type.
func formatOfElement(el *format.SchemaElement) cellFormat {
	f := cellFormat{kind: parquet.Kind(el.Type.V), decimal: -1}
	if f.logical(el.LogicalType.Value) {
		return f
	}
	if el.ConvertedType.Valid {
		f.converted(el.ConvertedType.V)
		if el.ConvertedType.V == deprecated.Decimal {
			f.decimal = el.Scale.V
		}
	}
	return f
}

func formatOf(t parquet.Type) cellFormat {
	f := cellFormat{kind: t.Kind(), decimal: -1}
	if lt := t.LogicalType(); lt != nil && f.logical(lt.Value) {
		return f
	}
	if ct := t.ConvertedType(); ct != nil {
		f.converted(*ct)
	}
	return f
}

// logical sets f from a column's logical type, reporting whether it has
// one (then the converted type is not read).
func (f *cellFormat) logical(lt any) bool {
	switch l := lt.(type) {
	case nil:
		return false
	case *format.DateType:
		f.date = true
	case *format.TimestampType:
		if l.Unit.Value != nil {
			f.unit = l.Unit.Value.Duration()
		}
	case *format.DecimalType:
		f.decimal = l.Scale
	case *format.IntType:
		f.unsigned = !l.IsSigned
	case *format.StringType, *format.EnumType, *format.JsonType:
		f.text = true
	}
	return true
}

// converted sets f from a column's converted (legacy) type.
func (f *cellFormat) converted(ct deprecated.ConvertedType) {
	switch ct {
	case deprecated.Date:
		f.date = true
	case deprecated.TimestampMillis:
		f.unit = time.Millisecond
	case deprecated.TimestampMicros:
		f.unit = time.Microsecond
	case deprecated.Uint8, deprecated.Uint16, deprecated.Uint32, deprecated.Uint64:
		f.unsigned = true
	case deprecated.UTF8, deprecated.Enum, deprecated.Json:
		f.text = true
	}
}

// appendCell appends the text of v to b: nulls are blank, integers and
// doubles are numbers (a whole double has no ".0", so 17850.0 reads
// "17850"), strings are their bytes, DATE is YYYY-MM-DD and TIMESTAMP and
// INT96 are YYYY-MM-DD HH:MM:SS (UTC, with fractional seconds when present).
// Bytes that are not UTF-8 text are written as hexadecimal 0x….
func (f cellFormat) appendCell(b []byte, v parquet.Value) []byte {
	if v.IsNull() {
		return b
	}
	switch v.Kind() {
	case parquet.Boolean:
		return strconv.AppendBool(b, v.Boolean())
	case parquet.Int32:
		if f.unsigned {
			return strconv.AppendUint(b, uint64(uint32(v.Int32())), 10)
		}
		return f.appendInt(b, int64(v.Int32()))
	case parquet.Int64:
		if f.unsigned {
			return strconv.AppendUint(b, v.Uint64(), 10)
		}
		return f.appendInt(b, v.Int64())
	case parquet.Int96:
		x := v.Int96()
		nanos := int64(x[1])<<32 | int64(x[0])
		day := int64(int32(x[2])) - 2440588 // the Julian day of 1970-01-01
		return appendStamp(b, time.Unix(day*86400, 0).UTC().Add(time.Duration(nanos)))
	case parquet.Float:
		return appendFloat(b, float64(v.Float()), 32)
	case parquet.Double:
		return appendFloat(b, v.Double(), 64)
	case parquet.ByteArray, parquet.FixedLenByteArray:
		raw := v.ByteArray()
		if f.decimal >= 0 {
			return appendDecimal(b, twosComplement(raw), f.decimal)
		}
		if f.text || utf8.Valid(raw) {
			return append(b, raw...)
		}
		b = append(b, "0x"...)
		return hex.AppendEncode(b, raw)
	}
	return append(b, v.String()...)
}

func (f cellFormat) appendInt(b []byte, n int64) []byte {
	switch {
	case f.date:
		return time.Unix(n*86400, 0).UTC().AppendFormat(b, time.DateOnly)
	case f.unit > 0:
		sec, frac := n/int64(time.Second/f.unit), n%int64(time.Second/f.unit)
		return appendStamp(b, time.Unix(sec, frac*int64(f.unit)).UTC())
	case f.decimal > 0:
		return appendDecimal(b, big.NewInt(n), f.decimal)
	}
	return strconv.AppendInt(b, n, 10)
}

func appendStamp(b []byte, t time.Time) []byte {
	if t.Nanosecond() != 0 {
		return t.AppendFormat(b, "2006-01-02 15:04:05.999999999")
	}
	return t.AppendFormat(b, time.DateTime)
}

// appendFloat writes a finite float in its shortest exact form without an
// exponent where that stays short; NaN is a missing value, as pandas writes
// one for a blank.
func appendFloat(b []byte, x float64, bits int) []byte {
	switch {
	case math.IsNaN(x):
		return b
	case math.IsInf(x, 0) || math.Abs(x) >= 1e21 || x != 0 && math.Abs(x) < 1e-6:
		return strconv.AppendFloat(b, x, 'g', -1, bits)
	}
	return strconv.AppendFloat(b, x, 'f', -1, bits)
}

// twosComplement reads a big-endian two's complement integer.
func twosComplement(raw []byte) *big.Int {
	n := new(big.Int).SetBytes(raw)
	if len(raw) > 0 && raw[0]&0x80 != 0 {
		n.Sub(n, new(big.Int).Lsh(big.NewInt(1), uint(8*len(raw))))
	}
	return n
}

func appendDecimal(b []byte, n *big.Int, scale int32) []byte {
	if scale <= 0 || scale > 76 {
		return n.Append(b, 10)
	}
	r := new(big.Rat).SetFrac(n, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(scale)), nil))
	return append(b, r.FloatString(int(scale))...)
}
