package walkthrough

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/tui/widget"
)

// maxTerms bounds how many terms of a long sum are listed one per line;
// the rest are summarised in one line with their total.
const maxTerms = 12

// page is one rendered step: a phase of the article's §3.2, a title, the
// body (explanation, then the maths with the numbers) and an optional
// matrix to draw as a heatmap beside or below it.
type page struct {
	phase string
	title string
	body  []string
	heat  *heatSpec
	bars  *barSpec
}

// barSpec is a signed bar chart (values per input or per neuron).
type barSpec struct {
	title string
	bars  []widget.Bar
}

// heatSpec is a matrix to show with one row and one column highlighted.
type heatSpec struct {
	title     string
	rows      [][]float64
	rowLabels []string
	colLabels []string
	hiRow     int
	hiCol     int
}

// renderer turns the walk's numbers into a page for the current choices.
type renderer struct {
	w      *walk
	st     Styles
	lang   string
	width  int
	neuron []int // chosen neuron per layer
	col    []int // chosen weight (input index) per layer
	layer  int   // the layer the gradient and update steps show
	// threshold is the decision threshold in use, the Users screen's.
	threshold float64
	// updateStep is the optimiser's step, counted from 1 (0: none).
	updateStep int
}

func (r renderer) t(key string, args ...any) string { return tr(r.lang, key, args...) }

// para wraps a paragraph to the page width.
func (r renderer) para(key string, args ...any) []string {
	return widget.WrapStyled(r.t(key, args...), r.width, r.st.Text)
}

// sentences joins sentences into one paragraph: with a space in English,
// without one in Chinese.
func (r renderer) sentences(parts ...string) string {
	if r.lang == "zh" {
		return strings.Join(parts, "")
	}
	return strings.Join(parts, " ")
}

// note wraps a secondary remark.
func (r renderer) note(key string, args ...any) []string {
	return widget.WrapStyled(r.t(key, args...), r.width, r.st.Muted)
}

// indented wraps a remark that belongs to the maths, two cells in.
func (r renderer) indented(key string, args ...any) []string {
	return r.indentedStyled(r.st.Muted, key, args...)
}

// indentedStyled wraps a line of the maths in style, two cells in.
func (r renderer) indentedStyled(style lipgloss.Style, key string, args ...any) []string {
	lines := widget.WrapStyled(r.t(key, args...), r.width-2, style)
	for i, l := range lines {
		lines[i] = "  " + l
	}
	return lines
}

// formula is one indented line of symbolic maths.
func (r renderer) formula(s string) string { return "  " + r.st.Formula.Render(s) }

// Symbols in the article's notation, with 1-based layer numbers.
func zSym(k int) string { return "z" + subscript(k+1) }
func aSym(k int) string { return "a" + subscript(k+1) }
func wSym(k int) string { return "W" + subscript(k+1) }
func bSym(k int) string { return "b" + subscript(k+1) }
func dSym(k int) string { return "δ" + subscript(k+1) }

// inSym is the input of layer k: x for the first layer, a_{k−1} otherwise.
func inSym(k int) string {
	if k == 0 {
		return "x"
	}
	return aSym(k - 1)
}

// idx writes a 1-based element reference such as z₁[3] or W₂[3,5].
func idx(sym string, i ...int) string {
	parts := make([]string, len(i))
	for n, v := range i {
		parts[n] = strconv.Itoa(v + 1)
	}
	return sym + "[" + strings.Join(parts, ",") + "]"
}

// inputName names input i of layer k: the feature for the first layer.
func (r renderer) inputName(k, i int) string {
	if k == 0 && i < len(r.w.inputNames) {
		return r.w.inputNames[i]
	}
	return idx(inSym(k), i)
}

// term is one product of a sum written out: a weight times a value.
type term struct {
	index   int
	label   string
	factor  float64
	value   float64
	product float64
}

// termTable lists the terms of a sum one per line; with more than maxTerms
// it lists the largest |products| (in index order) and one line with how
// many were left out and their total (engine.LargestTerms picks them and
// adds the rest up), so the reader still sees every number that adds up
// to the result.
func (r renderer) termTable(terms []term, head []string) []string {
	return r.termList(terms, head, maxTerms, true, nil)
}

// termTableValues is termTable with the values printed by value, for
// values another page lists too (δ of the layer above), so that they read
// the same on both.
func (r renderer) termTableValues(terms []term, head []string, value func(float64) string) []string {
	return r.termList(terms, head, maxTerms, true, value)
}

// batchTerms lists the terms of a sum over the batch's rows: all of them
// up to listAll, else the listAll largest |products| and a line with how
// many were left out, which the engine's sum printed below includes (the
// panel adds nothing up itself).
func (r renderer) batchTerms(terms []term, head []string) []string {
	return r.termList(terms, head, listAll, false, nil)
}

