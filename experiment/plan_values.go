package experiment

import "math"

// PlanValueColumn says how a per-customer value column was read for a
// plan: its name, how many blank cells took the fill value and which, and
// how many negative values counted as 0 (a refund does not make keeping a
// customer cost money).
type PlanValueColumn struct {
	Name   string
	Blanks int
	Fill   float64
	// FillIsMean says Fill is the mean of the column's other cells, not
	// the value the model imputes (a column the model does not use).
	FillIsMean bool
	Zeroed     int
}

// PlanValues turns a value column's raw cells (original units, NaN for a
// blank) into the plan's per-customer values: a blank takes fill (the
// value the model imputed for the column) or, when fill is NaN (a column
// the model does not use), the mean of the other cells, and a negative
// value counts as 0. It returns the values and what was done, in c.
func PlanValues(name string, raw []float64, fill float64) (values []float64, c PlanValueColumn) {
	c.Name = name
	if math.IsNaN(fill) {
		sum, n := 0.0, 0
		for _, v := range raw {
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				sum, n = sum+v, n+1
			}
		}
		fill = 0
		if n > 0 {
			fill = sum / float64(n)
		}
		c.FillIsMean = true
	}
	values = make([]float64, len(raw))
	for i, v := range raw {
		if math.IsNaN(v) {
			v = fill
			c.Blanks++
			c.Fill = fill
		}
		if v < 0 {
			v = 0
			c.Zeroed++
		}
		values[i] = v
	}
	return values, c
}
