package metrics

import (
	"fmt"
	"math"
)

// GainsRow is one row of a cumulative gains and lift table: what targeting
// the highest-scored share of users achieves.
type GainsRow struct {
	// Group is the 1-based index of the group (a decile when there are 10).
	Group int `json:"group"`
	// ShareTargeted is the share of users targeted: Targeted over all
	// users, Group/groups rounded up to whole users (10 % of 1,409 users
	// targets 141, 10.007 %).
	ShareTargeted float64 `json:"share_targeted"`
	// Targeted is the number of users targeted, ⌈Group/groups · n⌉ as
	// risk bands and plans count them (with weights, their total weight,
	// cut exactly at Group/groups of it when that total is not whole).
	// Model files written before it was whole hold Group/groups · n.
	Targeted float64 `json:"targeted"`
	// MinScore is the lowest score among the targeted users: targeting
	// score >= MinScore reaches this row (up to ties at MinScore).
	MinScore float64 `json:"min_score"`
	// Positives is the cumulative number (weight) of positives captured;
	// fractional only where Targeted's cut falls inside a run of tied
	// scores (see Gains).
	Positives float64 `json:"positives"`
	// ShareCaptured is Positives over all positives: "targeting the riskiest
	// ShareTargeted of users reaches ShareCaptured of all churners".
	ShareCaptured float64 `json:"share_captured"`
	// Lift is ShareCaptured / ShareTargeted, the targeted users' rate of
	// the outcome over everyone's: how many times better than targeting at
	// random. It is 1 for every row of a random scorer.
	Lift float64 `json:"lift"`
}

// Gains returns the cumulative gains and lift table of scores against
// labels for the given number of equal groups (10 for deciles), with
// optional sample weights (nil means all 1), users ranked by decreasing
// score. Group k targets the whole users ⌈k·n/groups⌉, as risk bands and
// plans count a share (experiment.PercentCount); whole weights count as
// copies of the user, and a total weight that is not whole is cut exactly
// at the share k/groups of it. When that cut falls
// inside a run of tied scores, the run is credited pro rata, the expected
// outcome of breaking the tie at random. This makes the table independent
// of input order. It needs at least one positive and returns ErrOneClass
// without.
func Gains(scores, labels, weights []float64, groups int) ([]GainsRow, error) {
	if groups < 1 {
		return nil, fmt.Errorf("%w: %d gains groups (need at least 1)", ErrArgument, groups)
	}
	pairs, pos, neg, err := sortedPairs(scores, labels, weights)
	if err != nil {
		return nil, err
	}
	return gainsSorted(pairs, pos, neg, groups)
}

// gainsSorted computes Gains on sorted pairs.
func gainsSorted(pairs []pair, pos, neg float64, groups int) ([]GainsRow, error) {
	if pos == 0 {
		return nil, oneClassError(pos, neg)
	}
	total := pos + neg
	whole := total == math.Trunc(total) && total < 1<<40
	rows := make([]GainsRow, 0, groups)
	var massBefore, posBefore float64 // weight and positives ranked above g
	i := 0
	g, next := nextGroup(pairs, 0)
	for k := 1; k <= groups; k++ {
		cut := float64(k) * total / float64(groups)
		switch {
		case k == groups:
			cut = total // no rounding short of the last user
		case whole:
			cut = wholeCut(k, groups, total)
		}
		share := cut / total
		// Advance to the tie group containing the cut.
		for massBefore+g.pos+g.neg < cut && next < len(pairs) {
			massBefore += g.pos + g.neg
			posBefore += g.pos
			i = next
			g, next = nextGroup(pairs, i)
		}
		captured := posBefore + g.pos*min((cut-massBefore)/(g.pos+g.neg), 1)
		rows = append(rows, GainsRow{
			Group:         k,
			ShareTargeted: share,
			Targeted:      cut,
			MinScore:      g.score,
			Positives:     captured,
			ShareCaptured: captured / pos,
			Lift:          captured / pos / share,
		})
	}
	return rows, nil
}

// wholeCut is ⌈k·n/groups⌉ for n users, in integer arithmetic so that a
// cut on a user boundary stays on it.
func wholeCut(k, groups int, n float64) float64 {
	return float64((int64(k)*int64(n) + int64(groups) - 1) / int64(groups))
}
