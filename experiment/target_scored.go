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
// when the rows have no labels): TargetBands of the rows.
func (s *Scored) Bands(t Target, scheme BandScheme) (Banding, []int) {
	return TargetBands(s.Probabilities, s.Actual, t, scheme)
}

// TargetBands cuts users into the scheme's bands by t's score of their
// probabilities of the positive class (AssignBands), and counts per band
// the users whose label is t's outcome (Banding.Outcomes; nil labels: zero
// everywhere): the band table of `retain eval` and the Evaluate screen.
func TargetBands(pos, labels []float64, t Target, scheme BandScheme) (Banding, []int) {
	b := AssignBands(t.Scores(pos), scheme)
	if labels == nil {
		labels = make([]float64, len(pos))
		for i := range labels {
			labels[i] = math.NaN()
		}
	}
	out, _ := b.Outcomes(labels, t) // same length by construction
	return b, out
}

// Rate is the share of band i's users that outcomes (Outcomes) counts in
// it, NaN for an empty band.
func (b Banding) Rate(i int, outcomes []int) float64 {
	n := b.Bands[i].Users()
	if n == 0 {
		return math.NaN()
	}
	return float64(outcomes[i]) / float64(n)
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
