package walkthrough

import (
	"strconv"
	"strings"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/widget"
)

// rawPage shows the user as the data records them (§3.2 step 1).
func (r renderer) rawPage() page {
	w := r.w
	p := page{phase: r.t("phase.collect"), title: r.t("raw.title")}
	p.body = r.para("raw.body", w.id)
	fromLog := w.fromLog()
	if fromLog {
		// An order log's customer is computed, not recorded.
		p.title, p.body = r.t("raw.title.log"), r.para("raw.body.log", w.id, w.cutoffText())
	}
	if w.exp.Data.Source.Kind == "textbook" {
		p.body = append(p.body, "")
		p.body = append(p.body, r.note("raw.textbook")...)
	}
	if w.restored > 0 && r.updateStep > 0 {
		// The update step would teach a step that never happened: say
		// where a real one is seen.
		p.body = append(p.body, "")
		p.body = append(p.body, r.note("raw.restored", w.restored, w.epochs, r.updateStep)...)
	}
	tb := table{header: []string{r.t("col.column"), r.t("col.kind"), r.t("col.value")}, right: []bool{false, false, true}, focus: -1, indent: 2,
		width: r.width, squeeze: []int{1, 1, 1}}
	for _, rv := range w.raw {
		tb.rows = append(tb.rows, []string{rv.col.Name, r.kindName(rv.col), r.rawText(rv, fromLog)})
	}
	p.body = append(p.body, "")
	p.body = append(p.body, tb.render(r.st)...)
	if lbl := w.exp.Data.Table.Label; lbl.Name != "" && w.labelText != "" {
		p.body = append(p.body, "")
		p.body = append(p.body, r.para("raw.label", lbl.Name, w.labelText)...)
	}
	return p
}

func (r renderer) kindName(col *data.PipelineColumn) string {
	if col.Date {
		return r.t("kind.date")
	}
	switch col.Kind {
	case data.Boolean:
		return r.t("kind.boolean")
	case data.Categorical:
		return r.t("kind.category")
	}
	return r.t("kind.numeric")
}

// fromLog reports whether the user is an order log's customer, whose
// values were computed from the log rather than read from a table.
func (w *walk) fromLog() bool { return w.exp.Data.Log != nil || w.exp.Data.Source.Kind == "log" }

// cutoffText is the cohort's cutoff date, "?" when the table kept no
// cohort report.
func (w *walk) cutoffText() string {
	if c := w.cohort(); c != nil {
		return c.Cutoff.Format(time.DateOnly)
	}
	return "?"
}

// cohort is the order log's customers the user is one of, at their
// cutoff (nil for a table that is not an order log's).
func (w *walk) cohort() *data.CohortReport {
	if !w.fromLog() || w.exp.Data.Table == nil {
		return nil
	}
	return w.exp.Data.Cohort
}

// rawText prints an original value in the data's own spelling; a value
// computed from an order log (rounded) with 4 significant digits, as the
// Users screen shows it.
func (r renderer) rawText(rv rawValue, rounded bool) string {
	switch {
	case rv.missing:
		return r.t("missing")
	case rv.col.Kind == data.Categorical:
		return rv.text
	case rv.col.Presence() && rv.number == 0:
		return r.t("blank")
	case rv.col.Kind == data.Boolean && len(rv.col.Levels) == 2 && (rv.number == 0 || rv.number == 1):
		return rv.col.Levels[int(rv.number)]
	case rv.col.Date:
		return data.FormatDay(rv.number)
	case rounded:
		return minus(experiment.FormatValue(rv.number))
	}
	return minus(strconv.FormatFloat(rv.number, 'g', 7, 64))
}

