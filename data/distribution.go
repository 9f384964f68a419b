package data

import (
	"math"
	"slices"
)

// DistributionBins is how many bins LabelDistributions gives a numeric
// feature, and how many levels of a categorical one it counts at most.
const DistributionBins = 12

// FeatureDistribution is one feature's counts in each label class: the
// rows of each class per bin of a numeric feature, or per level of a
// categorical or boolean one.
type FeatureDistribution struct {
	Name string
	Kind Kind
	// Lo and Hi are the binned range of a numeric feature (NaN otherwise,
	// or when it has no finite value): its 1st and 99th percentiles, with
	// the tails counted in the end bins.
	Lo, Hi float64
	// Levels are the counted levels of a categorical or boolean feature
	// (the boolean's [false, true] spellings), in the column's order.
	Levels []string
	// OtherLevels is the number of a categorical feature's levels past the
	// first DistributionBins, whose rows are not counted.
	OtherLevels int
	// Neg and Pos count the negative and positive rows per bin or level.
	Neg, Pos []int
}

// Total returns the rows counted in bin or level i (both classes).
func (d FeatureDistribution) Total(i int) int { return d.Neg[i] + d.Pos[i] }

// PositiveShare returns the share of bin or level i's rows that are
// positive (NaN for an empty bin).
func (d FeatureDistribution) PositiveShare(i int) float64 {
	n := d.Total(i)
	if n == 0 {
		return math.NaN()
	}
	return float64(d.Pos[i]) / float64(n)
}

// Positives returns the number of rows whose label is 1.
func (l *Label) Positives() int {
	n := 0
	for _, v := range l.Values {
		if v == 1 {
			n++
		}
	}
	return n
}

// LabelDistributions counts every feature of t separately for the two
// label classes; missing cells are left out.
func LabelDistributions(t *Table) []FeatureDistribution {
	var out []FeatureDistribution
	y := t.Label.Values
	for _, c := range t.Features() {
		switch c.Kind {
		case Numeric:
			out = append(out, numericDistribution(c, y))
		case Boolean, Categorical:
			out = append(out, levelDistribution(c, y))
		}
	}
	return out
}

// numericDistribution bins the 1st–99th percentile range, so one extreme
// value does not squeeze everything else into a single bin.
func numericDistribution(c *Column, y []float64) FeatureDistribution {
	vals := make([]float64, 0, len(c.Values))
	for _, v := range c.Values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			vals = append(vals, v)
		}
	}
	fd := FeatureDistribution{Name: c.Name, Kind: c.Kind, Lo: math.NaN(), Hi: math.NaN(),
		Neg: make([]int, DistributionBins), Pos: make([]int, DistributionBins)}
	if len(vals) == 0 {
		return fd
	}
	slices.Sort(vals)
	fd.Lo, fd.Hi = vals[len(vals)/100], vals[len(vals)-1-len(vals)/100]
	if fd.Hi <= fd.Lo {
		fd.Lo, fd.Hi = vals[0], vals[len(vals)-1]
	}
	span := fd.Hi - fd.Lo
	for r, v := range c.Values {
		if math.IsNaN(v) || math.IsInf(v, 0) || r >= len(y) {
			continue
		}
		b := 0
		if span > 0 {
			b = min(max(int((v-fd.Lo)/span*DistributionBins), 0), DistributionBins-1)
		}
		fd.count(b, y[r])
	}
	return fd
}

// levelDistribution counts a categorical or boolean feature's levels per
// class.
func levelDistribution(c *Column, y []float64) FeatureDistribution {
	levels := c.Levels
	other := 0
	if len(levels) > DistributionBins {
		levels, other = levels[:DistributionBins], len(levels)-DistributionBins
	}
	fd := FeatureDistribution{Name: c.Name, Kind: c.Kind, Lo: math.NaN(), Hi: math.NaN(), Levels: levels,
		OtherLevels: other, Neg: make([]int, len(levels)), Pos: make([]int, len(levels))}
	index := make(map[string]int, len(levels))
	for i, l := range levels {
		index[l] = i
	}
	for r := 0; r < c.Len() && r < len(y); r++ {
		b := -1
		if c.Kind == Boolean {
			if v := c.Values[r]; v == 0 || v == 1 {
				b = int(v)
			}
		} else if i, ok := index[c.Strings[r]]; ok {
			b = i
		}
		if b >= 0 && b < len(levels) {
			fd.count(b, y[r])
		}
	}
	return fd
}

func (d *FeatureDistribution) count(bin int, y float64) {
	if y == 1 {
		d.Pos[bin]++
	} else {
		d.Neg[bin]++
	}
}
