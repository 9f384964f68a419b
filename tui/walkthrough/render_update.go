package walkthrough

import (
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/widget"
)

// constant prints a hyper-parameter as it is configured (0.9, 1e−07).
func constant(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'g', 6, 64), "e-", "e−", 1)
}

// updatePage shows the optimiser changing the chosen weight.
func (r renderer) updatePage() page {
	w := r.w
	k := r.layer
	l := w.net.Layers[k]
	j, i := r.neuron[k], r.col[k]
	wij := idx(wSym(k), j, i)
	after := w.step.After.Layers[k].W[j*l.In+i]
	p := page{phase: r.t("phase.update")}
	// The changes are about the learning rate in size, too small for the
	// heatmap's two decimals; in units of lr they read as ±1.
	p.heat = r.matrixHeat(k, w.step.ChangeInRates(k), j, i, "Δ"+wSym(k)+" ÷ lr")
	var lines []string
	param, weight, grad := w.net.ParamIndex(k, j, i), l.W[j*l.In+i], w.step.ClippedGrad(k, j, i)
	// g is what the optimiser receives: the gradient, clipped when it was.
	// Every number of this page is printed with six significant digits
	// (fine), the results as well as the operands: a result is the next
	// line's operand, and the m line cancels (β₁·m and (1 − β₁)·g often
	// have opposite signs), so four digits would not give the shown result
	// back when the line is redone by hand.
	gradLine := "g = ∂L/∂w = " + fine(grad)
	if c := w.step.Clip; c != 1 {
		gradLine = "g = c·∂L/∂w = " + fine(c) + " × " + parenFine(w.step.GradW[k][j*l.In+i]) + " = " + fine(grad)
	}
	switch opt := w.step.OptBefore.(type) {
	case *engine.Adam:
		u := opt.Work(param, weight, grad)
		p.title = r.t("adam.title", wij)
		p.body = r.para("adam.body", u.T)
		p.body = append(p.body, r.stateNote("t", "m", "v")...)
		eq := func(s string) string { return "      = " + s }
		lines = []string{
			"  w = " + wij + " = " + fine(u.W) + "    " + gradLine,
			"  t = " + strconv.Itoa(u.T) + "   lr = " + constant(u.LR) + "   β₁ = " + constant(u.Beta1) + "   β₂ = " + constant(u.Beta2) + "   ε = " + constant(u.Eps),
			"",
			r.formula("m ← β₁·m + (1 − β₁)·g"),
			eq(constant(u.Beta1) + " × " + parenFine(u.M0) + " + " + constant(u.OneMinusB1) + " × " + parenFine(u.G) + " = " + fine(u.M1)),
			r.formula("v ← β₂·v + (1 − β₂)·g²"),
			eq(constant(u.Beta2) + " × " + fine(u.V0) + " + " + constant(u.OneMinusB2) + " × " + fine(u.G2) + " = " + fine(u.V1)),
			"",
		}
		lines = append(lines, r.note("adam.textbook")...)
		lines = append(lines,
			r.formula("m̂ = m / (1 − β₁ᵗ)")+"  = "+fine(u.M1)+" / "+fine(u.Bias1)+" = "+fine(u.MHat),
			r.formula("v̂ = v / (1 − β₂ᵗ)")+"  = "+fine(u.V1)+" / "+fine(u.Bias2)+" = "+fine(u.VHat),
			r.formula("w − lr·m̂ / (√v̂ + ε)")+" = "+fine(u.Textbook),
			"")
		lines = append(lines, r.note("adam.keras")...)
		lines = append(lines,
			r.formula("α = lr·√(1 − β₂ᵗ) / (1 − β₁ᵗ)")+" = "+fine(u.Alpha),
			r.formula("w ← w − α·m / (√v + ε)"),
			eq(fine(u.W)+" − "+fine(u.Alpha)+" × "+parenFine(u.M1)+" / "+fine(u.Denom)),
			"      = "+r.st.Value.Render(fine(u.NewW)))
		if d := u.NewW - u.W; d*u.G > 0 && u.M1*u.G < 0 {
			// The weight moves with g's sign, not against it.
			lines = append(lines, "")
			lines = append(lines, r.note("adam.momentum")...)
		}
	case *engine.SGD:
		u := opt.Work(param, weight, grad)
		rule := "w ← w − lr·b"
		if u.Nesterov {
			rule = "w ← w − lr·(g + μ·b)"
		}
		p.title = r.t("sgd.title", wij)
		p.body = r.para("sgd.body")
		var state []string
		if u.Momentum != 0 {
			state = append(state, "b")
		}
		p.body = append(p.body, r.stateNote(state...)...)
		lines = []string{
			"  w = " + wij + " = " + fine(u.W),
			"  " + gradLine + "   lr = " + constant(u.LR) + "   μ = " + constant(u.Momentum),
			r.formula("b ← μ·b + g") + " = " + constant(u.Momentum) + " × " + parenFine(u.B0) + " + " + parenFine(u.G) + " = " + fine(u.B1),
			"  " + r.st.Value.Render(rule+" = "+fine(u.NewW)),
		}
	default:
		p.title = r.t("adam.title", wij)
		p.body = r.para("update.other")
	}
	p.body = append(p.body, r.clipping()...)
	p.body = append(p.body, "")
	p.body = append(p.body, lines...)
	p.body = append(p.body, "", "  "+r.st.Value.Render(r.t("update.result", fine(l.W[j*l.In+i]), fine(after)))+
		"   Δw = "+signedFine(after-l.W[j*l.In+i]))
	p.body = append(p.body, "")
	p.body = append(p.body, r.note("update.all")...)
	return p
}