// inputPage shows how every raw value became an entry of x (§3.2 step 2).
func (r renderer) inputPage() page {
	w := r.w
	pipe := w.exp.Pipeline
	p := page{phase: r.t("phase.prepare"), title: r.t("input.title")}
	p.body = r.para("input.body", len(w.x))
	if num := r.numbersText(pipe); num != "" {
		p.body = append(append(p.body, ""), widget.WrapStyled(num, r.width, r.st.Text)...)
	}
	// The input's name is cut, never wrapped: a one-hot level on a line
	// of its own read as another input. The raw value, right-aligned in
	// cells the widest value sets, narrows first.
	tb := table{header: []string{"i", r.t("col.input"), r.t("col.raw"), r.t("col.rule"), "x[i]"},
		right: []bool{true, false, true, false, true}, cut: []bool{false, true}, focus: -1, indent: 2,
		width: r.width, squeeze: []int{0, 1, 2, 1}}
	// x with the decimals the next page's sums print it with (column), so
	// that a one-hot 1 reads 1.0000 on both.
	fmtX := column(w.x...)
	for i, out := range pipe.Outputs {
		if i >= len(w.x) || out.Input < 0 || out.Input >= len(w.raw) {
			continue
		}
		rv := w.raw[out.Input]
		raw, rule := r.rawText(rv, false), ""
		switch {
		case out.Indicator:
			rule = r.t("rule.indicator")
		case rv.col.Kind == data.Categorical:
			rule = r.t("rule.onehot", out.Level)
		case rv.col.Kind == data.Boolean && len(rv.col.Levels) == 2 && rv.col.Center == 0 && rv.col.Scale == 1:
			absent := rv.col.Levels[0]
			if rv.col.Presence() {
				absent = r.t("blank")
			}
			rule = r.t("rule.boolean", rv.col.Levels[1], absent)
		default:
			v := rv.number
			if rv.missing {
				v = rv.col.Fill
				filled := minus(strconv.FormatFloat(v, 'g', 7, 64))
				if rv.col.Date {
					filled = data.FormatDay(v)
				}
				raw = r.t("rule.filled", filled)
			}
			rule = r.scaleRule(rv.col, v, pipe.Options.Scale)
		}
		tb.rows = append(tb.rows, []string{strconv.Itoa(i + 1), out.Name, raw, rule, fmtX(w.x[i])})
	}
	p.body = append(p.body, "")
	p.body = append(p.body, tb.render(r.st)...)
	p.body = append(p.body, "")
	for _, c := range pipe.Columns {
		if c.Date {
			p.body = append(p.body, r.note("input.date")...)
			p.body = append(p.body, "")
			break
		}
	}
	for _, c := range pipe.Columns {
		if c.Log {
			p.body = append(p.body, r.note("input.log")...)
			p.body = append(p.body, "")
			break
		}
	}
	p.body = append(p.body, r.note("input.fit")...)
	p.bars = &barSpec{title: r.t("fig.x")}
	for i, name := range w.inputNames {
		if i < len(w.x) {
			p.bars.bars = append(p.bars.bars, widget.Bar{Label: name, Value: w.x[i]})
		}
	}
	return p
}

// numbersText says how the numeric columns were prepared, as the pipeline
// did it: which of them went through ln(1+v) first, and the scaling that
// followed ("" when the data has no numeric column).
func (r renderer) numbersText(pipe *data.Pipeline) string {
	var logged []string
	numeric := 0
	for _, c := range pipe.Columns {
		if c.Kind != data.Numeric {
			continue
		}
		numeric++
		if c.Log {
			logged = append(logged, c.Name)
		}
	}
	scale := "scale." + pipe.Options.Scale.String()
	switch {
	case numeric == 0:
		return ""
	case len(logged) == 0 || pipe.Options.Scale == data.ScaleNone:
		return r.t("input.num.plain", r.t(scale))
	case len(logged) == numeric:
		return r.t("input.num.log.all", r.t(scale+".log"))
	}
	return r.t("input.num.log.some", r.list(logged), r.t(scale+".log"), r.t(scale))
}

// list joins up to four names as "a, b and c", or counts more of them.
func (r renderer) list(names []string) string {
	switch n := len(names); {
	case n > 4:
		return r.t("input.cols.many", n)
	case n == 1:
		return names[0]
	default:
		return strings.Join(names[:n-1], r.t("list.sep")) + r.t("list.and") + names[n-1]
	}
}

// statistic writes a fitted statistic or a value in a scaling rule: five
// significant digits with a true minus sign.
func statistic(f float64) string { return minus(strconv.FormatFloat(f, 'g', 5, 64)) }

