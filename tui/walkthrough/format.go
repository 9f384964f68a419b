package walkthrough

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/retainlab/retain/tui/widget"
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
		return strings.ReplaceAll(strconv.FormatFloat(v, 'g', 6, 64), "-", "−")
	}
	return strings.Replace(strconv.FormatFloat(v, 'f', 6, 64), "-", "−", 1)
}

// parenFine is fine in parentheses when negative, for the operands of the
// update page's products.
func parenFine(v float64) string {
	if v < 0 {
		return "(" + fine(v) + ")"
	}
	return fine(v)
}

// signedFine is fine with an explicit + for positive values.
func signedFine(v float64) string {
	if v > 0 {
		return "+" + fine(v)
	}
	return fine(v)
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
//
// width, when above 0, is the widest a line may be. A table wider than
// that narrows the columns whose squeeze is above 0, those with the
// highest squeeze first (the widest of them first), down to minCell cells,
// and wraps their cells at word boundaries onto more lines (widget.WrapCell).
// Columns of numbers keep squeeze 0 and are never narrowed. A table that
// still does not fit is left to the caller.
//
// cut marks columns whose cells are cut with "…" instead: names whose
// continuation on a line of its own would read as a row of its own
// ("OnlineSecurity=No" over "internet service"). Such a column may narrow
// below its longest word, so its squeeze should be below the wrapped ones'.
type table struct {
	header  []string
	rows    [][]string
	right   []bool
	cut     []bool
	focus   int
	indent  int
	width   int
	squeeze []int
}

// minCell is the narrowest a text column of a table becomes.
const minCell = 10

// fitWidths narrows the text columns of natural widths so that the table
// fits t.width, following t.squeeze: first no column below its longest
// word, so that every word stays whole, and only then down to minCell.
func (t table) fitWidths(widths []int) []int {
	if t.width <= 0 {
		return widths
	}
	over := t.indent + 2*(len(widths)-1) - t.width
	for _, w := range widths {
		over += w
	}
	words := t.longestWords(len(widths))
	for _, wholeWords := range []bool{true, false} {
		for over > 0 {
			best := -1
			for j, w := range widths {
				if t.squeezeOf(j) <= 0 || w <= minCell || (wholeWords && w <= words[j]) {
					continue
				}
				if best < 0 || t.squeezeOf(j) > t.squeezeOf(best) || (t.squeezeOf(j) == t.squeezeOf(best) && w > widths[best]) {
					best = j
				}
			}
			if best < 0 {
				break
			}
			widths[best]--
			over--
		}
	}
	return widths
}

// longestWords is the width of the widest unbreakable piece of each column.
func (t table) longestWords(n int) []int {
	words := make([]int, n)
	for _, r := range append([][]string{t.header}, t.rows...) {
		for j, c := range r {
			if j >= n {
				continue
			}
			words[j] = max(words[j], widget.LongestWord(c))
		}
	}
	for j := range words {
		if t.cuts(j) {
			words[j] = t.mostCells(j)
		}
	}
	return words
}

// mostCells is the width that holds half the cells of column j whole (at
// least minCell): a cut column narrows no further while the wrapped ones
// can still narrow to their longest word, so that only its longer cells
// are cut.
func (t table) mostCells(j int) int {
	var widths []int
	for _, r := range t.rows {
		if j < len(r) {
			widths = append(widths, ansi.StringWidth(r[j]))
		}
	}
	if len(widths) == 0 {
		return minCell
	}
	slices.Sort(widths)
	return max(widths[(len(widths)-1)/2], minCell)
}

// cuts reports whether column j is cut rather than wrapped.
func (t table) cuts(j int) bool { return j < len(t.cut) && t.cut[j] }

func (t table) squeezeOf(j int) int {
	if j < len(t.squeeze) {
		return t.squeeze[j]
	}
	return 0
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
	widths = t.fitWidths(widths)
	cell := func(j int, c string) string {
		if j < len(t.right) && t.right[j] {
			return padLeft(c, widths[j])
		}
		return padRight(c, widths[j])
	}
	// lines lays one row out on as many lines as its tallest cell needs.
	lines := func(r []string, style func(string) string) []string {
		cells := make([][]string, len(r))
		height := 1
		for j, c := range r {
			cells[j] = []string{c}
			switch {
			case j >= len(widths) || ansi.StringWidth(c) <= widths[j]:
			case t.cuts(j):
				cells[j] = []string{ansi.Truncate(c, widths[j], "…")}
			default:
				cells[j] = widget.WrapCell(c, widths[j])
			}
			height = max(height, len(cells[j]))
		}
		out := make([]string, height)
		for i := range height {
			var parts []string
			for j := range r {
				c := ""
				if i < len(cells[j]) {
					c = cells[j][i]
				}
				parts = append(parts, cell(j, c))
			}
			// Trim before styling: styled blanks are no longer trimmable.
			for len(parts) > 0 && strings.TrimSpace(parts[len(parts)-1]) == "" {
				parts = parts[:len(parts)-1]
			}
			for j := range parts {
				if j == len(parts)-1 {
					parts[j] = strings.TrimRight(parts[j], " ")
				}
				parts[j] = style(parts[j])
			}
			out[i] = strings.Join(parts, "  ")
		}
		return out
	}
	pad := strings.Repeat(" ", t.indent)
	plain := func(s string) string { return s }
	var out []string
	if len(t.header) > 0 {
		header := func(s string) string { return st.Header.Render(s) }
		for _, l := range lines(t.header, header) {
			out = append(out, pad+l)
		}
	}
	for i, r := range t.rows {
		for _, l := range lines(r, plain) {
			if i == t.focus {
				l = st.Focus.Render(l)
			}
			out = append(out, pad+l)
		}
	}
	return out
}
