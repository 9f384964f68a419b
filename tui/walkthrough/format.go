package walkthrough

import (
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// num prints a value the way the maths is read: four decimals for ordinary
// magnitudes, four significant digits for small ones (Adam's second
// moments are around 1e−6), and a true minus sign.
func num(v float64) string {
	var s string
	switch a := math.Abs(v); {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 0):
		s = "∞"
	case v == 0:
		return "0"
	case a >= 0.01 && a < 1e6:
		s = strconv.FormatFloat(a, 'f', 4, 64)
	default:
		s = strconv.FormatFloat(a, 'g', 4, 64)
		s = strings.Replace(s, "e-", "e−", 1)
	}
	if v < 0 {
		return "−" + s
	}
	return s
}

// column returns a formatter that prints every value of a table column
// with the same number of decimals — enough for four significant digits
// of the largest |value|, at least four, at most eight — so the decimal
// points line up and small and large entries compare at a glance.
func column(values ...float64) func(float64) string {
	biggest := 0.0
	for _, v := range values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			biggest = math.Max(biggest, math.Abs(v))
		}
	}
	decimals := 4
	if biggest > 0 {
		decimals = min(max(3-int(math.Floor(math.Log10(biggest))), 4), 8)
	}
	return func(v float64) string {
		if v == 0 {
			return "0"
		}
		if math.Abs(v) >= 1e6 || math.IsNaN(v) || math.IsInf(v, 0) {
			return num(v)
		}
		return strings.Replace(strconv.FormatFloat(v, 'f', decimals, 64), "-", "−", 1)
	}
}

// withSign adds an explicit + to a formatted positive value.
func withSign(format func(float64) string) func(float64) string {
	return func(v float64) string {
		if v > 0 {
			return "+" + format(v)
		}
		return format(v)
	}
}

// fine prints a weight with six decimals, for the update step, where a
// change of about the learning rate must be visible.
func fine(v float64) string {
	if a := math.Abs(v); a != 0 && (a < 0.01 || a >= 1e6) {
		return strings.Replace(strconv.FormatFloat(v, 'g', 6, 64), "-", "−", 1)
	}
	return strings.Replace(strconv.FormatFloat(v, 'f', 6, 64), "-", "−", 1)
}

// signed is num with an explicit + for positive values, so columns of
// terms line up and the sign never depends on colour.
func signed(v float64) string {
	if v > 0 {
		return "+" + num(v)
	}
	return num(v)
}

// short prints whole numbers (labels, counts) without decimals.
func short(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return num(v)
}

// paren wraps a negative number in parentheses inside a product or sum,
// where "a × −b" is easy to misread.
func paren(v float64) string {
	if v < 0 {
		return "(" + num(v) + ")"
	}
	return num(v)
}

// subscript writes n with Unicode subscript digits: z₁, W₂.
func subscript(n int) string {
	digits := []rune("₀₁₂₃₄₅₆₇₈₉")
	var b strings.Builder
	for _, r := range strconv.Itoa(n) {
		b.WriteRune(digits[r-'0'])
	}
	return b.String()
}

// padRight and padLeft pad by display cells, so CJK text aligns too.
func padRight(s string, w int) string {
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}

func padLeft(s string, w int) string {
	return strings.Repeat(" ", max(w-ansi.StringWidth(s), 0)) + s
}

// table lays out cells in aligned columns. right marks columns aligned to
// the right (numbers). focus is a row drawn in the focus style (−1: none);
// styleRow may colour other rows. Widths count display cells.
type table struct {
	header []string
	rows   [][]string
	right  []bool
	focus  int
	indent int
}

func (t table) render(st Styles) []string {
	widths := make([]int, len(t.header))
	for _, r := range append([][]string{t.header}, t.rows...) {
		for j, c := range r {
			if j < len(widths) {
				widths[j] = max(widths[j], ansi.StringWidth(c))
			}
		}
	}
	cell := func(j int, c string) string {
		if j < len(t.right) && t.right[j] {
			return padLeft(c, widths[j])
		}
		return padRight(c, widths[j])
	}
	line := func(r []string) string {
		parts := make([]string, len(r))
		for j, c := range r {
			parts[j] = cell(j, c)
		}
		return strings.TrimRight(strings.Join(parts, "  "), " ")
	}
	pad := strings.Repeat(" ", t.indent)
	var out []string
	if len(t.header) > 0 {
		hs := make([]string, len(t.header))
		for j, h := range t.header {
			hs[j] = st.Header.Render(cell(j, h))
		}
		out = append(out, pad+strings.Join(hs, "  "))
	}
	for i, r := range t.rows {
		l := line(r)
		if i == t.focus {
			l = st.Focus.Render(l)
		}
		out = append(out, pad+l)
	}
	return out
}
