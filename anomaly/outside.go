package anomaly

import (
	"math"
	"slices"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine/metrics"
)

// The networks see each numeric input through a rank-gauss transform (and
// the preprocessing clips it to its privacy range), so magnitude counts for
// nothing there: −1,000,000 s is the same input as the column's ordinary
// minimum. The out-of-range component below looks at magnitude alone, on
// every numeric column, and lifts a row with a value far beyond its
// column's usual range above every row the networks rank.

// usualShare is the share of a column's values below the low end of its
// usual range and above the high end (each end's quantile), unless fewer
// than data.MinGroup values would lie beyond it: then the end is the
// quantile at data.MinGroup values from the extreme, so that no range end
// describes fewer users than any other statistic shown (see Privacy in the
// README). At most the quartiles.
const usualShare = 0.01

// farOutside is how far beyond its column's usual range a value must lie
// to be out of range: more than this many times the range's own width, on
// the signed-log scale sign(v)·log(1+|v|), which suits heavy tails (a
// column whose usual range is 0 to 5 calls a value out of range above
// 215, one whose range is 0 to 0.2 above 0.73). It is set so that none of
// the four real data sets' values is out of range: the farthest, CDNOW's
// orders_30d of 23 where the range is 0 to 2, lies 1.89 widths out (15
// orders: 1.52), a heavy buyer, not an impossible value, while review 28's
// planted values lay 2.7 (an average order of £100,000,000 where the range
// is £33 to £1,888), 3.6 (PageValues 10⁹, range 0 to 86) and 22.6 (a rate
// of −50) widths out.
const farOutside = 2.0

// mostlyNonNegative is the share of a column's values that may be
// negative while a negative value is still out of the column's domain:
// a negative count, price or duration in a column where (nearly) every
// value is 0 or more.
const mostlyNonNegative = 0.01

// usualRange is a numeric column's usual range, on the signed-log scale
// (lo, hi) and in its own units (low, high).
type usualRange struct {
	ok        bool // a numeric column the component looks at
	lo, hi    float64
	low, high float64
	// nonNegative is set when fewer than mostlyNonNegative of the values
	// are negative, so that a negative value is out of range.
	nonNegative bool
}

// signedLog is sign(v)·log(1+|v|).
func signedLog(v float64) float64 { return math.Copysign(math.Log1p(math.Abs(v)), v) }

// rangeSample is the most values a usual range's quantiles are taken
// from: on a larger column, every k-th row (a fixed stride, so the range
// does not depend on the seed), which keeps the cost on 1,000,000 users to
// one pass over each column.
const rangeSample = DefaultMaxTrainRows

// fitUsualRange fits a numeric column's usual range from its present
// values (not ok for a column of fewer than two values): the quantiles
// from at most rangeSample of them, the share of negative values from all.
func fitUsualRange(values []float64) usualRange {
	stride := max(1, (len(values)+rangeSample-1)/rangeSample)
	xs := make([]float64, 0, min(len(values), rangeSample))
	negative, present := 0, 0
	for i, v := range values {
		if math.IsNaN(v) {
			continue
		}
		present++
		if v < 0 {
			negative++
		}
		if i%stride == 0 {
			xs = append(xs, v)
		}
	}
	if len(xs) < 2 {
		return usualRange{} // too few values (on the stride)
	}
	slices.Sort(xs)
	q := min(max(usualShare, float64(data.MinGroup)/float64(len(xs))), 0.25)
	r := usualRange{ok: true, low: metrics.QuantileSorted(xs, q), high: metrics.QuantileSorted(xs, 1-q)}
	r.lo, r.hi = signedLog(r.low), signedLog(r.high)
	r.nonNegative = float64(negative) < mostlyNonNegative*float64(present)
	return r
}

// outside is how far v lies beyond the range, in widths of the range on
// the signed-log scale: 0 inside it or not far beyond (see farOutside);
// for a negative value in a column that is otherwise 0 or more, at least
// farOutside plus its own distance below the range. A column whose usual
// range is one value (most of its users hold it) gives 0 unless v is such
// a negative value.
func (r usualRange) outside(v float64) float64 {
	if !r.ok || math.IsNaN(v) {
		return 0
	}
	s, w := signedLog(v), r.hi-r.lo
	if v < 0 && r.nonNegative {
		if w <= 0 {
			return farOutside + r.lo - s
		}
		return farOutside + (r.lo-s)/w
	}
	if w <= 0 {
		return 0
	}
	d := max(s-r.hi, r.lo-s) / w
	if d <= farOutside {
		return 0
	}
	return d
}

// usualRanges fits the usual range of each of p's numeric columns (not
// booleans, dates or categorical columns) from t, in p's column order.
func usualRanges(t *data.Table, p *data.Pipeline) []usualRange {
	ranges := make([]usualRange, len(p.Columns))
	for ci := range p.Columns {
		pc := &p.Columns[ci]
		if pc.Kind != data.Numeric || pc.Date {
			continue
		}
		if c := t.Column(pc.Name); c != nil && c.Kind == data.Numeric && c.Values != nil {
			ranges[ci] = fitUsualRange(c.Values)
		}
	}
	return ranges
}

// outsideScores returns each row's largest out-of-range distance over the
// columns (see usualRange.outside), 0 for a row with every value in range.
func outsideScores(t *data.Table, p *data.Pipeline, ranges []usualRange) []float64 {
	out := make([]float64, t.Rows)
	for ci, r := range ranges {
		if !r.ok {
			continue
		}
		c := t.Column(p.Columns[ci].Name)
		for i, v := range c.Values {
			out[i] = max(out[i], r.outside(v))
		}
	}
	return out
}

// liftOutside returns score with every row whose Outside is positive
// lifted above every other row: to the highest score of a row in range
// plus its Outside, so that out-of-range rows lead the ranking by how far
// out they lie and the rest keep their order.
func liftOutside(score, outside []float64) []float64 {
	top := math.Inf(-1)
	for i, s := range score {
		if outside[i] == 0 {
			top = max(top, s)
		}
	}
	if math.IsInf(top, -1) {
		top = 0
	}
	lifted := slices.Clone(score)
	for i, o := range outside {
		if o > 0 {
			lifted[i] = max(score[i], top+o)
		}
	}
	return lifted
}
