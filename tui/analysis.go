package tui

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
)

// The screens after Train (Evaluate, Users, Walkthrough, Runs, Map) look at
// one ended run, "the analysed run": the latest one unless the Runs screen
// chose another. Everything they compute from it runs in Cmds, tagged with
// the run's number so a late answer about an older run is dropped.

// riskWording says which class a retention team acts on and how to name
// it. A label like "churn" is the risk itself; a label like "purchases next
// 30 days = yes" is the good outcome, so the risk is its negative class.
type riskWording struct {
	label    string // the label column
	positive string // its positive class
	negative string
	// onPositive is true when the risk is the positive class.
	onPositive bool
}

// riskWords are the stems that mark a label whose positive class is the
// bad outcome; goodWords mark one whose positive class is the hoped-for one.
var (
	riskWords = []string{"churn", "cancel", "leave", "left", "attrit", "exit", "default", "fraud", "lapse", "lost", "quit", "unsubscrib", "risk"}
	goodWords = []string{"buy", "purchase", "order", "renew", "retain", "active", "return", "convert", "revenue", "repeat", "stay"}
)

// newRiskWording reads the label's name and positive class.
func newRiskWording(l data.LabelSpec) riskWording {
	r := riskWording{label: l.Name, positive: l.Positive, negative: l.Negative, onPositive: true}
	name := strings.ToLower(l.Name + " " + l.Positive)
	hasAny := func(words []string) bool {
		return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(name, w) })
	}
	if !hasAny(riskWords) && hasAny(goodWords) {
		r.onPositive = false
	}
	return r
}

// class returns "label = class" for the risk class.
func (r riskWording) class() string {
	if r.onPositive {
		return r.label + " = " + r.positive
	}
	return r.label + " = " + r.negative
}

// probName names the model's output, P(label = positive).
func (r riskWording) probName() string { return "P(" + r.label + " = " + r.positive + ")" }

// riskProb turns the model's probability into the probability of the risk.
func (r riskWording) riskProb(p float64) float64 {
	if r.onPositive {
		return p
	}
	return 1 - p
}

// order says which end of the probability the riskiest users are at.
func (r riskWording) order() string {
	if r.onPositive {
		return "highest " + r.probName()
	}
	return "lowest " + r.probName()
}

// gainsSentence is what a manager needs from a gains table: contacting the
// riskiest share of users reaches this share of the users at risk.
func (r riskWording) gainsSentence(g metrics.GainsRow) string {
	return fmt.Sprintf("Contacting the %s riskiest users (%s) reaches %s of those with %s — %.1f× better than at random.",
		wholePercent(g.ShareTargeted), r.order(), wholePercent(g.ShareCaptured), r.class(), g.Lift)
}

// wholePercent formats a share as "20 %".
func wholePercent(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	return fmt.Sprintf("%.0f %%", 100*v)
}

// riskGains computes the gains table for the risk class: for a label whose
// positive class is the good outcome, users are ranked by 1 − p and the
// negatives are the ones to reach.
func riskGains(r riskWording, probs, labels []float64) ([]metrics.GainsRow, error) {
	if r.onPositive {
		return metrics.Gains(probs, labels, nil, metrics.ReportBins)
	}
	flipP, flipY := make([]float64, len(probs)), make([]float64, len(labels))
	for i := range probs {
		flipP[i], flipY[i] = 1-probs[i], 1-labels[i]
	}
	return metrics.Gains(flipP, flipY, nil, metrics.ReportBins)
}

// partOfRows maps every table row to the part it belongs to.
func partOfRows(e *experiment.Experiment) []uint8 {
	out := make([]uint8, e.Data.Table.Rows)
	for _, r := range e.Split.Validation {
		out[r] = 1
	}
	for _, r := range e.Split.Test {
		out[r] = 2
	}
	return out
}

// partNames are the short names of partOfRows' values.
var partNames = [3]string{"train", "val", "test"}

// scoreAll returns the probability of every table row, in chunks so the
// transformed matrix of a million rows never exists at once.
func scoreAll(e *experiment.Experiment) ([]float64, error) {
	const chunk = 1 << 15
	t := e.Data.Table
	out := make([]float64, t.Rows)
	rows := make([]int, 0, chunk)
	for start := 0; start < t.Rows; start += chunk {
		rows = rows[:0]
		for r := start; r < min(start+chunk, t.Rows); r++ {
			rows = append(rows, r)
		}
		x, err := e.Pipeline.Transform(t, rows)
		if err != nil {
			return nil, err
		}
		p, err := e.Net.PredictBatch(x)
		if err != nil {
			return nil, err
		}
		for i := range rows {
			out[start+i] = p.At(i, 0)
		}
	}
	return out, nil
}

// recovered turns a panic in a Cmd into an error message, so a bug in one
// analysis shows as an error instead of ending the program.
func recovered(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("tui: internal error: %v", r)
	}
}
