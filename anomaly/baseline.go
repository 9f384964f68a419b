package anomaly

import (
	"math"

	"github.com/retainlab/retain/data"
)

// madToSD and meanADToSD turn the median absolute deviation and the mean
// absolute deviation around the median into estimates of a normal
// distribution's standard deviation (1/Φ⁻¹(3/4) and √(π/2)).
const (
	madToSD    = 1.482602218505602
	meanADToSD = 1.2533141373155001
)

// BaselineScores is the robust baseline: for each row the largest |z| over
// the numeric feature columns of t, with the robust z-score
// z = (x − median) / (1.4826·MAD). Where a column's MAD is 0 (more than half
// its values equal), the mean absolute deviation around the median stands
// in (z = (x − median) / (1.2533·MeanAD), as in Iglewicz and Hoaglin's
// modified z-score); a column whose MeanAD is 0 too is constant and adds
// nothing. Missing cells, categorical and yes/no columns add nothing: a
// 0/1 column's MAD is 0 whenever one answer holds more than half the rows,
// and its MeanAD fallback would then make every row with the rarer answer
// an outlier (on telco_churn, PhoneService = No scored 8.24 and led the
// baseline's ranking), a rare level rather than an outlying number.
func BaselineScores(t *data.Table) []float64 {
	score := make([]float64, t.Rows)
	for _, c := range t.Features() {
		if c.Values == nil || c.Kind != data.Numeric {
			continue
		}
		med, scale := robustScale(c.Values)
		if scale == 0 || math.IsNaN(scale) {
			continue
		}
		for i, v := range c.Values {
			if z := math.Abs(v-med) / scale; z > score[i] {
				score[i] = z
			}
		}
	}
	return score
}

// robustScale returns a column's median and the robust scale its z-scores
// divide by (0 for a constant column).
func robustScale(values []float64) (median, scale float64) {
	median = medianOf(values)
	dev := make([]float64, 0, len(values))
	meanAD := 0.0
	for _, v := range values {
		if !math.IsNaN(v) {
			d := math.Abs(v - median)
			dev = append(dev, d)
			meanAD += d
		}
	}
	if len(dev) == 0 {
		return median, 0
	}
	meanAD /= float64(len(dev))
	if mad := data.Median(dev); mad > 0 {
		return median, madToSD * mad
	}
	return median, meanADToSD * meanAD
}
