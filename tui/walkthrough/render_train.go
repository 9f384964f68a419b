package walkthrough

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/widget"
)

// posWeight is the weight of positive rows in the loss (1 when unset), as
// the engine trains with it.
func (w *walk) posWeight() float64 { return w.cfg.PositiveWeight() }

// weighted reports whether the loss weighs positive rows (cross-entropy
// with a positive-class weight other than 1).
func (w *walk) weighted() bool { return w.net.Arch.Loss != engine.MSE && w.posWeight() != 1 }

// userLabel is the first column: the batch row's user, marked for the
// selected one.
func (r renderer) userLabel(row int) string {
	id := r.w.batchIDs[row]
	if row == r.w.focus {
		return id + " ◂"
	}
	return id
}

// A batch of up to listAll rows is listed whole, so that every term of
// its sums is on the page (the run's default batch of 32 is); a larger one
// (a paused run's next batch of 1,024, say) lists its first listHead rows
// and the user's, and says how many it leaves out: the sums and means
// printed under the lists are still the engine's, over the whole batch.
const (
	listAll  = 32
	listHead = 8
)

// listed returns the batch rows the tables list, in batch order, and how
// many rows they leave out.
func (w *walk) listed() (rows []int, left int) {
	m := w.step.Rows
	if m <= listAll {
		rows = make([]int, m)
		for i := range rows {
			rows[i] = i
		}
		return rows, 0
	}
	for i := range listHead {
		rows = append(rows, i)
	}
	if w.focus >= listHead {
		rows = append(rows, w.focus)
	}
	return rows, m - len(rows)
}

// leftOut is the line under a list that leaves rows out (nil: none).
func (r renderer) leftOut(left int) []string {
	if left == 0 {
		return nil
	}
	return []string{"  " + r.st.Muted.Render(r.t("batch.left", left, r.w.step.Rows))}
}

// batchIntro is the loss page's opening: which batch the step is shown on.
func (r renderer) batchIntro() string {
	w := r.w
	st := &w.step
	switch {
	case w.next && w.focus >= 0:
		return r.sentences(r.t("loss.body.next", st.Rows), r.t("loss.next.user", w.id, w.focus+1))
	case w.next:
		return r.sentences(r.t("loss.body.next", st.Rows), r.t("loss.next.absent", w.id, w.batchIDs[w.example]))
	case w.cfg.BatchSize > st.Rows:
		return r.t("loss.body.demo", w.cfg.BatchSize, st.Rows, st.Rows-1)
	}
	return r.t("loss.body", st.Rows, st.Rows-1)
}

