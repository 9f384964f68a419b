package data

import (
	"errors"
	"math"
	"testing"
)

// TestThousands: every int, math.MinInt64 among them (−2⁶³ =
// −9,223,372,036,854,775,808, whose negation is itself: Thousands used to
// recurse on it until the stack overflowed, a corrupt Parquet footer's row
// count could reach it).
func TestThousands(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {69659, "69,659"}, {1048576, "1,048,576"}, {-1234567, "-1,234,567"},
		{-1, "-1"}, {-999, "-999"}, {-1000, "-1,000"},
		{math.MaxInt64, "9,223,372,036,854,775,807"}, {math.MinInt64, "-9,223,372,036,854,775,808"}, {math.MinInt64 + 1, "-9,223,372,036,854,775,807"}} {
		if got := Thousands(c.n); got != c.want {
			t.Errorf("Thousands(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

func TestBytes(t *testing.T) {
	for _, c := range []struct {
		b    float64
		want string
	}{
		{0, "0 bytes"}, {512, "512 bytes"}, {1536, "1.5 KiB"}, {820 << 20, "820 MiB"}, {149 << 30, "149 GiB"},
		{23.4 * (1 << 30), "23 GiB"}, {1.04 * (1 << 30), "1 GiB"}, {3 << 40, "3 TiB"},
	} {
		if got := Bytes(c.b); got != c.want {
			t.Errorf("Bytes(%v) = %q, want %q", c.b, got, c.want)
		}
	}
}

func TestParseBytes(t *testing.T) {
	for _, c := range []struct {
		text string
		want int64
	}{
		{"0", 0}, {"1024", 1024}, {"256MiB", 256 << 20}, {"256 mib", 256 << 20}, {"1.5GiB", 3 << 29},
		{"2KiB", 2048}, {"1TiB", 1 << 40}, {"500MB", 500e6}, {"1gb", 1e9}, {" 12B ", 12}, {"3 bytes", 3},
	} {
		got, err := ParseBytes(c.text)
		if err != nil || got != c.want {
			t.Errorf("ParseBytes(%q) = %d, %v; want %d", c.text, got, err, c.want)
		}
	}
	for _, text := range []string{"", "MiB", "-1MiB", "1.5", "12 parsecs", "1e3", "1..2KiB", "99999999999TiB"} {
		if got, err := ParseBytes(text); !errors.Is(err, ErrByteSize) {
			t.Errorf("ParseBytes(%q) = %d, %v; want ErrByteSize", text, got, err)
		}
	}
}

// TestCount: the noun follows the count, which has thousands separators.
func TestCount(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{0, "0 customers"}, {1, "1 customer"}, {2, "2 customers"}, {2357, "2,357 customers"}} {
		if got := Count(c.n, "customer", "customers"); got != c.want {
			t.Errorf("Count(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}
