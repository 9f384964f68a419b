package experiment

import (
	"math"
	"testing"

	"github.com/retainlab/retain/engine/metrics"
)

// TestNoBetterThanChance: the Evaluate screen's rule, a top-20 % lift of
// at most 1.0× at the one decimal shown. 1.04 shows as 1.0×, 1.05 as
// 1.1× (math.Round rounds half away from zero); 0.3 is worse than random.
func TestNoBetterThanChance(t *testing.T) {
	for _, c := range []struct {
		lift float64
		want bool
	}{{1.04, true}, {1.05, false}, {0.3, true}, {1.5, false}, {math.NaN(), false}} {
		if got := NoBetterThanChance(c.lift); got != c.want {
			t.Errorf("NoBetterThanChance(%g) = %v, want %v", c.lift, got, c.want)
		}
	}
}

// TestRanksAtChanceAndMajorityRate on hand-made reports: the lift read is
// the gains table's second row (the top 20 %), and the majority-class
// rate of 80 positives and 720 negatives is 720 ÷ 800 = 0.9.
func TestRanksAtChanceAndMajorityRate(t *testing.T) {
	r := &metrics.Report{Positives: 80, Negatives: 720, Gains: []metrics.GainsRow{{Lift: 3}, {Lift: 0.98}, {Lift: 1}}}
	if at, lift := RanksAtChance(r); !at || lift != 0.98 {
		t.Errorf("RanksAtChance = %v, %g, want true, 0.98 (the top 20 %% row, not the top decile's 3)", at, lift)
	}
	r.Gains[1].Lift = 1.2
	if at, _ := RanksAtChance(r); at {
		t.Error("lift 1.2 judged no better than at random")
	}
	if at, _ := RanksAtChance(&metrics.Report{Gains: []metrics.GainsRow{{Lift: 0.5}}}); at {
		t.Error("a table without a top 20 % row judged")
	}
	if m := MajorityRate(r); m != 0.9 {
		t.Errorf("majority rate %g, want 0.9", m)
	}
	if m := MajorityRate(&metrics.Report{Positives: 30, Negatives: 10}); m != 0.75 {
		t.Errorf("majority rate %g, want 0.75 (the positives are the majority)", m)
	}
	if m := MajorityRate(&metrics.Report{}); !math.IsNaN(m) {
		t.Errorf("majority rate of no rows %g, want NaN", m)
	}
}
