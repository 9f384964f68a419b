package common

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine/metrics"
)

// The screens after Train (Evaluate, Users, Walkthrough, Runs, Map) look at
// one ended run, "the analysed run": the latest one unless the Runs screen
// chose another. Everything they compute from it runs in Cmds, tagged with
// the run's number so a late answer about an older run is dropped.

// RiskWording says which class a retention team acts on and how to name
// it. A label like "churn" is the risk itself; a label like "purchases next
// 30 days = yes" is the good outcome, so the risk is its negative class.
type RiskWording struct {
	Label    string // the label column
	Positive string // its positive class
	Negative string
	// OnPositive is true when the risk is the positive class.
	OnPositive bool
}

// riskWords are the stems that mark a label whose positive class is the
// bad outcome; goodWords mark one whose positive class is the hoped-for one.
var (
	riskWords = []string{"churn", "cancel", "leave", "left", "attrit", "exit", "default", "fraud", "lapse", "lost", "quit", "unsubscrib", "risk"}
	goodWords = []string{"buy", "purchase", "order", "renew", "retain", "active", "return", "convert", "revenue", "repeat", "stay"}
)

// NewRiskWording reads the label's name and positive class.
func NewRiskWording(l data.LabelSpec) RiskWording {
	r := RiskWording{Label: l.Name, Positive: l.Positive, Negative: l.Negative, OnPositive: true}
	name := strings.ToLower(l.Name + " " + l.Positive)
	hasAny := func(words []string) bool {
		return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(name, w) })
	}
	if !hasAny(riskWords) && hasAny(goodWords) {
		r.OnPositive = false
	}
	return r
}

// Class returns "label = class" for the risk class.
func (r RiskWording) Class() string {
	if r.OnPositive {
		return r.Label + " = " + r.Positive
	}
	return r.Label + " = " + r.Negative
}

// ProbName names the model's output, P(label = positive).
func (r RiskWording) ProbName() string { return "P(" + r.Label + " = " + r.Positive + ")" }

// RiskProb turns the model's probability into the probability of the risk.
func (r RiskWording) RiskProb(p float64) float64 {
	if r.OnPositive {
		return p
	}
	return 1 - p
}

// Order says which end of the probability the riskiest users are at.
func (r RiskWording) Order() string {
	if r.OnPositive {
		return "highest " + r.ProbName()
	}
	return "lowest " + r.ProbName()
}

// GainsSentence is what a manager needs from a gains table: contacting the
// riskiest share of users reaches this share of the users at risk.
func (r RiskWording) GainsSentence(g metrics.GainsRow) string {
	return fmt.Sprintf("Contacting the %s riskiest users (%s) reaches %s of those with %s — %.1f× better than at random.",
		WholePercent(g.ShareTargeted), r.Order(), WholePercent(g.ShareCaptured), r.Class(), g.Lift)
}

// WholePercent formats a share as "20 %".
func WholePercent(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	return fmt.Sprintf("%.0f %%", 100*v)
}

// Recovered turns a panic in a Cmd into an error message, so a bug in one
// analysis shows as an error instead of ending the program.
func Recovered(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("tui: internal error: %v", r)
	}
}
