package evalscreen

import (
	"testing"

	"github.com/retainlab/retain/tui/common"
)

func TestRiskGainsRankTheNegativeClassForGoodLabels(t *testing.T) {
	// Ten users, P(buys) 0.05…0.95; the non-buyers (label 0) are the users
	// with P 0.05, 0.15, 0.35 and 0.75. The riskiest 20 % are the two
	// lowest-P users, both non-buyers: 2 of the 4 reached (50 %), lift 2.5.
	probs := []float64{0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95}
	labels := []float64{0, 0, 1, 0, 1, 1, 1, 0, 1, 1}
	r := common.RiskWording{Label: "buys", Positive: "yes", Negative: "no", OnPositive: false}
	g, err := riskGains(r, probs, labels)
	if err != nil {
		t.Fatal(err)
	}
	if g[1].ShareCaptured != 0.5 || g[1].Lift != 2.5 || g[1].ShareTargeted != 0.2 {
		t.Fatalf("second decile %+v", g[1])
	}
}
