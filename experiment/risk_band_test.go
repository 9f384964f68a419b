package experiment

import (
	"math"
	"testing"
)

func TestRiskBandOf(t *testing.T) {
	cases := []struct {
		p    float64
		want RiskBand
	}{
		{0, RiskLow},
		{0.333, RiskLow},
		{1.0 / 3, RiskMedium}, // the edge belongs to the upper band
		{0.5, RiskMedium},
		{0.666, RiskMedium},
		{2.0 / 3, RiskHigh},
		{1, RiskHigh},
		{math.NaN(), RiskLow},
	}
	for _, c := range cases {
		if got := RiskBandOf(c.p); got != c.want {
			t.Errorf("RiskBandOf(%v) = %d, want %d", c.p, got, c.want)
		}
	}
}
