package datascreen

import (
	"slices"
	"testing"
	"time"
)

func TestNum(t *testing.T) {
	cases := map[float64]string{63973.52: "63,973.52", 118.75: "118.75", 8684.8: "8,684.8", 72: "72", -1234567: "-1,234,567",
		0.0123: "0.0123", 0: "0", 1385.85: "1,385.85", 999.999: "1,000"}
	for v, want := range cases {
		if got := num(v); got != want {
			t.Errorf("num(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestWrapBreaksAtSpacesAndBetweenCJK(t *testing.T) {
	cases := []struct {
		text string
		w, n int
		want []string
	}{
		{"log 1998-01-01 → 2099-12-31 · left", 16, 3, []string{"log 1998-01-01 →", "2099-12-31 ·", "left"}},
		{"数值：柱高为各类别 Yes 内部的占比", 12, 3, []string{"数值：柱高为", "各类别 Yes", "内部的占比"}},
		{"范围取第百分位；取值：长度", 10, 3, []string{"范围取第百", "分位；取", "值：长度"}},
		{"Computer science", 9, 3, []string{"Computer", "science"}},
		{"abcdefghij", 4, 3, []string{"abcd", "efgh", "ij"}},
		{"one two three four", 8, 2, []string{"one two", "three …"}},
	}
	for _, c := range cases {
		if got := wrap(c.text, c.w, c.n); !slices.Equal(got, c.want) {
			t.Errorf("wrap(%q, %d) = %q, want %q", c.text, c.w, got, c.want)
		}
	}
}

// TestRangeCellShortensNumbersNeverCutsThem: a range too wide for its cell
// is written with fewer digits (online_retail's monetary_total read
// "2.9 – 247,885.…" at 80 columns), never cut inside a number.
func TestRangeCellShortensNumbersNeverCutsThem(t *testing.T) {
	day := func(s string) float64 {
		v, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return float64(v.Unix() / 86400)
	}
	cases := []struct {
		lo, hi float64
		date   bool
		w      int
		want   string
		ok     bool
	}{
		{2.9, 247885.45, false, 16, "2.9 – 247,885.45", true},
		{2.9, 247885.45, false, 15, "2.9 – 247,885", true},
		{2.9, 247885.45, false, 12, "2.9 – 248k", true},
		{-1234567, 99.5, false, 15, "-1.23M – 99.5", true},
		{0, 999999, false, 8, "0 – 1M", true},
		{0.5, 12345.678, false, 11, "0.5 – 12.3k", true},
		{2.9, 247885.45, false, 6, "2.9 – 248k", false},
		{day("2010-12-01"), day("2011-12-09"), true, 23, "2010-12-01 – 2011-12-09", true},
		{day("2010-12-01"), day("2011-12-09"), true, 20, "2010-12 – 2011-12", true},
		{day("2010-12-01"), day("2011-12-09"), true, 12, "2010 – 2011", true},
	}
	for _, c := range cases {
		got, ok := rangeCell(c.lo, c.hi, c.date, c.w)
		if got != c.want || ok != c.ok {
			t.Errorf("rangeCell(%v, %v, %v, %d) = %q, %v; want %q, %v", c.lo, c.hi, c.date, c.w, got, ok, c.want, c.ok)
		}
	}
}
