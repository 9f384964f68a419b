package experiment

import (
	"fmt"

	"github.com/retainlab/retain/data"
)

// BundleTarget is the "target" of a model file: the direction ("prevent"
// or "encourage") and the class of the label it is about.
type BundleTarget struct {
	Direction string `json:"direction"`
	Class     string `json:"class"`
}

// SetTarget records t in the bundle.
func (b *Bundle) SetTarget(t Target) {
	b.Target = &BundleTarget{Direction: t.Direction.String(), Class: t.Class()}
}

// Outcome is the target the model file records, or, for an older file
// without one, the guess from the label's name (Guessed set).
func (b *Bundle) Outcome() Target {
	l := data.LabelSpec(b.Label)
	if b.Target == nil {
		return DefaultTarget(l)
	}
	t, err := ParseTarget(b.Target.Direction+":"+b.Target.Class, l)
	if err != nil { // validate refused it when the file was read
		return DefaultTarget(l)
	}
	return t
}

// validateTarget checks a recorded target against the label.
func (b *Bundle) validateTarget() error {
	t := b.Target
	if t == nil {
		return nil
	}
	if t.Direction != Prevent.String() && t.Direction != Encourage.String() {
		return fmt.Errorf("target direction %q: want %q or %q", t.Direction, Prevent, Encourage)
	}
	if t.Class != b.Label.Positive && t.Class != b.Label.Negative {
		return fmt.Errorf("target class %q is not a class of the label %q (%s/%s)", t.Class, b.Label.Name, b.Label.Positive, b.Label.Negative)
	}
	return nil
}