// lossPage shows the mini-batch and its loss.
func (r renderer) lossPage() page {
	w := r.w
	st := &w.step
	last := w.layerCount() - 1
	outs := w.net.Layers[last].Out
	o := r.neuron[last]
	p := page{phase: r.t("phase.loss"), title: r.t("loss.title", st.Rows)}
	switch batch := w.cfg.BatchSize; {
	case w.next:
		p.title = r.t("loss.title.next", st.Rows)
	case batch > st.Rows:
		// The run's batches are too big to print: the page says it shows
		// a smaller one, not that this is the batch training took.
		p.title = r.t("loss.title.demo", st.Rows, batch)
	}
	mean := r.t("loss.mean")
	if st.L2 != 0 {
		mean = r.t("loss.mean.l2")
	}
	p.body = widget.WrapStyled(r.sentences(r.batchIntro(), mean), r.width, r.st.Text)
	if !w.inTraining && !w.next {
		p.body = append(p.body, "")
		p.body = append(p.body, r.note("loss.notrain")...)
	}
	p.body = append(p.body, "")
	// ℓ as the engine computes it (the positive rows' weight w₊ included)
	// and L as the step descends it (the L2 penalty included): with
	// neither, both fit on one line as the textbook writes them.
	weighted := w.weighted()
	var rowLoss string
	switch {
	case w.net.Arch.Loss == engine.MSE:
		rowLoss = "ℓ = (ŷ − y)²"
	case weighted:
		rowLoss = "ℓ = −[ w₊·y·ln ŷ + (1 − y)·ln(1 − ŷ) ],   w₊ = " + constant(w.posWeight())
	default:
		rowLoss = "ℓ = −[ y·ln ŷ + (1 − y)·ln(1 − ŷ) ]"
	}
	batchLoss := "L = (1/B)·Σ ℓ"
	var lambda string
	if st.L2 != 0 {
		batchLoss += " + (λ/2)·ΣW²"
		lambda = "λ = " + num(st.L2) + r.lambdaSource()
		if 2+ansi.StringWidth(batchLoss+",   "+lambda) <= r.width {
			batchLoss, lambda = batchLoss+",   "+lambda, ""
		}
	}
	if weighted || st.L2 != 0 {
		p.body = append(p.body, r.formula(rowLoss), r.formula(batchLoss))
		if lambda != "" {
			// Too wide for the line of L: λ and its source on their own.
			p.body = append(p.body, r.formula(lambda))
		}
	} else {
		p.body = append(p.body, r.formula(rowLoss+",   "+batchLoss))
	}
	if weighted {
		p.body = append(p.body, r.note("loss.posweight", constant(w.posWeight()))...)
	}
	tb := table{header: []string{"#", r.t("col.user"), "y", "ŷ", "ℓ"}, right: []bool{true, false, true, true, true}, focus: -1, indent: 2,
		width: r.width, squeeze: []int{0, 1}}
	var preds, losses []float64
	rows, left := w.listed()
	for _, row := range rows {
		preds, losses = append(preds, st.A[last][row*outs+o]), append(losses, st.RowLoss[row*outs+o])
	}
	fmtPred, fmtLoss := column(preds...), column(losses...)
	for n, row := range rows {
		tb.rows = append(tb.rows, []string{strconv.Itoa(row + 1), r.userLabel(row),
			short(st.Y[row*outs+o]), fmtPred(preds[n]), fmtLoss(losses[n])})
	}
	p.body = append(p.body, "")
	p.body = append(p.body, tb.render(r.st)...)
	p.body = append(p.body, r.leftOut(left)...)
	dataLoss := "(ℓ₁ + … + ℓ" + subscript(st.Rows) + ") / " + strconv.Itoa(st.Rows) + " = " + num(st.Loss)
	if st.L2 == 0 {
		p.body = append(p.body, "  "+r.st.Value.Render("L = "+dataLoss))
	} else {
		p.body = append(p.body, "  "+dataLoss,
			"  (λ/2)·ΣW² = "+num(st.L2)+" / 2 × "+num(st.SquaredWeights)+" = "+num(st.Penalty),
			"  "+r.st.Value.Render("L = "+num(st.Loss)+" + "+num(st.Penalty)+" = "+num(st.Objective())))
	}
	if st.L2 != 0 {
		p.body = append(p.body, "")
		p.body = append(p.body, r.note("loss.chart")...)
	}
	p.body = append(p.body, "")
	copyKey := "loss.copy"
	if w.next {
		copyKey = "loss.copy.next"
	}
	p.body = append(p.body, r.note(copyKey)...)
	return p
}

// lambdaSource is " = 20 / 6,339 training rows" when the run's λ is a
// prior divided by the training rows, as the Model screen sets it (" =
// min(222.222 / 90 training rows, 0.1)" when the cap applies), and "" when λ
// was set on its own. The prior is the one trained with, raised on a wide
// table (experiment.InputPrior): " = 185.185 / 2,160 training rows".
func (r renderer) lambdaSource() string {
	exp := r.w.exp
	prior, rows := exp.TrainedPrior(), exp.Train.Rows // raised on a wide table
	if prior <= 0 || rows <= 0 || experiment.PriorDecay(prior, rows) != r.w.step.L2 {
		return ""
	}
	source := r.t("loss.lambda", constant(prior), data.Thousands(rows))
	if prior/float64(rows) != r.w.step.L2 {
		return " = min(" + source + ", " + constant(experiment.L2PriorCap) + ")"
	}
	return " = " + source
}

