package modelscreen

import (
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// TestDecayTypedPerRows: the L2 field shows the default's decay as
// "20/rows" and the decay check's as "2/rows", and the form they show is
// one a user can type: "50/rows" (or "50 / 训练行") sets the prior 50
// (λ = 50 ÷ training rows), where it was refused as not a number; a bare
// number still sets a fixed λ, and a prior of 0 or less is refused in
// place.
func TestDecayTypedPerRows(t *testing.T) {
	def := experiment.DefaultConfig()
	for _, typed := range []string{"50/rows", "50 / 训练行", "50/ROWS"} {
		s := typeValue(selectField(t, modelFixture(), "L2"), typed)
		if c := s.Config(); s.refusal.In(s.Common) != "" || c.L2Prior != 50 || c.Train.L2 != def.Train.L2 {
			t.Errorf("L2 %q: refusal %q, prior %g, fixed λ %g", typed, s.refusal.In(s.Common), c.L2Prior, c.Train.L2)
		}
		if got := fields(common.New("en"), s.Config(), experiment.Limits{}, experiment.Shape{})[s.sel].get(s.Config()); got != "50/rows" {
			t.Errorf("L2 %q: shown %q, want 50/rows", typed, got)
		}
	}
	s := typeValue(selectField(t, modelFixture(), "L2"), "0.002")
	if c := s.Config(); c.L2Prior != 0 || c.Train.L2 != 0.002 {
		t.Errorf("L2 0.002: prior %g, fixed λ %g", c.L2Prior, c.Train.L2)
	}
	r := typeValue(selectField(t, modelFixture(), "L2"), "0/rows")
	if want := "N/rows: N must be above 0 and at most 1e9"; r.refusal.In(r.Common) != want || r.Config().L2Prior != def.L2Prior {
		t.Errorf("L2 0/rows: refusal %q (want %q), prior %g", r.refusal.In(r.Common), want, r.Config().L2Prior)
	}
	d := typeValue(selectField(t, modelFixture(), "Decay check"), "5/rows")
	if d.refusal.In(d.Common) != "" || d.Config().L2PriorAlt != 5 {
		t.Errorf("decay check 5/rows: refusal %q, alternative prior %g", d.refusal.In(d.Common), d.Config().L2PriorAlt)
	}
}
