package experiment

import (
	"math"

	"github.com/retainlab/retain/engine/metrics"
)

// labelled returns the probabilities and labels of the rows whose label
// is not blank.
func (s *Scored) labelled() (probs, labels []float64) {
	for i, y := range s.Actual {
		if !math.IsNaN(y) {
			probs = append(probs, s.Probabilities[i])
			labels = append(labels, y)
		}
	}
	return probs, labels
}

// TargetGains is t's gains table by decile (metrics.ReportBins groups) of
// the rows with a label.
func (s *Scored) TargetGains(t Target) ([]metrics.GainsRow, error) {
	probs, labels := s.labelled()
	return t.Gains(probs, labels, nil, metrics.ReportBins)
}

// Bands cuts every scored row into the scheme's bands by t's score, and
// counts per band the rows whose label is t's outcome (zero everywhere
// when the rows have no labels).
func (s *Scored) Bands(t Target, scheme BandScheme) (Banding, []int) {
	b := AssignBands(t.Scores(s.Probabilities), scheme)
	labels := s.Actual
	if labels == nil {
		labels = make([]float64, len(s.Probabilities))
		for i := range labels {
			labels[i] = math.NaN()
		}
	}
	out, _ := b.Outcomes(labels, t) // same length by construction
	return b, out
}

// BandLabels are the English band names of every row, in row order, for
// the scores CSV's band column.
func (b Banding) BandLabels() []string {
	out := make([]string, len(b.Of))
	for i, bi := range b.Of {
		out[i] = b.Label(bi)
	}
	return out
}
