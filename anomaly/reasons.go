package anomaly

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

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
	// Whole marks a column of whole numbers (counts): Expected keeps the
	// networks' unrounded value, which Texts writes whole unless that
	// would read as the row's own value (see Texts).
	Whole bool `json:"whole,omitempty"`
	// Year marks a column of years (data.Column.YearLike), whose values a
	// screen that groups digits writes ungrouped: 1985, not 1,985 (Texts
	// groups none).
	Year bool `json:"-"`
	// Outside is how far Value lies beyond the column's usual range (see
	// Result.Outside; 0 when it lies in it), Usual that range, and
	// Negative marks a negative value in a column whose other values are
	// (nearly all) 0 or more. Reasons lists such columns first.
	Outside  float64 `json:"outside,omitempty"`
	Usual    *Range  `json:"usual_range,omitempty"`
	Negative bool    `json:"negative,omitempty"`
	// Pair, when set, makes this reason a disagreement between Column and
	// another strongly related column (see Result.Joint): Value is
	// Column's, Pair the other column's value and the two columns'
	// correlation; Expected and Typical are Column's. Reasons lists it
	// before the columns' own reasons, in place of Column's own.
	Pair *PairReason `json:"pair,omitempty"`
}

// PairReason is the other column of a pair reason (see Reason.Pair).
type PairReason struct {
	Column string  `json:"column"`
	Value  float64 `json:"value"`
	// Date marks a date column (Value a day number).
	Date bool `json:"date,omitempty"`
	// Correlation is the two columns' correlation between their
	// rank-gauss inputs (positive: they rise together).
	Correlation float64 `json:"correlation"`
}

// PairTexts are a pair reason's two values as text (dates as dates, numbers
// by FormatValues each on its own).
func (r Reason) PairTexts() (value, other string) {
	text := func(v float64, date bool) string {
		if date {
			return data.FormatDay(v)
		}
		return FormatValues(v)[0]
	}
	return text(r.Value, r.Date), text(r.Pair.Value, r.Pair.Date)
}

// Range is a column's usual range in its own units: the quantiles that
// leave 1 % of its values below Low and 1 % above High (at least
// data.MinGroup values each).
type Range struct {
	Low  float64 `json:"low"`
	High float64 `json:"high"`
}

// String reads "cart_adds_30d 0, expected 6 (typical 0)".
func (r Reason) String() string {
	if r.Missing {
		return r.Column + " missing"
	}
	if r.Pair != nil {
		v, o := r.PairTexts()
		together := "rise together"
		if r.Pair.Correlation < 0 {
			together = "move oppositely"
		}
		return fmt.Sprintf("%s %s with %s %s, columns that %s in other users (correlation %.2f)",
			r.Column, v, r.Pair.Column, o, together, r.Pair.Correlation)
	}
	if r.Outside > 0 && r.Usual != nil {
		t := FormatValues(r.Value, r.Usual.Low, r.Usual.High)
		if r.Negative {
			return fmt.Sprintf("%s %s, negative where the column is otherwise 0 or more (usual %s to %s)", r.Column, t[0], t[1], t[2])
		}
		return fmt.Sprintf("%s %s, far outside the usual range %s to %s", r.Column, t[0], t[1], t[2])
	}
	v, e, t := r.Texts()
	if r.Unsure() {
		return fmt.Sprintf("%s %s, the level expected but with little certainty (typical %s)", r.Column, v, t)
	}
	return fmt.Sprintf("%s %s, expected %s (typical %s)", r.Column, v, e, t)
}

// booleanLevel writes the 0/1 value v of a boolean column in the file's
// own spelling (its Levels: "No"/"Yes", "false"/"true"), so that a reason
// reads "PhoneService No, expected Yes", not "0, expected 1"; "" for any
// other column.
func booleanLevel(pc *data.PipelineColumn, v float64) string {
	if pc.Kind != data.Boolean || len(pc.Levels) != 2 || math.IsNaN(v) {
		return ""
	}
	return pc.Levels[int(math.Round(min(max(v, 0), 1)))]
}

// Unsure reports a categorical reason whose level is the one the networks
// expect: its error is their uncertainty (the level's one-hot output well
// below 1), not another level ("UPI, expected UPI" would read as nothing).
func (r Reason) Unsure() bool {
	return !r.Missing && r.Level != "" && r.Level == r.ExpectedLevel
}

// Texts are the row's value, the expected and the typical value as text
// (levels for a categorical column, dates for a date column, FormatValues
// of the three otherwise, so that numbers that differ read differently).
// A count's expected value reads as a whole number ("orders_30d 4,
// expected 1") unless rounding would make it read as the row's own value:
// "orders_30d 1, expected 0.62", not "1, expected 1", which would say
// nothing about why the row stands out.
func (r Reason) Texts() (value, expected, typical string) {
	if r.Level != "" || r.TypicalLevel != "" {
		return r.Level, r.ExpectedLevel, r.TypicalLevel
	}
	if r.Date {
		// "signup_date 19730, expected 19382" read as numbers.
		return data.FormatDay(r.Value), data.FormatDay(r.Expected), data.FormatDay(r.Typical)
	}
	e := r.Expected
	if r.Whole && !math.IsNaN(e) && math.Round(e) != r.Value {
		e = math.Round(e)
	}
	t := FormatValues(r.Value, e, r.Typical)
	return t[0], t[1], t[2]
}

