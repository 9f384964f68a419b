package data

import "math"

// WhatIfStep moves v one step in direction dir: a twentieth of the
// column's training range, rounded to two significant digits, or for a
// column of whole numbers (counts) or of dates a whole number of them (at
// least one). A clipped column's steps stay within the range the model
// counts values in (for whole numbers, within its whole numbers when it
// holds two or more), since beyond it every value counts as the bound;
// end reports that the step reached that end of it.
func (c *PipelineColumn) WhatIfStep(v float64, dir int) (next float64, end bool) {
	whole := c.Whole || c.Date
	step := (c.Max - c.Min) / 20
	switch {
	case whole:
		step = max(math.Round(step), 1)
		next = math.Round(v) + float64(dir)*step
	case step <= 0 || math.IsNaN(step):
		next = v + float64(dir)
	default:
		next = roundToStep(v+float64(dir)*step, step)
	}
	if !c.Clip {
		return next, false
	}
	lo, hi := c.Min, c.Max
	if whole && math.Ceil(lo) < math.Floor(hi) {
		lo, hi = math.Ceil(lo), math.Floor(hi)
	}
	next = min(max(next, lo), hi)
	return next, (dir > 0 && next >= hi) || (dir < 0 && next <= lo)
}

// roundToStep rounds v to two significant digits of step, so stepping gives
// readable values.
func roundToStep(v, step float64) float64 {
	unit := math.Pow(10, math.Floor(math.Log10(step))-1)
	return math.Round(v/unit) * unit
}