// deltaPage shows δ_k: at the output the error itself, below it the error
// carried back through W_{k+1}.
func (r renderer) deltaPage(k int) page {
	if k == r.w.layerCount()-1 {
		return r.outputDeltaPage()
	}
	w := r.w
	st := &w.step
	l, next := w.net.Layers[k], w.net.Layers[k+1]
	j := r.neuron[k]
	p := page{phase: r.t("phase.backward"), title: r.t("delta.title", k+1, dSym(k))}
	p.body = r.para("delta.body", j+1, k+1, j+1, wSym(k+1))
	p.body = append(p.body, "",
		r.formula(dSym(k)+" = ("+wSym(k+1)+"ᵀ·"+dSym(k+1)+") ⊙ f′("+zSym(k)+")"),
		r.formula(idx(dSym(k), j)+" = ( Σₒ "+wSym(k+1)+"[o,"+strconv.Itoa(j+1)+"]·"+dSym(k+1)+"[o] ) · f′("+idx(zSym(k), j)+")"),
		"")
	e := w.example
	p.body = append(p.body, r.note("delta.user", w.batchIDs[e], e+1)...)
	products, sum := st.BackTerms(k, e, j)
	terms := make([]term, next.Out)
	for o := range next.Out {
		terms[o] = term{index: o, factor: next.W[o*next.In+j], value: st.Delta[k+1][e*next.Out+o], product: products[o]}
	}
	// δ of the layer above with the decimals its own page lists it with
	// (over the listed rows of the batch), so that it reads the same here.
	listedRows, _ := w.listed()
	var above []float64
	for _, row := range listedRows {
		above = append(above, st.Delta[k+1][row*next.Out:(row+1)*next.Out]...)
	}
	p.body = append(p.body, r.termTableValues(terms, []string{"o", "", wSym(k+1) + "[o," + strconv.Itoa(j+1) + "]", "", dSym(k+1) + "[o]", "", r.t("col.product")}, withSign(column(above...)))...)
	z, fp := st.Z[k][e*l.Out+j], st.Deriv[k][e*l.Out+j]
	p.body = append(p.body,
		"  Σ = "+signed(sum),
		"  f′("+idx(zSym(k), j)+") = f′("+num(z)+") = "+short(fp)+"    ("+actName(l.Activation)+")",
		"  "+r.st.Value.Render(idx(dSym(k), j)+" = "+paren(sum)+" × "+short(fp)+" = "+num(st.Delta[k][e*l.Out+j])))
	if l.Activation == engine.ReLU {
		p.body = append(p.body, "")
		p.body = append(p.body, r.note("delta.relu")...)
	}
	rows, left := w.listed()
	cells := make([]string, len(rows))
	col := make([]float64, len(rows))
	for n, row := range rows {
		col[n] = st.Delta[k][row*l.Out+j]
	}
	format := withSign(column(col...))
	for n, row := range rows {
		cells[n] = padRight(r.userLabel(row), 9) + " " + padLeft(format(col[n]), 10)
	}
	p.body = append(p.body, "", "  "+r.st.Header.Render(r.t("delta.batch", idx(dSym(k), j))))
	p.body = append(p.body, r.grid(cells, slices.Index(rows, e))...)
	p.body = append(p.body, r.leftOut(left)...)
	p.heat = r.weightHeat(k+1, -1, j, wSym(k+1))
	return p
}

// outputDeltaPage shows δ at the output: prediction minus label over the
// batch size B (not m, which the update page uses for Adam's first moment).
func (r renderer) outputDeltaPage() page {
	w := r.w
	st := &w.step
	k := w.layerCount() - 1
	outs := w.net.Layers[k].Out
	o := r.neuron[k]
	m := strconv.Itoa(st.Rows)
	p := page{phase: r.t("phase.backward"), title: r.t("dout.title", dSym(k))}
	factor := ""
	weighted := w.weighted()
	formula := dSym(k) + " = ∂L/∂" + zSym(k) + " = "
	switch {
	case w.net.Arch.Loss == engine.MSE:
		p.body = r.para("dout.body.mse")
		factor = "2·"
	case weighted:
		p.body = r.para("dout.body.weighted")
	default:
		p.body = r.para("dout.body")
	}
	if weighted {
		// The engine's ∂ℓ/∂z with the positive rows' weight w₊ (not w,
		// the weight the update page moves).
		formula += "[w₊·y·(ŷ − 1) + (1 − y)·ŷ] / B,   w₊ = " + constant(w.posWeight()) + ",   B = " + m
	} else {
		formula += factor + "(ŷ − y) / B,   B = " + m
	}
	p.body = append(p.body, "", r.formula(formula))
	if weighted {
		p.body = append(p.body, r.indented("dout.weighted")...)
	}
	header := []string{"#", r.t("col.user"), "ŷ", "y", "ŷ − y", dSym(k)}
	if weighted {
		header = []string{"#", r.t("col.user"), "ŷ", "y", "ŷ − y", r.t("col.weight"), dSym(k)}
	}
	tb := table{header: header, right: []bool{true, false, true, true, true, true, true}, focus: -1, indent: 2,
		width: r.width, squeeze: []int{0, 1}}
	var preds, errs, deltas []float64
	residuals := st.Residuals()
	rows, left := w.listed()
	for _, row := range rows {
		preds, errs, deltas = append(preds, st.A[k][row*outs+o]), append(errs, residuals[row*outs+o]), append(deltas, st.Delta[k][row*outs+o])
	}
	fmtPred, fmtErr, fmtDelta := column(preds...), withSign(column(errs...)), withSign(column(deltas...))
	for n, row := range rows {
		y := st.Y[row*outs+o]
		cells := []string{strconv.Itoa(row + 1), r.userLabel(row), fmtPred(preds[n]), short(y), fmtErr(errs[n])}
		if weighted {
			// The weight of the row's loss: w for a positive user, 1 otherwise.
			cells = append(cells, short(w.cfg.RowWeight(y)))
		}
		tb.rows = append(tb.rows, append(cells, fmtDelta(deltas[n])))
	}
	p.body = append(p.body, "")
	p.body = append(p.body, tb.render(r.st)...)
	p.body = append(p.body, r.leftOut(left)...)
	p.body = append(p.body, "")
	p.body = append(p.body, r.note("dout.sign")...)
	return p
}

