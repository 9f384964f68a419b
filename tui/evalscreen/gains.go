package evalscreen

import (
	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/tui/common"
)

// riskGains computes the gains table for the risk class: for a label whose
// positive class is the good outcome, users are ranked by 1 − p and the
// negatives are the ones to reach.
func riskGains(r common.RiskWording, probs, labels []float64) ([]metrics.GainsRow, error) {
	if r.OnPositive {
		return metrics.Gains(probs, labels, nil, metrics.ReportBins)
	}
	flipP, flipY := make([]float64, len(probs)), make([]float64, len(labels))
	for i := range probs {
		flipP[i], flipY[i] = 1-probs[i], 1-labels[i]
	}
	return metrics.Gains(flipP, flipY, nil, metrics.ReportBins)
}
