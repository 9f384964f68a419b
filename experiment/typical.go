package experiment

import (
	"math"

	"github.com/retainlab/retain/data"
)

// TypicalValue is a pipeline column's typical value over the training rows,
// in original units: the median of a numeric column, the majority level of
// a boolean column, the most common level of a categorical one.
type TypicalValue struct {
	Numeric bool
	// Median is a numeric column's median (NaN when no training row has a
	// value).
	Median float64
	// Level is a boolean or categorical column's typical level ("" when no
	// training row has a value).
	Level string
}

// TypicalValues returns each pipeline column's typical training value, in
// the pipeline's column order. A boolean column's typical level is its
// second (true) level only when more than half of the training rows hold
// it; a tie between categorical levels goes to the first in sort order.
func (e *Experiment) TypicalValues() []TypicalValue {
	d, rows := e.trainedData()
	t := d.Table
	out := make([]TypicalValue, len(e.Pipeline.Columns))
	for i, pc := range e.Pipeline.Columns {
		out[i] = TypicalValue{Numeric: pc.Kind == data.Numeric, Median: math.NaN()}
		c := t.Column(pc.Name)
		if c == nil {
			continue
		}
		switch c.Kind {
		case data.Numeric:
			vals := make([]float64, 0, len(rows))
			for _, r := range rows {
				if v := c.Values[r]; !math.IsNaN(v) {
					vals = append(vals, v)
				}
			}
			if len(vals) > 0 {
				out[i].Median = data.Median(vals)
			}
		case data.Boolean:
			out[i].Level = majorityLevel(c, rows)
		default:
			out[i].Level = modeOf(c.Strings, rows)
		}
	}
	return out
}

// majorityLevel is a boolean column's second level when more than half of
// rows hold 1, else its first.
func majorityLevel(c *data.Column, rows []int) string {
	if len(c.Levels) == 0 {
		return ""
	}
	ones := 0
	for _, r := range rows {
		if c.Values[r] == 1 {
			ones++
		}
	}
	if 2*ones > len(rows) && len(c.Levels) > 1 {
		return c.Levels[1]
	}
	return c.Levels[0]
}

// modeOf returns the most common non-empty string among rows (the first in
// sort order on a tie), or "" when every one is empty.
func modeOf(values []string, rows []int) string {
	counts := map[string]int{}
	for _, r := range rows {
		if r < len(values) && values[r] != "" {
			counts[values[r]]++
		}
	}
	best, bestN := "", 0
	for v, n := range counts {
		if n > bestN || (n == bestN && v < best) {
			best, bestN = v, n
		}
	}
	return best
}