// FormatValues writes values shown side by side with one number of
// decimals and no trailing zeros: two (41, 3.5, 0.07) unless two values
// that differ would then read the same, as -0.00076 and -0.00017 both read
// 0. Then it takes the fewest decimals at which every two that differ read
// differently, and one more, so that they show two digits of where they
// part: -0.00076 and -0.00017. It never takes more decimals than give the
// largest value three significant digits: values that agree that far read
// the same, and a value that is 0 at that precision next to larger ones
// reads 0 (spend_trend -0.11, expected 0, not 0.000000016). A value that
// rounds to zero reads 0, never -0; NaN reads "missing".
func FormatValues(values ...float64) []string {
	largest := 0.0
	for _, v := range values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			largest = max(largest, math.Abs(v))
		}
	}
	most := 2
	if largest > 0 {
		most = max(2, 2-int(math.Floor(math.Log10(largest))))
	}
	decimals := 2
	for decimals < most && !apart(values, decimals, most) {
		decimals++
	}
	if decimals > 2 && decimals < most {
		decimals++
	}
	texts := make([]string, len(values))
	for i, v := range values {
		texts[i] = formatDecimals(v, decimals)
	}
	return texts
}

// apart reports whether every two of values that read differently with
// most decimals also read differently with decimals.
func apart(values []float64, decimals, most int) bool {
	for i, a := range values {
		for _, b := range values[i+1:] {
			if math.IsNaN(a) || math.IsNaN(b) || formatDecimals(a, most) == formatDecimals(b, most) {
				continue
			}
			if formatDecimals(a, decimals) == formatDecimals(b, decimals) {
				return false
			}
		}
	}
	return true
}

// formatDecimals writes v rounded to decimals places without trailing
// zeros; 0 for a value that rounds to zero, "missing" for NaN.
func formatDecimals(v float64, decimals int) string {
	if math.IsNaN(v) {
		return "missing"
	}
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		return "0" // no "-0" for a small negative value
	}
	return s
}

// Reasons returns the n feature columns that contribute most to row's
// score, largest first: first the columns whose value lies out of range
// (see Result.Outside), the farthest first, then by each column's part of
// the score summed over the members and over its inputs (a categorical
// column's one-hot group, a missing indicator), with the row's value, the
// value the networks expect and the typical value in the column's units
// (see Reason).
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
		res.outsideReason(&reasons[ci], ci)
	}
	// Shares of the members' mean, of which the joint component is one
	// more term.
	largest := 0.0
	for i := range reasons {
		reasons[i].Share /= float64(len(r.members))
		largest = max(largest, reasons[i].Share)
	}
	total = total/float64(len(r.members)) + res.jointTerm(row)
	for i := range reasons {
		if total > 0 {
			reasons[i].Share /= total
		}
	}
	slices.SortStableFunc(reasons, func(a, b Reason) int {
		if c := cmp.Compare(b.Outside, a.Outside); c != 0 {
			return c
		}
		return cmp.Compare(b.Share, a.Share)
	})
	if pr, ok := res.pairReason(row, largest, total); ok {
		at := 0
		for at < len(reasons) && reasons[at].Outside > 0 {
			at++
		}
		// The pair reason carries its first column's value, expected and
		// typical values: that column's own reason would repeat it.
		reasons = slices.DeleteFunc(reasons, func(r Reason) bool { return r.Column == pr.Column && r.Outside == 0 })
		reasons = slices.Insert(reasons, min(at, len(reasons)), pr)
	}
	return reasons[:min(n, len(reasons))]
}

// jointTerm is row's joint component as one term of the score (Joint; 0
// when the run has none).
func (res *Result) jointTerm(row int) float64 {
	if res.Joint == nil {
		return 0
	}
	return res.Joint[row]
}

// pairReason is row's pair reason when its joint component is at least its
// largest column's term (largest; total is the sum of every term).
func (res *Result) pairReason(row int, largest, total float64) (Reason, bool) {
	if res.pairOf == nil || res.pairOf[row] < 0 || res.Joint[row] < largest || res.Joint[row] == 0 {
		return Reason{}, false
	}
	run := res.run
	pc := run.pairs[res.pairOf[row]]
	a := res.reason(pc.ca, row, res.Joint[row])
	if total > 0 {
		a.Share /= total
	}
	width := run.Pipeline.Width()
	mean, _ := run.meanOutputs(run.X[row*width : (row+1)*width])
	res.expectedValue(&a, pc.ca, mean)
	b := res.reason(pc.cb, row, 0)
	a.Pair = &PairReason{Column: b.Column, Value: b.Value, Date: b.Date, Correlation: pc.rho}
	return a, true
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
	if pc := &res.run.Pipeline.Columns[ci]; !rs.Missing {
		rs.Level = booleanLevel(pc, rs.Value)
	}
	return rs
}

// outsideReason fills r's Outside, Usual and Negative for column ci when
// its value lies out of the column's usual range.
func (res *Result) outsideReason(r *Reason, ci int) {
	if ci >= len(res.ranges) || r.Missing {
		return
	}
	u := res.ranges[ci]
	if r.Outside = u.outside(r.Value); r.Outside > 0 {
		r.Usual = &Range{Low: u.low, High: u.high}
		r.Negative = r.Value < 0 && u.nonNegative
	}
}

// MarshalJSON writes the reason with null for a value JSON cannot carry:
// a missing cell's Value (NaN), and Expected or Typical where they are not
// finite, as plan and the other JSON documents write what is not a number.
func (r Reason) MarshalJSON() ([]byte, error) {
	type plain Reason
	return json.Marshal(struct {
		plain
		Value    *float64 `json:"value"`
		Typical  *float64 `json:"typical"`
		Expected *float64 `json:"expected"`
	}{plain(r), finiteOrNil(r.Value), finiteOrNil(r.Typical), finiteOrNil(r.Expected)})
}

// finiteOrNil is &v, or nil for NaN and ±Inf.
func finiteOrNil(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}
