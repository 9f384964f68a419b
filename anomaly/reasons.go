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
}

// String reads "orders_90d 41 vs typical 2".
func (r Reason) String() string {
	switch {
	case r.Missing:
		return r.Column + " missing"
	case r.Level != "" || r.TypicalLevel != "":
		return fmt.Sprintf("%s %s vs typical %s", r.Column, r.Level, r.TypicalLevel)
	}
	return fmt.Sprintf("%s %s vs typical %s", r.Column, FormatValue(r.Value), FormatValue(r.Typical))
}

// FormatValue writes a value with at most two decimals and no trailing
// zeros: 41, 3.5, 0.07.
func FormatValue(v float64) string {
	if math.IsNaN(v) {
		return "missing"
	}
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

// Reasons returns the n feature columns that contribute most to row's
// score, largest first: each column's part of the score summed over the
// members and over its inputs (a categorical column's one-hot group, a missing
// indicator), with the row's value and the typical value in the column's
// units.
func (res *Result) Reasons(row, n int) []Reason {
	r := res.run
	p := r.Pipeline
	width := p.Width()
	x := r.X[row*width : (row+1)*width]
	outs := make([][]float64, len(r.members))
	for i, m := range r.members {
		outs[i] = m.net.Predict(x)
	}
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
	return rs
}
