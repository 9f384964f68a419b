package evalscreen

import (
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// p switches the gains and bands to the other outcome and tells every
// screen; B switches the bands to a contact capacity. The built-in shop's
// label, purchases_next_30d, is encouraged by default: its gains rank the
// likely buyers first, far better than the old framing on the
// non-purchase (whose top-decile lift cannot exceed 1/0.73).
func TestGainsAndBandsFollowTheTarget(t *testing.T) {
	good, _ := runs(t)
	s := evaluated(t, screentest.Common("en", 160, 48), good)
	if got := s.plan.target.String(); got != `encourage "purchases_next_30d = yes"` {
		t.Fatalf("default target %s", got)
	}
	encourageLift := s.plan.gains[0].Lift
	if encourageLift < 2 {
		t.Errorf("encourage: top-decile lift %.2f", encourageLift)
	}
	s, cmd := s.step(screentest.Press("p"))
	msg, ok := cmd().(common.TargetMsg)
	if !ok || msg.Target.String() != `prevent "purchases_next_30d = no"` {
		t.Fatalf("p sent %#v", cmd())
	}
	if s.plan.gains[0].Lift >= encourageLift || s.plan.gains[0].Lift > 1/0.73 {
		t.Errorf("prevent not buying: top-decile lift %.2f", s.plan.gains[0].Lift)
	}
	screentest.MustContain(t, s.View(), " · prevent (p)", "purchases_next_30d = no", "riskiest users (lowest P(purchases_next_30d = yes))")
	s, cmd = s.step(screentest.Press("B"))
	if got := cmd(); got != (common.BandsMsg{Scheme: experiment.BandScheme{Capacity: 100}}) {
		t.Fatalf("B sent %#v", got)
	}
	if b := s.plan.bands.Bands; len(b) != 2 || b[0].Users() != 100 || b[1].Users() != 400 {
		t.Errorf("capacity bands %+v", b)
	}
	screentest.MustContain(t, s.View(), " · top 100 (B)")
	// The choice made on another screen arrives as a message.
	s, _ = s.step(common.TargetMsg{Target: experiment.DefaultTarget(msg.Target.Label)})
	if s.plan.gains[0].Lift != encourageLift {
		t.Errorf("back to encourage: lift %.2f, want %.2f", s.plan.gains[0].Lift, encourageLift)
	}
}