// gradPage shows ∂L/∂W_k for the chosen neuron, one weight worked out.
func (r renderer) gradPage() page {
	w := r.w
	st := &w.step
	k := r.layer
	l := w.net.Layers[k]
	j, i := r.neuron[k], r.col[k]
	prev := st.X
	if k > 0 {
		prev = st.A[k-1]
	}
	wij := idx(wSym(k), j, i)
	p := page{phase: r.t("phase.backward"), title: r.t("grad.title", k+1, j+1)}
	p.body = r.para("grad.body", wij, r.inputName(k, i))
	l2 := ""
	if w.cfg.L2 != 0 {
		l2 = " + λ·" + wij
	}
	p.body = append(p.body, "", r.formula("∂L/∂"+wij+" = Σᵣ "+dSym(k)+"[r,"+strconv.Itoa(j+1)+"]·"+inSym(k)+"[r,"+strconv.Itoa(i+1)+"]"+l2))
	products := st.WeightGradTerms(k, j, i)
	terms := make([]term, st.Rows)
	for row := range st.Rows {
		terms[row] = term{index: row, label: r.userLabel(row), factor: st.Delta[k][row*l.Out+j], value: prev[row*l.In+i], product: products[row]}
	}
	p.body = append(p.body, r.batchTerms(terms, []string{"r", r.t("col.user"), dSym(k) + "[r," + strconv.Itoa(j+1) + "]", "", inSym(k) + "[r," + strconv.Itoa(i+1) + "]", "", r.t("col.product")})...)
	if w.cfg.L2 != 0 {
		p.body = append(p.body, "  λ·"+wij+" = "+num(w.cfg.L2)+" × "+paren(l.W[j*l.In+i])+" = "+signed(st.DecayTerm(k, j, i)))
	}
	p.body = append(p.body, "  "+r.st.Value.Render("∂L/∂"+wij+" = "+num(st.GradW[k][j*l.In+i])),
		"  ∂L/∂"+idx(bSym(k), j)+" = Σᵣ "+dSym(k)+"[r,"+strconv.Itoa(j+1)+"] = "+num(st.GradB[k][j]))
	cells := make([]string, l.In)
	row := st.GradW[k][j*l.In : (j+1)*l.In]
	format := withSign(column(row...))
	for c := range l.In {
		cells[c] = padLeft(strconv.Itoa(c+1), 2) + " " + padRight(ansi.Truncate(r.inputName(k, c), 18, "…"), 18) + " " + padLeft(format(row[c]), 10)
	}
	p.body = append(p.body, "", "  "+r.st.Header.Render(r.t("grad.row", "∂L/∂"+wSym(k)+"["+strconv.Itoa(j+1)+",·]")))
	p.body = append(p.body, r.grid(cells, i)...)
	grad, unit := decade(st.GradW[k])
	p.heat = r.matrixHeat(k, grad, j, i, "∂L/∂"+wSym(k)+unit)
	return p
}

// decade rescales values by a power of ten so the largest |value| lies in
// [1, 10) and the heatmap's two decimals show them; unit names the factor.
func decade(values []float64) (scaled []float64, unit string) {
	biggest := 0.0
	for _, v := range values {
		biggest = math.Max(biggest, math.Abs(v))
	}
	if biggest == 0 || (biggest >= 0.1 && biggest < 100) {
		return values, ""
	}
	e := int(math.Floor(math.Log10(biggest)))
	f := math.Pow(10, float64(-e))
	scaled = make([]float64, len(values))
	for n, v := range values {
		scaled[n] = v * f
	}
	sup := strings.NewReplacer("-", "⁻", "0", "⁰", "1", "¹", "2", "²", "3", "³", "4", "⁴", "5", "⁵", "6", "⁶", "7", "⁷", "8", "⁸", "9", "⁹")
	return scaled, "  ×10" + sup.Replace(strconv.Itoa(e))
}
