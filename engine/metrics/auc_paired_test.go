package metrics

import (
	"errors"
	"math"
	"testing"
)

// TestPairedAUCTest checks the paired DeLong test against a brute-force
// computation over every positive–negative pair, made independently with
// this plain Python (no libraries):
//
//	psi = lambda x, z: 1.0 if x > z else (0.5 if x == z else 0.0)
//	P = [i for i in range(len(y)) if y[i] == 1]; N = [i for i in range(len(y)) if y[i] == 0]
//	v10 = [sum(psi(s[i], s[j]) for j in N) / len(N) for i in P]   # per positive
//	v01 = [sum(psi(s[i], s[j]) for i in P) / len(P) for j in N]   # per negative
//	var = (cov(a10,a10)+cov(b10,b10)-2cov(a10,b10))/m + (same for the 01 parts)/n   # cov with ddof 1
//	z = (B-A)/sqrt(var); p = erfc(|z|/sqrt(2))
//
// which printed A 0.7916666666666666, B 0.9583333333333331, SE
// 0.15664302422079648, Z 1.063990353197862, P 0.28733306967149974. The
// data has ties within and across classes.
func TestPairedAUCTest(t *testing.T) {
	y := []float64{1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 0, 1}
	a := []float64{0.9, 0.3, 0.6, 0.4, 0.4, 0.2, 0.8, 0.7, 0.1, 0.35, 0.5, 0.55}
	b := []float64{0.7, 0.5, 0.9, 0.6, 0.2, 0.3, 0.65, 0.4, 0.6, 0.8, 0.1, 0.55}
	got, ok, err := PairedAUCTest(a, b, y)
	if err != nil || !ok {
		t.Fatalf("ok %v, err %v", ok, err)
	}
	want := PairedAUC{A: 0.7916666666666666, B: 0.9583333333333331, SE: 0.15664302422079648, Z: 1.063990353197862, P: 0.28733306967149974}
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"A", got.A, want.A}, {"B", got.B, want.B}, {"Diff", got.Diff, want.B - want.A}, {"SE", got.SE, want.SE},
		{"Z", got.Z, want.Z}, {"P", got.P, want.P}, {"Low", got.Interval.Low, want.B - want.A - z95*want.SE}} {
		if math.Abs(c.got-c.want) > 1e-12 {
			t.Errorf("%s %v, want %v", c.name, c.got, c.want)
		}
	}
	// AUC agrees on each score.
	if auc, _ := AUC(b, y, nil); math.Abs(auc-got.B) > 1e-12 {
		t.Errorf("AUC of b %v vs AUC %v", got.B, auc)
	}
	// The same score twice: no difference, no variance, p = 1.
	if same, ok, _ := PairedAUCTest(a, a, y); !ok || same.Diff != 0 || same.SE != 0 || same.P != 1 {
		t.Errorf("a against itself: %+v", same)
	}
	if _, _, err := PairedAUCTest(a, b, make([]float64, len(y))); !errors.Is(err, ErrOneClass) {
		t.Errorf("one class: %v", err)
	}
	if _, ok, err := PairedAUCTest([]float64{1, 2, 3}, []float64{3, 2, 1}, []float64{1, 0, 0}); ok || err != nil {
		t.Errorf("one positive: ok %v, err %v", ok, err)
	}
	if _, _, err := PairedAUCTest(a, b[:3], y); !errors.Is(err, ErrLengthMismatch) {
		t.Errorf("short b: %v", err)
	}
}
