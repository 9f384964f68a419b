package walkthrough

import (
	"math"
	"strconv"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// outputPage turns the last sum into the predicted probability and
// compares it with what really happened.
func (r renderer) outputPage() page {
	w := r.w
	k := w.layerCount() - 1
	l := w.net.Layers[k]
	j := r.neuron[k]
	z, yhat := w.trace.Z[k][j], w.trace.A[k][j]
	p := page{phase: r.t("phase.forward"), title: r.t("out.title")}
	lbl := w.exp.Data.Table.Label
	if w.net.Arch.Loss == engine.MSE {
		p.body = r.para("out.body.linear")
		p.body = append(p.body, "", r.formula("ŷ = "+zSym(k)),
			"  "+r.st.Value.Render("ŷ = "+num(z)))
		return p
	}
	p.body = r.para("out.body", lbl.Name, lbl.Positive)
	p.body = append(p.body, "",
		r.formula("ŷ = σ("+zSym(k)+") = 1 / (1 + e^(−"+zSym(k)+"))"))
	p.body = append(p.body, r.indented("out.notation", zSym(k))...)
	p.body = append(p.body,
		"  "+r.st.Value.Render("ŷ = σ("+num(z)+") = "+actFormula(l.Activation, z)+" = "+num(yhat)),
		"")
	pct := strconv.FormatFloat(100*yhat, 'f', 1, 64) + " %"
	p.body = append(p.body, "  "+r.t("out.prob", lbl.Positive)+"  "+r.st.Value.Render(pct)+"  "+bar(yhat, 20))
	if math.IsNaN(w.label) {
		p.body = append(p.body, r.calibrated()...)
		return p
	}
	predicted := yhat >= w.threshold
	predText := lbl.Negative
	if predicted {
		predText = lbl.Positive
	}
	verdict := r.st.Good.Render("✓ " + r.t("out.right"))
	if predicted != (w.label == 1) {
		verdict = r.st.Bad.Render("✗ " + r.t("out.wrong"))
	}
	p.body = append(p.body,
		"  "+r.t("out.predicts", constant(w.threshold), predText),
		"  "+r.t("out.truth", short(w.label), w.labelText)+"   "+verdict)
	p.body = append(p.body, r.calibrated()...)
	if w.step.After != nil {
		p.body = append(p.body, "")
		p.body = append(p.body, r.note("out.next")...)
	}
	return p
}

// calibrated says, when the run calibrates the network's output, which
// probability the other screens report for the user: without it the
// walkthrough's ŷ (0.906) and the Users screen's P (0.934) seemed to
// contradict each other.
func (r renderer) calibrated() []string {
	cal := r.w.calib
	if cal == nil {
		return nil
	}
	method := string(cal.Method)
	switch cal.Method {
	case experiment.CalibPlatt:
		method = r.t("calib.platt")
	case experiment.CalibIsotonic:
		method = r.t("calib.isotonic")
	}
	lbl := r.w.exp.Data.Table.Label
	return append([]string{""}, r.note("out.calibrated", method, data.Thousands(cal.Rows), lbl.Positive, num(r.w.calibrated))...)
}

// bar draws a probability as a gauge of width cells: █ filled, ░ empty.
func bar(p float64, width int) string {
	if math.IsNaN(p) {
		p = 0
	}
	n := int(math.Round(min(max(p, 0), 1) * float64(width)))
	return strings.Repeat("█", n) + strings.Repeat("░", width-n)
}
