package walkthrough

import (
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/engine"
)

// constant prints a hyper-parameter as it is configured (0.9, 1e−07).
func constant(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'g', 6, 64), "e-", "e−", 1)
}

// clipFactor is what gradient-norm clipping multiplies every gradient by
// in this step (1 when clipping is off or not triggered). It walks every
// gradient, so traceStep calls it once and keeps the result in w.clip.
func (w *walk) clipFactor() float64 {
	if w.cfg.ClipNorm <= 0 {
		return 1
	}
	ss := 0.0
	for k := range w.step.GradW {
		for _, g := range w.step.GradW[k] {
			ss += g * g
		}
		for _, g := range w.step.GradB[k] {
			ss += g * g
		}
	}
	if n := math.Sqrt(ss); n > w.cfg.ClipNorm {
		return w.cfg.ClipNorm / n
	}
	return 1
}

// adamUpdate is one weight's Adam update worked out from the optimiser's
// state before the step, independently of the engine's kernel.
type adamUpdate struct {
	t                     int
	lr, b1, b2, eps       float64
	w, g, m0, v0, m1, v1  float64
	p1, p2, mHat, vHat    float64
	textbook, alpha, newW float64
}

func (w *walk) adam(opt *engine.Adam, k, j, i int) adamUpdate {
	p := w.paramIndex(k, j, i)
	m, v := opt.Moments()
	u := adamUpdate{t: opt.Steps() + 1, lr: opt.LR(), b1: opt.Beta1, b2: opt.Beta2, eps: opt.Epsilon,
		w: w.net.Layers[k].W[j*w.net.Layers[k].In+i], m0: m[p], v0: v[p]}
	u.g = w.step.GradW[k][j*w.net.Layers[k].In+i] * w.clip
	u.m1 = u.b1*u.m0 + (1-u.b1)*u.g
	u.v1 = u.b2*u.v0 + (1-u.b2)*u.g*u.g
	u.p1, u.p2 = math.Pow(u.b1, float64(u.t)), math.Pow(u.b2, float64(u.t))
	u.mHat, u.vHat = u.m1/(1-u.p1), u.v1/(1-u.p2)
	u.textbook = u.w - u.lr*u.mHat/(math.Sqrt(u.vHat)+u.eps)
	u.alpha = u.lr * math.Sqrt(1-u.p2) / (1 - u.p1)
	u.newW = u.w - u.alpha*u.m1/(math.Sqrt(u.v1)+u.eps)
	return u
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
	lr := w.optBefore.LR()
	delta := make([]float64, len(l.W))
	for n := range delta {
		delta[n] = (w.step.After.Layers[k].W[n] - l.W[n]) / lr
	}
	p.heat = r.matrixHeat(k, delta, j, i, "Δ"+wSym(k)+" ÷ lr")
	var lines []string
	switch opt := w.optBefore.(type) {
	case *engine.Adam:
		u := w.adam(opt, k, j, i)
		p.title = r.t("adam.title", wij)
		p.body = r.para("adam.body", u.t)
		eq := func(s string) string { return "      = " + s }
		lines = []string{
			"  w = " + wij + " = " + fine(u.w) + "    g = ∂L/∂w = " + num(u.g),
			"  t = " + strconv.Itoa(u.t) + "   lr = " + constant(u.lr) + "   β₁ = " + constant(u.b1) + "   β₂ = " + constant(u.b2) + "   ε = " + constant(u.eps),
			"",
			r.formula("m ← β₁·m + (1 − β₁)·g"),
			eq(constant(u.b1) + " × " + paren(u.m0) + " + " + constant(1-u.b1) + " × " + paren(u.g) + " = " + num(u.m1)),
			r.formula("v ← β₂·v + (1 − β₂)·g²"),
			eq(constant(u.b2) + " × " + num(u.v0) + " + " + constant(1-u.b2) + " × " + num(u.g*u.g) + " = " + num(u.v1)),
			"",
		}
		lines = append(lines, r.note("adam.textbook")...)
		lines = append(lines,
			r.formula("m̂ = m / (1 − β₁ᵗ)")+"  = "+num(u.m1)+" / "+num(1-u.p1)+" = "+num(u.mHat),
			r.formula("v̂ = v / (1 − β₂ᵗ)")+"  = "+num(u.v1)+" / "+num(1-u.p2)+" = "+num(u.vHat),
			r.formula("w − lr·m̂ / (√v̂ + ε)")+" = "+fine(u.textbook),
			"")
		lines = append(lines, r.note("adam.keras")...)
		lines = append(lines,
			r.formula("α = lr·√(1 − β₂ᵗ) / (1 − β₁ᵗ)")+" = "+num(u.alpha),
			r.formula("w ← w − α·m / (√v + ε)"),
			eq(fine(u.w)+" − "+num(u.alpha)+" × "+paren(u.m1)+" / "+num(math.Sqrt(u.v1)+u.eps)),
			"      = "+r.st.Value.Render(fine(u.newW)))
	case *engine.SGD:
		b := opt.Velocity()[w.paramIndex(k, j, i)]
		g := w.step.GradW[k][j*l.In+i] * w.clip
		b1 := opt.Momentum*b + g
		step := b1
		rule := "w ← w − lr·b"
		if opt.Nesterov {
			step, rule = g+opt.Momentum*b1, "w ← w − lr·(g + μ·b)"
		}
		p.title = r.t("sgd.title", wij)
		p.body = r.para("sgd.body")
		lines = []string{
			"  w = " + wij + " = " + fine(l.W[j*l.In+i]),
			"  g = ∂L/∂w = " + num(g) + "   lr = " + constant(opt.Rate) + "   μ = " + constant(opt.Momentum),
			r.formula("b ← μ·b + g") + " = " + constant(opt.Momentum) + " × " + paren(b) + " + " + paren(g) + " = " + num(b1),
			"  " + r.st.Value.Render(rule+" = "+fine(l.W[j*l.In+i]-opt.Rate*step)),
		}
	default:
		p.title = r.t("adam.title", wij)
		p.body = r.para("update.other")
	}
	p.body = append(p.body, "")
	p.body = append(p.body, lines...)
	if f := w.clip; f != 1 {
		p.body = append(p.body, r.note("update.clipped", num(f))...)
	}
	p.body = append(p.body, "", "  "+r.st.Value.Render(r.t("update.result", fine(l.W[j*l.In+i]), fine(after)))+
		"   Δw = "+signed(after-l.W[j*l.In+i]))
	p.body = append(p.body, "")
	p.body = append(p.body, r.note("update.all")...)
	return p
}

// afterPage closes the loop: what one step did to this user's prediction,
// and what training does next.
func (r renderer) afterPage() page {
	w := r.w
	last := w.layerCount() - 1
	before := w.trace.A[last][0]
	p := page{phase: r.t("phase.iterate"), title: r.t("after.title")}
	p.body = r.para("after.body")
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
	if !w.inTraining {
		key = "after.notrain"
	}
	p.body = append(p.body, "")
	p.body = append(p.body, r.para(key)...)
	p.body = append(p.body, "")
	p.body = append(p.body, r.para("after.next")...)
	return p
}