// clipping says, before g is used, what gradient clipping did: it
// compares the length of the whole gradient with the limit and, above it,
// scales every gradient by c = limit / ‖∇L‖.
func (r renderer) clipping() []string {
	st, limit := &r.w.step, r.w.cfg.ClipNorm
	if limit <= 0 {
		return nil
	}
	out := []string{""}
	if st.Clip == 1 {
		return append(out, r.note("update.unclipped", fine(st.GradNorm), constant(limit))...)
	}
	out = append(out, r.note("update.clipped", fine(st.GradNorm), constant(limit))...)
	return append(out, r.formula("c = "+constant(limit)+" / ‖∇L‖ = "+constant(limit)+" / "+fine(st.GradNorm)+" = "+fine(st.Clip)))
}

// stateNote says, where the optimiser's state is shown, when that state is
// not the one the network's weights had: early stopping copied an earlier
// epoch's weights back, or the weights are a moving average. state lists
// the symbols of the optimiser's state (none when it keeps only the
// learning rate, which a schedule changes too).
func (r renderer) stateNote(state ...string) []string {
	w := r.w
	parts := state
	if w.cfg.Schedule.On() {
		parts = append(parts, "lr")
	}
	if len(parts) == 0 {
		return nil
	}
	var out []string
	if w.restored > 0 {
		out = append(out, "")
		out = append(out, r.note("update.restored", w.restored, w.epochs, r.list(parts))...)
	}
	if w.cfg.AverageEpochs > 0 {
		out = append(out, "")
		out = append(out, r.note("update.averaged", r.list(parts))...)
	}
	return out
}

// afterPage closes the loop: what one step did to this user's prediction,
// and what training does next.
func (r renderer) afterPage() page {
	w := r.w
	last := w.layerCount() - 1
	before := w.trace.A[last][0]
	p := page{phase: r.t("phase.iterate"), title: r.t("after.title")}
	if w.next {
		p.body = r.para("after.body.next")
	} else {
		p.body = r.para("after.body")
	}
	afterLine := "  " + r.t("after.after") + "  " + r.st.Value.Render(num(w.predAfter)) + "  " + bar(w.predAfter, 20)
	delta := "Δŷ = " + signed(w.predAfter-before)
	p.body = append(p.body, "", "  "+r.t("after.before")+"  "+r.st.Value.Render(num(before))+"  "+bar(before, 20))
	if ansi.StringWidth(afterLine+"   "+delta) <= r.width {
		p.body = append(p.body, afterLine+"   "+delta)
	} else {
		p.body = append(p.body, afterLine, "  "+delta) // too narrow for both on one line
	}
	p.body = append(p.body, "  "+r.t("out.truth", short(w.label), w.labelText))
	toward := math.Abs(w.predAfter-w.label) < math.Abs(before-w.label)
	key := "after.away"
	if toward {
		key = "after.toward"
	}
	switch {
	case w.next && w.focus < 0:
		key = "after.absent"
	case !w.inTraining:
		key = "after.notrain"
	}
	p.body = append(p.body, "")
	p.body = append(p.body, r.para(key)...)
	p.body = append(p.body, "")
	p.body = append(p.body, widget.WrapStyled(r.sentences(r.afterTraining(), r.afterEvaluation()), r.width, r.st.Text)...)
	return p
}

// afterTraining says how long this run trains: until early stopping ends
// it, or for all its epochs; for a paused run, from the epoch it is in.
func (r renderer) afterTraining() string {
	train := r.w.exp.Config.Train
	epoch := 0
	if r.w.paused {
		done, _ := r.w.exp.Trainer.Position()
		epoch = done + 1
	}
	if !train.EarlyStop.On() {
		if r.w.paused {
			return r.t("after.next.fixed.paused", epoch, train.Epochs, r.epochs(train.Epochs))
		}
		return r.t("after.next.fixed", r.epochs(train.Epochs))
	}
	watched := r.t("after.loss.train")
	if r.w.exp.Trained().Val.Rows > 0 {
		watched = r.t("after.loss.val")
	}
	if r.w.paused {
		return r.t("after.next.es.paused", epoch, watched, r.epochs(train.EarlyStop.Patience), train.Epochs)
	}
	return r.t("after.next.es", watched, r.epochs(train.EarlyStop.Patience), train.Epochs)
}

// tense is key, or its wording for a paused run (key + ".paused"), whose
// model is not finished yet.
func (r renderer) tense(key string) string {
	if r.w.paused {
		return key + ".paused"
	}
	return key
}

// afterEvaluation says on which users the finished run is measured: a test
// part, a later cohort, or (with neither) the validation part, with what
// else used those users.
func (r renderer) afterEvaluation() string {
	exp := r.w.exp
	trained := exp.Trained()
	switch {
	case exp.Later != nil:
		return r.t(r.tense("after.eval.later"))
	case trained.Test.Rows > 0:
		return r.t(r.tense("after.eval.test"), trained.Test.Rows)
	case trained.Val.Rows == 0:
		return r.t(r.tense("after.eval.none"))
	}
	var uses []string
	if exp.Config.Train.EarlyStop.On() {
		uses = append(uses, r.t(r.tense("after.use.es")))
	}
	if trained.CalibrationPart() == experiment.ValPart {
		uses = append(uses, r.t(r.tense("after.use.calib")))
	}
	if len(uses) == 0 {
		return r.t(r.tense("after.eval.val.clean"), trained.Val.Rows)
	}
	return r.t(r.tense("after.eval.val"), trained.Val.Rows, strings.Join(uses, r.t("after.use.and")))
}

// epochs writes n epochs in the page's language ("1 epoch", "2 epochs").
func (r renderer) epochs(n int) string {
	if n == 1 {
		return r.t("epoch", n)
	}
	return r.t("epochs", n)
}
