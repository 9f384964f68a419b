package metrics

import (
	"iter"
	"slices"
)

// pair is one row reduced to what ranking metrics need. The class is carried
// in the sign of w (w > 0: positive with weight w, w < 0: negative with
// weight -w), which keeps the element at 16 bytes: sorting a million of them
// every epoch is the hot path of AUC, and smaller elements sort faster.
type pair struct {
	score float64
	w     float64
}

// appendPairs appends one pair per row with non-zero weight to dst and
// returns it. Zero-weight rows are dropped, as scikit-learn drops them, so
// they create no thresholds on the curves.
func appendPairs(dst []pair, scores, labels, weights []float64) []pair {
	for i, s := range scores {
		w := weightAt(weights, i)
		if w == 0 {
			continue
		}
		if labels[i] == 0 {
			w = -w
		}
		dst = append(dst, pair{score: s, w: w})
	}
	return dst
}

// sortDescending orders pairs by decreasing score. Order within ties is
// irrelevant: every metric consumes a whole tie group at once.
func sortDescending(pairs []pair) {
	slices.SortFunc(pairs, func(a, b pair) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return 0
	})
}

// group is a run of pairs sharing one score: a single threshold of a curve.
type group struct {
	score    float64
	pos, neg float64 // weight of positives and negatives in the run
	count    int     // number of rows in the run
}

// nextGroup returns the tie group starting at index start of sorted pairs and
// the index just past it.
func nextGroup(pairs []pair, start int) (group, int) {
	g := group{score: pairs[start].score}
	end := start
	for end < len(pairs) && pairs[end].score == g.score {
		if w := pairs[end].w; w > 0 {
			g.pos += w
		} else {
			g.neg -= w
		}
		end++
	}
	g.count = end - start
	return g, end
}

// cut is one threshold of a sweep over sorted pairs: the tie group at that
// score and the cumulative positive (tp) and negative (fp) weight at or
// above it.
type cut struct {
	group
	tp, fp float64
}

// cuts sweeps the distinct thresholds of sorted pairs from the highest
// score down, accumulating tp and fp group by group. Every curve and
// threshold tool walks this one sweep, so they all sum in the same order.
func cuts(pairs []pair) iter.Seq[cut] {
	return func(yield func(cut) bool) {
		var c cut
		for i := 0; i < len(pairs); {
			c.group, i = nextGroup(pairs, i)
			c.tp += c.pos
			c.fp += c.neg
			if !yield(c) {
				return
			}
		}
	}
}

// classTotals sums the positive and negative weights in the same group-wise
// order the sweeps accumulate them, so a sweep's final cumulative sums equal
// these totals exactly (recall reaches exactly 1 at the lowest threshold).
func classTotals(pairs []pair) (pos, neg float64) {
	for c := range cuts(pairs) {
		pos, neg = c.tp, c.fp
	}
	return pos, neg
}

// sortedPairs validates the input and returns its pairs sorted by
// decreasing score together with the class totals.
func sortedPairs(scores, labels, weights []float64) ([]pair, float64, float64, error) {
	if err := validate(scores, labels, weights); err != nil {
		return nil, 0, 0, err
	}
	pairs := appendPairs(make([]pair, 0, len(scores)), scores, labels, weights)
	sortDescending(pairs)
	pos, neg := classTotals(pairs)
	return pairs, pos, neg, nil
}
