package datascreen

import (
	"math"
	"strconv"
	"strings"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// num writes a reading with grouped digits, never in e-notation where a
// column can hold it: 63,973.52, 118.75, 0.0123. Integers keep all their
// digits, others at most two decimals (three significant digits below 1).
func num(v float64) string {
	a := math.Abs(v)
	switch {
	case math.IsNaN(v):
		return "–"
	case math.IsInf(v, 0) || a >= 1e15 || (a < 1e-4 && a > 0):
		return widget.FormatValue(v)
	case a < 1:
		return strconv.FormatFloat(v, 'g', 3, 64)
	}
	text := strconv.FormatFloat(a, 'f', 2, 64)
	whole, frac, _ := strings.Cut(text, ".")
	frac = strings.TrimRight(frac, "0")
	n, _ := strconv.Atoi(whole)
	out := common.Thousands(n)
	if frac != "" {
		out += "." + frac
	}
	if v < 0 {
		out = "-" + out
	}
	return out
}

// wrap breaks text into lines of at most w cells (CJK characters count
// two), keeping at most maxLines; the last kept line ends in an ellipsis
// when more would follow. Lines break at spaces and between CJK
// characters, never inside a word unless the word alone is wider than w.
func wrap(text string, w, maxLines int) []string {
	if w <= 0 || maxLines <= 0 {
		return nil
	}
	lines := widget.WrapUnmarked(text, w)
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		lines[maxLines-1] = common.Truncate(lines[maxLines-1]+" …", w)
	}
	return lines
}
