package metrics

import (
	"errors"
	"testing"
)

func TestNegativeGainsRankTheLowestProbabilitiesFirst(t *testing.T) {
	// Ten users, P(buys) 0.05…0.95; the non-buyers (label 0) are the users
	// with P 0.05, 0.15, 0.35 and 0.75. The 20 % least likely to buy are
	// the two lowest-P users, both non-buyers: 2 of the 4 reached (50 %),
	// lift 2.5.
	probs := []float64{0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95}
	labels := []float64{0, 0, 1, 0, 1, 1, 1, 0, 1, 1}
	g, err := NegativeGains(probs, labels, nil, ReportBins)
	if err != nil {
		t.Fatal(err)
	}
	if g[1].ShareCaptured != 0.5 || g[1].Lift != 2.5 || g[1].ShareTargeted != 0.2 || g[1].Positives != 2 {
		t.Fatalf("second decile %+v", g[1])
	}
	if _, err := NegativeGains([]float64{0.2, 0.9}, []float64{1, 1}, nil, ReportBins); !errors.Is(err, ErrOneClass) {
		t.Fatalf("no negatives: %v, want ErrOneClass", err)
	}
	if _, err := NegativeGains([]float64{0.2}, []float64{1, 0}, nil, ReportBins); err == nil || err.Error() != "length mismatch: 1 scores, 2 labels" {
		t.Fatalf("mismatch: %v", err)
	}
}