// termList lists at most limit terms, the largest |products| in index
// order, and says how many it left out, with their total when restSum.
// value, when not nil, prints the values instead of their column's format.
// head[0] is the symbol of the index the terms are listed by (i, o, r).
func (r renderer) termList(terms []term, head []string, limit int, restSum bool, value func(float64) string) []string {
	all := make([]float64, len(terms))
	for i, t := range terms {
		all[i] = t.product
	}
	// The engine picks the terms shown and adds up the rest.
	picked, sum := engine.LargestTerms(all, limit)
	shown := make([]term, len(picked))
	for k, i := range picked {
		shown[k] = terms[i]
	}
	left := len(terms) - len(shown)
	// The columns' decimals come from every term, not only the listed
	// ones, so that a value reads the same here as in the inline sum above
	// the table (termFormats).
	fmtFactor, fmtValue, fmtProduct := termFormats(terms)
	fmtFactor = withSign(fmtFactor)
	if value != nil {
		fmtValue = value
	}
	tb := table{header: head, right: []bool{true, false, true, false, true, false, true}, focus: -1, indent: 2,
		width: r.width, squeeze: []int{0, 1}}
	for _, t := range shown {
		tb.rows = append(tb.rows, []string{strconv.Itoa(t.index + 1), t.label, fmtFactor(t.factor), "×", fmtValue(t.value), "=", r.signStyle(t.product, fmtProduct(t.product))})
	}
	lines := tb.render(r.st)
	if left > 0 && !restSum {
		lines = append(lines, "  "+r.st.Muted.Render(r.t("sum.rest.engine", left)))
		lines = append(lines, "  "+r.st.Muted.Render(r.t("sum.largest", len(shown), len(terms), head[0])))
	} else if left > 0 {
		lines = append(lines, "  "+r.st.Muted.Render(r.t("sum.rest", left, signed(sum))))
		lines = append(lines, "  "+r.st.Muted.Render(r.t("sum.largest", len(shown), len(terms), head[0])))
	}
	return lines
}

// signStyle colours a printed value by its sign (its text already says the
// sign, so nothing depends on colour alone).
func (r renderer) signStyle(v float64, text string) string {
	switch {
	case v > 0:
		return r.st.Positive.Render(text)
	case v < 0:
		return r.st.Negative.Render(text)
	}
	return r.st.Muted.Render(text)
}

// inline writes a sum of products on one line, eliding the middle of a
// long one: "0.41·0.53 + (−0.12)·0.20 + … + 0.07·(−0.49)".
func inline(terms []term) string {
	fmtFactor, fmtValue, _ := termFormats(terms)
	wrap := func(format func(float64) string, v float64) string {
		if v < 0 {
			return "(" + format(v) + ")"
		}
		return format(v)
	}
	parts := make([]string, 0, 4)
	for n, t := range terms {
		if len(terms) > 4 && n == 2 {
			parts = append(parts, "…")
		}
		if len(terms) <= 4 || n < 2 || n == len(terms)-1 {
			parts = append(parts, wrap(fmtFactor, t.factor)+"·"+wrap(fmtValue, t.value))
		}
	}
	return strings.Join(parts, " + ")
}

// termFormats are the formats of a sum's factors, values and products,
// each with the decimals its whole column needs (column), shared by the
// inline sum and the table of terms so that a number reads the same in
// both.
func termFormats(terms []term) (factor, value, product func(float64) string) {
	var factors, values, products []float64
	for _, t := range terms {
		factors, values, products = append(factors, t.factor), append(values, t.value), append(products, t.product)
	}
	return column(factors...), column(values...), withSign(column(products...))
}

// actName is how an activation is written in formulas.
func actName(act engine.Activation) string {
	switch act {
	case engine.ReLU:
		return "ReLU"
	case engine.LeakyReLU:
		return "LeakyReLU"
	case engine.Tanh:
		return "tanh"
	case engine.Sigmoid:
		return "σ"
	}
	return "id"
}

// chain writes the steps of a calculation joined by " = ", each once: a
// step that only repeats the one before it ("tanh(1.4619) = tanh(1.4619)",
// "2.3286 = 2.3286") is left out.
func chain(steps ...string) string {
	out := steps[:0:0]
	for _, s := range steps {
		if len(out) == 0 || out[len(out)-1] != s {
			out = append(out, s)
		}
	}
	return strings.Join(out, " = ")
}

// actFormula writes f(v) worked out, e.g. "max(0, 0.8420)".
func actFormula(act engine.Activation, z float64) string {
	switch act {
	case engine.ReLU:
		return "max(0, " + num(z) + ")"
	case engine.LeakyReLU:
		if z > 0 {
			return num(z)
		}
		return strconv.FormatFloat(engine.LeakySlope, 'g', -1, 64) + " × " + paren(z)
	case engine.Tanh:
		return "tanh(" + num(z) + ")"
	case engine.Sigmoid:
		return "1 / (1 + e^(" + num(-z) + "))"
	}
	return num(z)
}

// grid lays cells out in as many columns as the width allows, reading down
// the columns; the cell at focus is drawn in the focus style. Widths count
// display cells, as padRight does, so CJK feature names keep columns aligned.
func (r renderer) grid(cells []string, focus int) []string {
	cw := 0
	for _, c := range cells {
		cw = max(cw, ansi.StringWidth(c))
	}
	cw += 3
	cols := max(1, (r.width-2)/cw)
	rows := (len(cells) + cols - 1) / cols
	var out []string
	for i := range rows {
		var b strings.Builder
		b.WriteString("  ")
		for c := range cols {
			n := c*rows + i
			if n >= len(cells) {
				break
			}
			cell := padRight(cells[n], cw-3)
			if n == focus {
				cell = r.st.Focus.Render(cell)
			}
			b.WriteString(cell + "   ")
		}
		out = append(out, strings.TrimRight(b.String(), " "))
	}
	return out
}