// minus writes the minus sign of a formatted number as −, not -.
func minus(s string) string { return strings.ReplaceAll(s, "-", "−") }

// operand writes text, the number f, after an operator: in parentheses
// when f is negative, so that "a − (−b)" never reads "a − −b".
func operand(f float64, text string) string {
	if f < 0 {
		return "(" + text + ")"
	}
	return text
}

// scaleRule writes the scaling of one value with the fitted statistics.
func (r renderer) scaleRule(col *data.PipelineColumn, v float64, s data.Scaling) string {
	if col.Date {
		return r.dateRule(col, v, s)
	}
	val := statistic(v)
	if c := col.Clipped(v); c != v {
		// Every scaling clips to the k-anonymous training range first:
		// [v→bound].
		val = "[" + statistic(v) + "→" + statistic(c) + "]"
	}
	return r.scaled(col, val, v, s)
}

// dateRule writes the scaling of a date column's day v: the days d before
// its latest date Max (clipped to the range first), then as a number.
func (r renderer) dateRule(col *data.PipelineColumn, v float64, s data.Scaling) string {
	day := minus(strconv.FormatFloat(v, 'f', -1, 64))
	if c := col.Clipped(v); c != v {
		day = "[" + day + "→" + minus(strconv.FormatFloat(c, 'g', 7, 64)) + "]"
	}
	d := col.Measured(v)
	days := statistic(d)
	return r.t("rule.date", minus(strconv.FormatFloat(col.Max, 'g', 7, 64)), operand(v, day), days) + "; " + r.scaled(col, days, d, s)
}

// scaled writes the ln(1+v) and scaling of val, the text of the value v.
func (r renderer) scaled(col *data.PipelineColumn, val string, v float64, s data.Scaling) string {
	if col.Log {
		// Skewed non-negative columns go through ln(1+v) before scaling.
		val = "ln(1+" + val + ")"
	}
	if s == data.ScaleNone || (col.Center == 0 && col.Scale == 1) {
		if col.Log || val != statistic(v) {
			return val
		}
		return r.t("rule.asis")
	}
	return "(" + val + " − " + operand(col.Center, statistic(col.Center)) + ") / " + operand(col.Scale, statistic(col.Scale))
}

// affinePage works out z_k = W_k·a_{k−1} + b_k for the chosen neuron.
func (r renderer) affinePage(k int) page {
	w := r.w
	l := w.net.Layers[k]
	j := r.neuron[k]
	in := w.prevActivation(k)
	p := page{phase: r.t("phase.forward"), title: r.t("affine.title", k+1, zSym(k)+" = "+wSym(k)+"·"+inSym(k)+" + "+bSym(k))}
	if l.Out == 1 {
		p.body = r.para("affine.body.one", l.In, wSym(k), inSym(k))
	} else {
		p.body = r.para("affine.body", l.Out, l.In, j+1, wSym(k), inSym(k))
	}
	p.body = append(p.body, "",
		r.formula(zSym(k)+" = "+wSym(k)+"·"+inSym(k)+" + "+bSym(k)+"    "+r.t("shape", wSym(k), l.Out, l.In)),
		r.formula(idx(zSym(k), j)+" = Σᵢ "+wSym(k)+"["+strconv.Itoa(j+1)+",i]·"+inSym(k)+"[i] + "+idx(bSym(k), j)))
	products := w.net.AffineTerms(k, j, in)
	terms := make([]term, l.In)
	for i := range l.In {
		terms[i] = term{index: i, label: r.inputName(k, i), factor: l.W[j*l.In+i], value: in[i], product: products[i]}
	}
	z := w.trace.Z[k][j]
	p.body = append(p.body, "")
	for n, line := range widget.WrapText(idx(zSym(k), j)+" = "+inline(terms)+" + "+paren(l.B[j]), r.width-8) {
		indent := "  "
		if n > 0 {
			indent = "        " // continuation lines start under the sum
		}
		p.body = append(p.body, indent+r.st.Text.Render(line))
	}
	p.body = append(p.body, "")
	p.body = append(p.body, r.termTable(terms, []string{"i", r.t("col.input"), wSym(k) + "[" + strconv.Itoa(j+1) + ",i]", "", inSym(k) + "[i]", "", r.t("col.product")})...)
	p.body = append(p.body,
		"  "+r.t("bias")+" "+idx(bSym(k), j)+" = "+signed(l.B[j]),
		"  "+r.st.Value.Render(idx(zSym(k), j)+" = "+num(z)))
	// Neurons dead for every user, after the sum: the arithmetic first.
	if k < len(w.dead) && w.dead[k] > 0 {
		why := "affine.dead.other"
		if l.Activation == engine.ReLU {
			why = "affine.dead.relu"
		}
		p.body = append(p.body, "")
		p.body = append(p.body, r.note("affine.dead", w.dead[k], l.Out)...)
		p.body = append(p.body, r.note(why)...)
	}
	p.heat = r.weightHeat(k, j, -1, wSym(k))
	return p
}

