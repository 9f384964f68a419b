package experiment

import (
	"fmt"
	"slices"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine/metrics"
)

// Direction says what a plan wants of its outcome.
type Direction int

// The two directions. The zero value is no direction: a Target built by
// hand must set one.
const (
	// Prevent: the outcome is a bad one (churn, cancel, not ordering
	// again); the users to act on are those most likely to have it.
	Prevent Direction = iota + 1
	// Encourage: the outcome is a good one (buy, renew); the users to act
	// on are those most likely to convert.
	Encourage
)

// String returns "prevent" or "encourage".
func (d Direction) String() string {
	switch d {
	case Prevent:
		return "prevent"
	case Encourage:
		return "encourage"
	}
	return fmt.Sprintf("Direction(%d)", int(d))
}

// Target is the outcome a retention plan is about: one class of the label
// (Outcome) and what the plan wants of it (Direction). In both directions
// the users to act on are those with the highest probability of Outcome,
// and gains and lift count the users with Outcome:
//
//   - prevent "Churn = Yes": rank by P(Yes), the bad outcome;
//   - encourage "Revenue = True": rank by P(True), the conversion;
//   - prevent "orders again = no" (CDNOW): rank by P(no) = 1 − P(yes).
//
// So the outcome is the label's positive class unless the direction asks
// for the class the label's name marks as the other kind: preventing a
// label whose positive class is good prevents its negative class.
type Target struct {
	Direction Direction
	// Label names the label column and its classes.
	Label data.LabelSpec
	// OnPositive is true when the outcome is the label's positive class.
	OnPositive bool
	// Guessed is true when the target comes from the label's name and not
	// from the user (a flag, the TUI's prompt) or a model file.
	Guessed bool
}

// badWords are the stems that mark a label whose positive class is the
// bad outcome; goodWords mark one whose positive class is the hoped-for one.
var (
	badWords = []string{"churn", "cancel", "leave", "left", "attrit", "exit", "default", "fraud", "lapse", "lost", "quit", "unsubscrib", "risk",
		"流失", "取消", "退订", "离开", "欺诈", "违约", "风险"}
	goodWords = []string{"buy", "purchase", "order", "renew", "retain", "active", "return", "convert", "revenue", "repeat", "stay",
		"购买", "复购", "下单", "订单", "续费", "留存", "活跃", "转化", "响应", "回购"}
)

// PositiveIsGood guesses from the label's name and positive class whether
// the positive class is the good outcome: it names a good thing (buys,
// orders, revenue…) and no bad one (churn, cancel…). A label with neither
// kind of word is taken as bad (the classic churn flag).
func PositiveIsGood(l data.LabelSpec) bool {
	return !labelSays(l, badWords) && labelSays(l, goodWords)
}

// NameJudges reports whether the label's name or positive class holds a
// word that marks an outcome as good or bad (churn, cancel…; buy,
// renew…). When it holds none, DefaultTarget prevents the positive class
// by default, not because the name says so.
func NameJudges(l data.LabelSpec) bool {
	return labelSays(l, badWords) || labelSays(l, goodWords)
}

// labelSays reports whether the label's name or positive class, in lower
// case, holds one of words.
func labelSays(l data.LabelSpec, words []string) bool {
	name := strings.ToLower(l.Name + " " + l.Positive)
	return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(name, w) })
}

// DefaultTarget is the target guessed from the label's name: encourage the
// positive class when it names a good outcome, else prevent it. Either way
// it ranks users by P(positive).
func DefaultTarget(l data.LabelSpec) Target {
	d := Prevent
	if PositiveIsGood(l) {
		d = Encourage
	}
	t := NewTarget(l, d)
	t.Guessed = true
	return t
}

// NewTarget is the target with direction d on label l: preventing the
// class the label's name marks as bad, or encouraging the one it marks as
// good (see PositiveIsGood).
func NewTarget(l data.LabelSpec, d Direction) Target {
	good := PositiveIsGood(l)
	return Target{Direction: d, Label: l, OnPositive: good == (d == Encourage)}
}

// ParseTarget reads a --target value: "prevent" or "encourage" (see
// NewTarget), or "prevent:CLASS" / "encourage:CLASS" naming the outcome
// class when the label's name misleads the guess. The error is the
// sentence a user reads.
func ParseTarget(s string, l data.LabelSpec) (Target, error) {
	word, class, explicit := strings.Cut(strings.TrimSpace(s), ":")
	var d Direction
	switch strings.ToLower(strings.TrimSpace(word)) {
	case "prevent":
		d = Prevent
	case "encourage":
		d = Encourage
	default:
		return Target{}, fmt.Errorf("--target %q: want prevent or encourage (optionally :CLASS, one of %q and %q)",
			s, l.Positive, l.Negative)
	}
	t := NewTarget(l, d)
	if explicit {
		// Any case, as the label's cells are read (a label written "Yes"
		// and "yes" is one class, data.foldLabel).
		switch c := strings.TrimSpace(class); {
		case c == l.Positive:
			t.OnPositive = true
		case c == l.Negative:
			t.OnPositive = false
		case strings.EqualFold(c, l.Positive) && !strings.EqualFold(c, l.Negative):
			t.OnPositive = true
		case strings.EqualFold(c, l.Negative) && !strings.EqualFold(c, l.Positive):
			t.OnPositive = false
		default:
			return Target{}, fmt.Errorf("--target %q: %q is not a class of the label %s (want %q or %q)",
				s, strings.TrimSpace(class), l.Name, l.Positive, l.Negative)
		}
	}
	return t, nil
}

// Class is the outcome's class name.
func (t Target) Class() string {
	if t.OnPositive {
		return t.Label.Positive
	}
	return t.Label.Negative
}

// Outcome is "label = class" for the outcome.
func (t Target) Outcome() string { return t.Label.Name + " = " + t.Class() }

// Other is "label = class" for the other class.
func (t Target) Other() string {
	if t.OnPositive {
		return t.Label.Name + " = " + t.Label.Negative
	}
	return t.Label.Name + " = " + t.Label.Positive
}

// String is "encourage \"Revenue = True\"".
func (t Target) String() string { return fmt.Sprintf("%s %q", t.Direction, t.Outcome()) }

// Flag is the --target value that gives this target back.
func (t Target) Flag() string {
	if t.OnPositive == NewTarget(t.Label, t.Direction).OnPositive {
		return t.Direction.String()
	}
	return t.Direction.String() + ":" + t.Class()
}

// Toggled is the target with the other direction on the same label (see
// NewTarget): what the TUI's key and the CLI's hint switch to.
func (t Target) Toggled() Target {
	d := Encourage
	if t.Direction == Encourage {
		d = Prevent
	}
	return NewTarget(t.Label, d)
}

// Score is the probability of the outcome given the model's probability of
// the positive class: the number users are ranked by.
func (t Target) Score(pPositive float64) float64 {
	if t.OnPositive {
		return pPositive
	}
	return 1 - pPositive
}

// Scores maps Score over the model's probabilities.
func (t Target) Scores(pPositive []float64) []float64 {
	out := make([]float64, len(pPositive))
	for i, p := range pPositive {
		out[i] = t.Score(p)
	}
	return out
}

// Gains is the cumulative gains and lift table for the outcome: users
// ranked by the probability of the outcome, the users with the outcome
// counted as captured (see metrics.Gains).
func (t Target) Gains(probs, labels, weights []float64, groups int) ([]metrics.GainsRow, error) {
	if t.OnPositive {
		return metrics.Gains(probs, labels, weights, groups)
	}
	return metrics.NegativeGains(probs, labels, weights, groups)
}
