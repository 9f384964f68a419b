package data

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Thousands writes n with comma thousands separators (12,345), the one
// spelling of counts in messages, the CLI and the TUI.
func Thousands(n int) string { return thousands64(int64(n)) }

// thousands64 is Thousands for an int64, every one of them: the magnitude
// is taken as a uint64, which holds that of math.MinInt64 (whose negation
// is itself as an int64).
func thousands64(n int64) string {
	u, sign := uint64(n), ""
	if n < 0 {
		u, sign = -u, "-"
	}
	s := strconv.FormatUint(u, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return sign + s
}

// Count writes n with thousands separators and the English noun one or
// many as n requires: "1 customer", "2,357 customers".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return Thousands(n) + " " + many
}

// binaryUnits are the units Bytes writes, each 1024 times the last.
var binaryUnits = []string{"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"}

// Bytes writes a byte count with a binary unit and two or three
// significant digits: "149 GiB", "1.5 GiB", "820 MiB", "512 bytes", the
// one spelling of sizes in messages, the CLI and the TUI.
func Bytes(b float64) string {
	unit := 0
	for b >= 1024 && unit < len(binaryUnits)-1 {
		b /= 1024
		unit++
	}
	if unit == 0 || b >= 10 {
		return fmt.Sprintf("%.0f %s", b, binaryUnits[unit])
	}
	return strconv.FormatFloat(math.Round(b*10)/10, 'f', -1, 64) + " " + binaryUnits[unit]
}

// byteUnits are the units ParseBytes reads, lower-cased: binary ones as
// GOMEMLIMIT spells them, and decimal ones.
var byteUnits = map[string]float64{
	"": 1, "b": 1, "bytes": 1,
	"kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30, "tib": 1 << 40,
	"kb": 1e3, "mb": 1e6, "gb": 1e9, "tb": 1e12,
}

// ErrByteSize is matched (errors.Is) by sizes ParseBytes cannot read.
var ErrByteSize = errors.New("not a size: write a number of bytes with a unit, such as 256MiB or 1.5GiB")

// ParseBytes reads a size such as "256MiB", "1.5 GiB", "500MB" or "1024"
// (bytes): binary units KiB, MiB, GiB and TiB, decimal ones KB, MB, GB and
// TB, in any case. It refuses negative and fractional-byte results.
func ParseBytes(s string) (int64, error) {
	text := strings.TrimSpace(s)
	split := strings.IndexFunc(text, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	if split < 0 {
		split = len(text)
	}
	unit, ok := byteUnits[strings.ToLower(strings.TrimSpace(text[split:]))]
	if !ok || split == 0 {
		return 0, fmt.Errorf("%q: %w", s, ErrByteSize)
	}
	n, err := strconv.ParseFloat(text[:split], 64)
	if err != nil {
		return 0, fmt.Errorf("%q: %w", s, ErrByteSize)
	}
	b := n * unit
	if b != math.Trunc(b) || b >= math.MaxInt64 {
		return 0, fmt.Errorf("%q: %w", s, ErrByteSize)
	}
	return int64(b), nil
}
