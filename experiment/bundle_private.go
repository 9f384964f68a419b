package experiment

import (
	"cmp"
	"slices"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine/metrics"
)

// groupScores replaces the values of a validation report that are one
// validation customer's score each, every gains group's lowest score
// (metrics.GainsRow.MinScore) and the best-F1 threshold, by the mean of
// the data.MinGroup scores around that customer's rank (ranks r−4 to r+5
// for the r-th highest, moved inward at either end; every score when there
// are fewer), so that a model file holds no single customer's score. probs
// are the scores the report was computed on, unweighted. Nothing decides
// with these values: predictions are cut at the file's own threshold, and
// risk bands and plans rank the rows they score.
func groupScores(rep *metrics.Report, probs []float64) {
	if len(probs) == 0 {
		return
	}
	sorted := slices.Clone(probs)
	slices.SortFunc(sorted, func(a, b float64) int { return cmp.Compare(b, a) })
	for i := range rep.Gains {
		g := &rep.Gains[i]
		// The lowest targeted score is the ⌈Targeted⌉-th highest.
		last := int(g.Targeted)
		if float64(last) < g.Targeted {
			last++
		}
		g.MinScore = meanAroundRank(sorted, last-1)
	}
	// The best-F1 threshold flags every score at or above it; the lowest
	// of them is the last flagged rank.
	flagged := 0
	for flagged < len(sorted) && sorted[flagged] >= rep.BestF1.Threshold {
		flagged++
	}
	rep.BestF1.Threshold = meanAroundRank(sorted, flagged-1)
}

// meanAroundRank is the mean of the data.MinGroup values of sorted around
// index i (from i−4 to i+5), the window moved inward to fit; the mean of
// every value when there are fewer.
func meanAroundRank(sorted []float64, i int) float64 {
	k := min(data.MinGroup, len(sorted))
	start := min(max(i-(k-1)/2, 0), len(sorted)-k)
	var sum float64
	for _, v := range sorted[start : start+k] {
		sum += v
	}
	return sum / float64(k)
}
