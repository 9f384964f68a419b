package common

import (
	"fmt"
	"math"

	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
)

// The screens after Train (Evaluate, Users, Walkthrough, Runs, Map) look at
// one ended run, "the analysed run": the latest one unless the Runs screen
// chose another. Everything they compute from it runs in Cmds, tagged with
// the run's number so a late answer about an older run is dropped.

// RiskWording names the outcome a plan is about (an experiment.Target)
// for the screens: which class the users are ranked by and how to say it.
type RiskWording struct {
	Label    string // the label column
	Positive string // its positive class
	Negative string
	// OnPositive is true when the outcome is the positive class.
	OnPositive bool
	// Direction is whether the outcome is to prevent or to encourage.
	Direction experiment.Direction
}

// NewRiskWording words the target t.
func NewRiskWording(t experiment.Target) RiskWording {
	return RiskWording{Label: t.Label.Name, Positive: t.Label.Positive, Negative: t.Label.Negative,
		OnPositive: t.OnPositive, Direction: t.Direction}
}

// Class returns "label = class" for the outcome.
func (r RiskWording) Class() string {
	if r.OnPositive {
		return r.Label + " = " + r.Positive
	}
	return r.Label + " = " + r.Negative
}

// ProbName names the model's output, P(label = positive).
func (r RiskWording) ProbName() string { return "P(" + r.Label + " = " + r.Positive + ")" }

// RiskProb turns the model's probability into the probability of the
// outcome (experiment.Target.Score).
func (r RiskWording) RiskProb(p float64) float64 {
	if r.OnPositive {
		return p
	}
	return 1 - p
}

// Order says which end of the probability the users to act on are at.
func (r RiskWording) Order() string {
	if r.OnPositive {
		return "highest " + r.ProbName()
	}
	return "lowest " + r.ProbName()
}

// GainsSentence is what a manager needs from a gains table: contacting the
// riskiest users reaches this share of those who have the outcome to
// prevent. For an outcome to encourage it measures the model only ("the
// users most likely to convert hold …") and says that the Plan contacts
// the least likely first instead, and why, so that the two screens never
// give opposite advice unexplained.
func (r RiskWording) GainsSentence(g metrics.GainsRow) string {
	if r.Direction == experiment.Encourage {
		return fmt.Sprintf("The %s of users most likely to convert (%s) hold %s of those with %s — %s. "+
			"The Plan (0) contacts the least likely first instead, as a contact can only convert a user who would not convert anyway.",
			WholePercent(g.ShareTargeted), r.Order(), WholePercent(g.ShareCaptured), r.Class(), experiment.LiftWords(g.Lift))
	}
	return fmt.Sprintf("Contacting the %s riskiest users (%s) reaches %s of those with %s — %s.",
		WholePercent(g.ShareTargeted), r.Order(), WholePercent(g.ShareCaptured), r.Class(), experiment.LiftWords(g.Lift))
}

// GainsSentenceZh is GainsSentence in Chinese.
func (r RiskWording) GainsSentenceZh(g metrics.GainsRow) string {
	order := "最高"
	if !r.OnPositive {
		order = "最低"
	}
	if r.Direction == experiment.Encourage {
		return fmt.Sprintf("最可能转化的 %s 用户（%s %s）占全部 %s 用户的 %s——%s。计划页（0）则先联系最不可能转化的用户，因为联系只能让本来不会转化的用户转化。",
			WholePercent(g.ShareTargeted), r.ProbName(), order, r.Class(), WholePercent(g.ShareCaptured), liftWordsZh(g.Lift))
	}
	return fmt.Sprintf("联系风险最高的 %s 用户（%s %s），可以触达 %s 的 %s 用户——%s。",
		WholePercent(g.ShareTargeted), r.ProbName(), order, WholePercent(g.ShareCaptured), r.Class(), liftWordsZh(g.Lift))
}

// liftWordsZh is experiment.LiftWords in Chinese.
func liftWordsZh(lift float64) string {
	switch shown := math.Round(lift*10) / 10; {
	case shown == 1:
		return "与随机联系相当（1.0 倍）"
	case experiment.NoBetterThanChance(lift):
		return fmt.Sprintf("只有随机联系的 %.1f 倍，不如随机联系", lift)
	}
	return fmt.Sprintf("是随机联系的 %.1f 倍", lift)
}

// WholePercent formats a share as "20 %".
func WholePercent(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	return fmt.Sprintf("%.0f %%", 100*v)
}

// Recovered turns a panic in a Cmd into an error message, so a bug in one
// analysis shows as an error instead of ending the program. The message
// says "internal error" without a package prefix; the panic's own text,
// which names its package, follows.
func Recovered(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("internal error: %v", r)
	}
}
