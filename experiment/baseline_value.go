package experiment

import (
	"math"

	"github.com/retainlab/retain/data"
)

// BaselineValue is what the baseline user of an explanation (the mean
// training user, whom the reasons are measured against) holds in one
// column, beside a given user's value.
type BaselineValue struct {
	// Numeric is true for a numeric column: Value is then the baseline's
	// value in original units, the column's transformation undone at the
	// mean transformed input (after ln(1+v) that is not the plain mean of
	// the values), and Date says it is a day number.
	Numeric, Date bool
	Value         float64
	// Share, for a boolean or categorical column, is the baseline's share
	// of the level the user has (its one-hot entry: the share of training
	// rows with that level), and of a missing boolean the share of training
	// rows where it was missing. NaN for a numeric column.
	Share float64
}

// BaselineValue returns the baseline user's value of column ci beside the
// user whose transformed row is row (see BaselineValue).
func (x *Explainer) BaselineValue(row []float64, ci int) BaselineValue {
	pc := &x.Pipeline.Columns[ci]
	user, base := row[pc.First:pc.First+pc.Width], x.Baseline[pc.First:pc.First+pc.Width]
	out := BaselineValue{Value: math.NaN(), Share: math.NaN()}
	switch {
	case pc.Kind == data.Categorical:
		other := 1.0
		for k, v := range user {
			other -= base[k]
			if v == 1 {
				out.Share = base[k]
				return out
			}
		}
		out.Share = max(other, 0) // "(other)": no level's entry is set
	case pc.Kind == data.Boolean && pc.Indicator && user[1] == 1:
		out.Share = base[1]
	case pc.Kind == data.Boolean:
		yes := min(max(pc.Original(base[0]), 0), 1) // the share of 1s
		out.Share = yes
		if math.Round(min(max(pc.Original(user[0]), 0), 1)) == 0 {
			out.Share = 1 - yes
		}
	default:
		out.Numeric, out.Date, out.Value = true, pc.Date, pc.Original(base[0])
	}
	return out
}
