package datascreen

import (
	"slices"
	"testing"
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
