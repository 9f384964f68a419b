package usersscreen

import (
	"github.com/retainlab/retain/experiment"
)

// partOfRows maps every table row to the part it belongs to.
func partOfRows(e *experiment.Experiment) []uint8 {
	out := make([]uint8, e.Data.Table.Rows)
	for _, r := range e.Split.Validation {
		out[r] = 1
	}
	for _, r := range e.Split.Test {
		out[r] = 2
	}
	return out
}

// partNames are the short names of partOfRows' values.
var partNames = [3]string{"train", "val", "test"}

// scoreAll returns the probability of every table row, in chunks so the
// transformed matrix of a million rows never exists at once.
func scoreAll(e *experiment.Experiment) ([]float64, error) {
	const chunk = 1 << 15
	t := e.Data.Table
	out := make([]float64, t.Rows)
	rows := make([]int, 0, chunk)
	for start := 0; start < t.Rows; start += chunk {
		rows = rows[:0]
		for r := start; r < min(start+chunk, t.Rows); r++ {
			rows = append(rows, r)
		}
		x, err := e.Pipeline.Transform(t, rows)
		if err != nil {
			return nil, err
		}
		p, err := e.Net.PredictBatch(x)
		if err != nil {
			return nil, err
		}
		for i := range rows {
			out[start+i] = p.At(i, 0)
		}
	}
	return out, nil
}
