package anomaly

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/retainlab/retain/data"
)

// Reason is one feature column's part in a row's score.
type Reason struct {
	// Column is the original column (a categorical column's one-hot
	// outputs are summed into it).
	Column string `json:"column"`
	// Share is the column's part of the row's squared reconstruction error.
	Share float64 `json:"share"`
	// Value and Typical are the row's value and the column's typical value
	// in the column's own units; for a categorical column Level and
	// TypicalLevel hold the text instead. Missing marks a missing cell.
	Value        float64 `json:"value"`
	Typical      float64 `json:"typical"`
	Level        string  `json:"level,omitempty"`
	TypicalLevel string  `json:"typical_level,omitempty"`
	Missing      bool    `json:"missing,omitempty"`
	// Expected is the value the networks reconstruct for the row from its
	// other columns, in the column's units (ExpectedLevel for a categorical
	// column): a reason's deviation is from this value, which may differ
	// from Typical when the row's value is the typical one.
	Expected      float64 `json:"expected"`
	ExpectedLevel string  `json:"expected_level,omitempty"`
	// Date marks a date column: Value, Expected and Typical are day
	// numbers (days since 1970-01-01), which Texts writes as dates.
	Date bool `json:"date,omitempty"`
}

// String reads "cart_adds_30d 0, expected 6 (typical 0)".
func (r Reason) String() string {
	if r.Missing {
		return r.Column + " missing"
	}
	v, e, t := r.Texts()
	return fmt.Sprintf("%s %s, expected %s (typical %s)", r.Column, v, e, t)
}

// Texts are the row's value, the expected and the typical value as text
// (levels for a categorical column, dates for a date column, FormatValue
// otherwise).
func (r Reason) Texts() (value, expected, typical string) {
	if r.Level != "" || r.TypicalLevel != "" {
		return r.Level, r.ExpectedLevel, r.TypicalLevel
	}
	if r.Date {
		// "signup_date 19730, expected 19382" read as numbers.
		return data.FormatDay(r.Value), data.FormatDay(r.Expected), data.FormatDay(r.Typical)
	}
	return FormatValue(r.Value), FormatValue(r.Expected), FormatValue(r.Typical)
}

// FormatValue writes a value with at most two decimals and no trailing
// zeros: 41, 3.5, 0.07.
func FormatValue(v float64) string {
	if math.IsNaN(v) {
		return "missing"
	}
	r := math.Round(v*100) / 100
	if r == 0 {
		r = 0 // no "-0" for a small negative value
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// Reasons returns the n feature columns that contribute most to row's
// score, largest first: each column's part of the score summed over the
// members and over its inputs (a categorical column's one-hot group, a missing
// indicator), with the row's value, the value the networks expect and the
// typical value in the column's units (see Reason).
func (res *Result) Reasons(row, n int) []Reason {
	r := res.run
	p := r.Pipeline
	width := p.Width()
	x := r.X[row*width : (row+1)*width]
	mean, outs := r.meanOutputs(x)
	total := 0.0
	reasons := make([]Reason, len(p.Columns))
	for ci, pc := range p.Columns {
		s := 0.0
		for j := pc.First; j < pc.First+pc.Width; j++ {
			for i, m := range r.members {
				s += r.term(m, outs[i][j]-x[j], j)
			}
		}
		total += s
		reasons[ci] = res.reason(ci, row, s)
		res.expectedValue(&reasons[ci], ci, mean)
	}
	for i := range reasons {
		if total > 0 {
			reasons[i].Share /= total
		}
	}
	slices.SortStableFunc(reasons, func(a, b Reason) int { return cmp.Compare(b.Share, a.Share) })
	return reasons[:min(n, len(reasons))]
}

// reason fills the value side of column ci's Reason for row; Share holds
// the raw squared error until Reasons divides it by the total.
func (res *Result) reason(ci, row int, sq float64) Reason {
	c := res.run.Features.Column(res.run.Pipeline.Columns[ci].Name)
	typ := res.Typical[ci]
	rs := Reason{Column: c.Name, Share: sq, Typical: typ.Value, TypicalLevel: typ.Level}
	if c.Kind == data.Categorical {
		rs.Level = c.Strings[row]
		rs.Missing = rs.Level == ""
		return rs
	}
	rs.Value = c.Values[row]
	rs.Missing = math.IsNaN(rs.Value)
	rs.Date = res.run.Pipeline.Columns[ci].Date
	return rs
}
