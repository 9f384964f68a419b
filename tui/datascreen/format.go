package datascreen

import (
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/data"
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
// when more would follow, after its last whole word where the ellipsis
// would otherwise cut a Latin word or end one ("(no…" reads as the word
// "no" cut short).
// Lines break at spaces and between CJK characters, never inside a word
// unless the word alone is wider than w.
func wrap(text string, w, maxLines int) []string {
	if w <= 0 || maxLines <= 0 {
		return nil
	}
	lines := widget.WrapUnmarked(text, w)
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		last := lines[maxLines-1]
		// The ellipsis takes the last cell: a Latin character before it
		// is in a word it would cut, or glue itself to.
		if head := ansi.Truncate(last, w-1, ""); ansi.StringWidth(last)+2 > w && latinAt(head, len(head)-1) {
			if words := widget.WrapUnmarked(last, w-2); len(words) > 1 {
				last = words[0]
			}
		}
		lines[maxLines-1] = common.Truncate(last+" …", w)
	}
	return lines
}

// latinAt reports whether s has a printable ASCII character other than a
// space at byte i.
func latinAt(s string, i int) bool { return i >= 0 && i < len(s) && s[i] > ' ' && s[i] < 0x7f }

// rangeCell writes a column's range lo – hi in at most w cells, shortening
// the numbers deliberately rather than cutting one: first as num writes
// them, then with values of 100 and above rounded to whole numbers
// (247,885.45 as 247,885), then with values of 10,000 and above to three
// significant digits and a k, M, B or T (248k); dates first to the day,
// then to the month, then to the year. ok is false when even the
// shortest form is wider than w.
func rangeCell(lo, hi float64, date bool, w int) (cell string, ok bool) {
	var forms []func(float64) string
	if date {
		forms = []func(float64) string{data.FormatDay,
			func(v float64) string { return prefix(data.FormatDay(v), 7) },
			func(v float64) string { return prefix(data.FormatDay(v), 4) }}
	} else {
		forms = []func(float64) string{num, roundedNum, compactNum}
	}
	for _, form := range forms {
		cell = form(lo) + " – " + form(hi)
		if ansi.StringWidth(cell) <= w {
			return cell, true
		}
	}
	return cell, false
}

// prefix is the first n bytes of s (all of it when shorter).
func prefix(s string, n int) string { return s[:min(n, len(s))] }

// roundedNum writes v as num does, rounded to a whole number from 100 up.
func roundedNum(v float64) string {
	if math.Abs(v) >= 100 && !math.IsInf(v, 0) {
		v = math.Round(v)
	}
	return num(v)
}

// compactNum writes v as roundedNum does below 10,000 and from there to
// three significant digits with a unit: 12.3k, 248k, 1.23M, 4B.
func compactNum(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) < 1e4 {
		return roundedNum(v)
	}
	mag := math.Pow(10, math.Floor(math.Log10(math.Abs(v)))-2)
	r := math.Round(v/mag) * mag // three significant digits
	for _, u := range []struct {
		scale float64
		unit  string
	}{{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "k"}} {
		if math.Abs(r) >= u.scale && (u.unit != "T" || math.Abs(r) < 1e15) {
			return strconv.FormatFloat(r/u.scale, 'f', -1, 64) + u.unit
		}
	}
	return widget.FormatValue(v)
}
