package anomaly

import (
	"math"
	"testing"
)

// TestRarityScale checks binaryWeights' factor against figures computed
// with Python's statistics.NormalDist (f(p) = (Φ⁻¹(1−p/2) −
// Φ⁻¹((1−p)/2))²·p(1−p), divided by f(½)): 1 for p = ½, 0.62014 for 10 %,
// 0.14579 for 1 % and 0.11057 for 85 of 12,330 (Online Shoppers'
// VisitorType Other).
func TestRarityScale(t *testing.T) {
	for _, c := range []struct{ p, want float64 }{{0.5, 1}, {0.1, 0.6201418}, {0.01, 0.1457924}, {85.0 / 12330, 0.1105664}} {
		if got := rarityScale(c.p) / rarityScale(0.5); math.Abs(got-c.want) > 1e-6 {
			t.Errorf("p %v: %v, want %v", c.p, got, c.want)
		}
	}
	if rarityScale(0) != 0 {
		t.Error("p 0: want 0")
	}
}

// TestPairResidual checks residual2 by hand: with correlation 0.88, a user
// at +2.78 on one input and −1.86 on the other (review 28's bots on
// Online Shoppers) lies min((−1.86 − 0.88·2.78)², (2.78 + 0.88·1.86)²) /
// (1 − 0.88²) = 82.203 (Python) from the pair's law, and a user on the
// line the correlation draws (y = 0.88x) at 0.
func TestPairResidual(t *testing.T) {
	p := pairCheck{rho: 0.88}
	if got := p.residual2(2.78, -1.86); math.Abs(got-82.20337) > 1e-4 {
		t.Errorf("residual2 %v, want 82.20337", got)
	}
	if got := p.residual2(1, 0.88); math.Abs(got) > 1e-12 {
		t.Errorf("on the line: %v, want 0", got)
	}
}
