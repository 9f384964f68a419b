package metrics

// NegativeGains is Gains for the negative class, for a label whose
// positive class is the good outcome (buys, renews) so that the users to
// reach are the negatives: probabilities are ranked as 1 − p, lowest p
// first, and the rows with label 0 are the ones captured. Every field of
// the rows reads as in Gains with the classes swapped; MinScore is 1 − the
// highest probability targeted. It needs at least one negative.
func NegativeGains(probs, labels, weights []float64, groups int) ([]GainsRow, error) {
	if err := validate(probs, labels, weights); err != nil {
		return nil, err
	}
	flipP, flipY := make([]float64, len(probs)), make([]float64, len(labels))
	for i := range probs {
		flipP[i], flipY[i] = 1-probs[i], 1-labels[i]
	}
	return Gains(flipP, flipY, weights, groups)
}
