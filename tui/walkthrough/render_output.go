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
		"  "+r.st.Value.Render(chain("ŷ", "σ("+num(z)+")", actFormula(l.Activation, z), num(yhat))),
		"")
	prob, positive := w.decision(r.threshold)
	p.body = append(p.body, r.probability(zSym(k), z)...)
	p.body = append(p.body, "")
	pct := strconv.FormatFloat(100*prob, 'f', 1, 64) + " %"
	p.body = append(p.body, "  "+r.t("out.prob", lbl.Positive)+"  "+r.st.Value.Render(pct)+"  "+bar(prob, 20))
	if math.IsNaN(w.label) {
		return p
	}
	predText := lbl.Negative
	if positive {
		predText = lbl.Positive
	}
	verdict := r.st.Good.Render("✓ " + r.t("out.right"))
	if positive != (w.label == 1) {
		verdict = r.st.Bad.Render("✗ " + r.t("out.wrong"))
	}
	th := thresholdText(r.threshold)
	op := " < "
	if positive {
		op = " ≥ "
	}
	compared := "P(" + lbl.Positive + ") = " + num(prob) + op + th
	p.body = append(p.body, r.indentedStyled(r.st.Text, "out.threshold", th)...)
	p.body = append(p.body, r.indentedStyled(r.st.Text, "out.predicts", compared, predText)...)
	p.body = append(p.body, "  "+r.t("out.truth", short(w.label), w.labelText)+"   "+verdict)
	if w.step.After != nil {
		p.body = append(p.body, "")
		p.body = append(p.body, r.note("out.next")...)
	}
	return p
}

// thresholdText writes a decision threshold as the Users and Evaluate
// screens do, with two decimals (0.50), or with four significant digits
// when two would round it (a best-F1 threshold such as 0.4182).
func thresholdText(t float64) string {
	if math.Abs(t*100-math.Round(t*100)) < 1e-9 {
		return strconv.FormatFloat(t, 'f', 2, 64)
	}
	return strconv.FormatFloat(t, 'g', 4, 64)
}

// probability says that ŷ is the network's own output and which
// probability the other screens report and the decision is made on: the
// calibrated P when the run calibrates (without it the walkthrough's ŷ,
// 0.906, and the Users screen's P, 0.934, seemed to contradict each
// other), else ŷ itself.
//
// With Platt scaling it also writes the map with its two fitted numbers,
// applied to zs, the output's weighted sum z (which is logit(ŷ)), so the
// calibrated P can be checked by hand.
func (r renderer) probability(zs string, z float64) []string {
	lbl := r.w.exp.Data.Table.Label
	cal := r.w.calib
	if cal == nil {
		return r.para("out.uncalibrated", lbl.Positive)
	}
	method := string(cal.Method)
	switch cal.Method {
	case experiment.CalibPlatt:
		method = r.t("calib.platt")
	case experiment.CalibIsotonic:
		method = r.t("calib.isotonic")
	}
	lines := r.para("out.calibrated", method, r.calibrationUsers(cal), lbl.Positive, num(r.w.calibrated))
	if cal.Method != experiment.CalibPlatt || cal.Platt == nil {
		return lines
	}
	a, b := cal.Platt.A, cal.Platt.B
	lines = append(lines, "")
	lines = append(lines, r.para("calib.platt.map", num(a), num(b), zs)...)
	return append(lines, r.formula("P = 1 / (1 + e^(A·"+zs+" + B))"),
		"  "+r.st.Value.Render(chain("P", "1 / (1 + e^("+num(a)+" × "+paren(z)+" + "+paren(b)+"))", num(r.w.calibrated))))
}

// calibrationUsers names the users the calibration map was fitted on: a
// calibration share that neither gradient descent nor early stopping used,
// or the validation part, which gradient descent never fitted but early
// stopping (or a plateau schedule) watched.
func (r renderer) calibrationUsers(cal *experiment.Calibration) string {
	trained := r.w.exp.Trained()
	rows := data.Thousands(cal.Rows)
	switch trained.CalibrationPart() {
	case experiment.CalibPart:
		return r.t("calib.part.calib", rows)
	case experiment.ValPart:
		train := trained.Config.Train
		if r.w.exp.Trainer != nil {
			train = r.w.exp.Trainer.Config()
		}
		earlyStop, plateau := train.EarlyStop.On(), train.Schedule.Kind == "plateau"
		switch {
		case earlyStop && plateau:
			return r.t("calib.part.val.watched", rows, r.t("watch.both"))
		case earlyStop:
			return r.t("calib.part.val.watched", rows, r.t("watch.es"))
		case plateau:
			return r.t("calib.part.val.watched", rows, r.t("watch.plateau"))
		}
		return r.t("calib.part.val", rows)
	}
	return r.t("calib.part.other", rows)
}

// bar draws a probability as a gauge of width cells: █ filled, ░ empty.
func bar(p float64, width int) string {
	if math.IsNaN(p) {
		p = 0
	}
	n := int(math.Round(min(max(p, 0), 1) * float64(width)))
	return strings.Repeat("█", n) + strings.Repeat("░", width-n)
}