// weightHeat shows W_k with neuron j's row (and column i) highlighted.
func (r renderer) weightHeat(k, j, i int, title string) *heatSpec {
	l := r.w.net.Layers[k]
	return r.matrixHeat(k, l.W, j, i, title)
}

// matrixHeat shows an Out×In matrix of layer k (weights or gradients).
func (r renderer) matrixHeat(k int, flat []float64, j, i int, title string) *heatSpec {
	l := r.w.net.Layers[k]
	h := &heatSpec{title: title + " " + strconv.Itoa(l.Out) + "×" + strconv.Itoa(l.In), hiRow: j, hiCol: i}
	for o := range l.Out {
		h.rows = append(h.rows, flat[o*l.In:(o+1)*l.In])
		h.rowLabels = append(h.rowLabels, strconv.Itoa(o+1))
	}
	for c := range l.In {
		if k == 0 && c < len(r.w.inputNames) {
			h.colLabels = append(h.colLabels, r.w.inputNames[c])
		} else {
			h.colLabels = append(h.colLabels, strconv.Itoa(c+1))
		}
	}
	return h
}

// activatePage applies the layer's activation; for the output layer it is
// the prediction itself.
func (r renderer) activatePage(k int) page {
	if k == r.w.layerCount()-1 {
		return r.outputPage()
	}
	w := r.w
	l := w.net.Layers[k]
	j := r.neuron[k]
	name := actName(l.Activation)
	p := page{phase: r.t("phase.forward"), title: r.t("act.title", k+1, aSym(k)+" = "+name+"("+zSym(k)+")")}
	p.body = r.para("act." + l.Activation.String())
	z, a := w.trace.Z[k][j], w.trace.A[k][j]
	p.body = append(p.body, "",
		r.formula(aSym(k)+" = "+name+"("+zSym(k)+")"),
		"  "+r.st.Value.Render(chain(idx(aSym(k), j), name+"("+num(z)+")", actFormula(l.Activation, z), num(a))))
	cells := make([]string, l.Out)
	active := 0
	fmtZ, fmtA := withSign(column(w.trace.Z[k]...)), column(w.trace.A[k]...)
	for o := range l.Out {
		cells[o] = padLeft(strconv.Itoa(o+1), 2) + "  " + padLeft(fmtZ(w.trace.Z[k][o]), 9) + " → " + padLeft(fmtA(w.trace.A[k][o]), 8)
		if w.trace.A[k][o] > 0 {
			active++
		}
	}
	p.body = append(p.body, "", "  "+r.st.Header.Render(r.t("act.all", k+1)))
	p.body = append(p.body, r.grid(cells, j)...)
	if l.Activation == engine.ReLU {
		p.body = append(p.body, "")
		p.body = append(p.body, r.note("act.active", active, l.Out)...)
	}
	p.bars = &barSpec{title: r.t("fig.z", zSym(k))}
	if l.Activation == engine.ReLU {
		p.bars.title = r.t("fig.z.relu", zSym(k))
	}
	for o := range l.Out {
		mark := "  "
		if o == j {
			mark = "▸ " // SignedBars orders by size, so the chosen one is marked
		}
		p.bars.bars = append(p.bars.bars, widget.Bar{Label: mark + r.t("fig.neuron", o+1), Value: w.trace.Z[k][o]})
	}
	return p
}
