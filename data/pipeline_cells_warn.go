package data

import (
	"fmt"
	"sort"
)

// clipWarnShare is the share of scored rows beyond one end of a column's
// kept range, one in clipWarnShare, above which ClipWarnings warns: a
// routine note says a few values were scored at a bound; this many say the
// model is scoring far from its data.
const clipWarnShare = 10

// clipWarnMin is the fewest rows beyond one end that warn: more than the
// training rows themselves can hold, as an end is the mean of the 10th to
// 19th most extreme training values, beyond which at most 18 lie. Scoring
// a small training file again so never warns.
const clipWarnMin = 2 * MinGroup

// Extrapolation is one end of a clipped column's kept range beyond which
// many scored rows lay (Pipeline.Extrapolations): the model scored them at
// the bound, extrapolating on that feature.
type Extrapolation struct {
	// Column names the column; Above says the rows lay above (after, for
	// a date) its kept range, else below (before) it.
	Column string
	Above  bool
	// Rows of Of scored rows lay beyond that end.
	Rows, Of int
	// Low and High are the kept range as the notes write it (days for a
	// date column); Date says the column holds dates.
	Low, High string
	Date      bool
}

// Share is the share of the scored rows beyond the end, in percent.
func (x Extrapolation) Share() float64 { return 100 * float64(x.Rows) / float64(x.Of) }

// Extrapolations lists, per clipped column of p (in its order) and end of
// its kept range (above, then below), those beyond which more than one in
// ten of the rows scored, and at least clipWarnMin, held a value (beyond,
// as Rows.Beyond or TableCells give it): the model is then extrapolating
// on that feature for many rows, which the per-column notes, one line
// among others, do not make plain.
func (p *Pipeline) Extrapolations(beyond map[Cell]float64, rows int) []Extrapolation {
	type side struct{ above, below int }
	count := map[int]*side{}
	for c, v := range beyond {
		s := count[c.Column]
		if s == nil {
			s = &side{}
			count[c.Column] = s
		}
		if v > p.Columns[c.Column].Max {
			s.above++
		} else {
			s.below++
		}
	}
	cols := make([]int, 0, len(count))
	for col := range count {
		cols = append(cols, col)
	}
	sort.Ints(cols)
	many := func(n int) bool { return n >= clipWarnMin && n*clipWarnShare > rows }
	var out []Extrapolation
	for _, col := range cols {
		pc := &p.Columns[col]
		lo, hi := FormatStatistic(pc.Min), FormatStatistic(pc.Max)
		if pc.Date {
			lo, hi = FormatDay(pc.Min), FormatDay(pc.Max)
		}
		for _, e := range []struct {
			n     int
			above bool
		}{{count[col].above, true}, {count[col].below, false}} {
			if many(e.n) {
				out = append(out, Extrapolation{Column: pc.Name, Above: e.above, Rows: e.n, Of: rows, Low: lo, High: hi, Date: pc.Date})
			}
		}
	}
	return out
}

// ClipWarnings says each of p's Extrapolations in a sentence: name names
// the data; the warnings are in English without "warning: ".
func (p *Pipeline) ClipWarnings(beyond map[Cell]float64, rows int, name string) []string {
	return p.ClipWarningsWith(beyond, rows, name, nil)
}

// ClipWarningsWith is ClipWarnings with, after each warning, what advice
// says about its Extrapolation (column, end and share; "" adds nothing;
// advice may be nil): the caller knows why a column lies beyond its range,
// such as an order log scored at a later cutoff than the model's
// (GrowsWithCutoff).
func (p *Pipeline) ClipWarningsWith(beyond map[Cell]float64, rows int, name string, advice func(x Extrapolation) string) []string {
	var out []string
	for _, x := range p.Extrapolations(beyond, rows) {
		where, end := "below", x.Low
		if x.Above {
			where, end = "above", x.High
		}
		if x.Date {
			where = map[bool]string{true: "after", false: "before"}[x.Above]
		}
		w := fmt.Sprintf("%s: column %q: %s of the %s rows scored (%.1f %%) lie %s the range the model keeps [%s, %s] and were scored as %s: "+
			"for that many rows the model is extrapolating on this feature, so read their scores with care",
			name, x.Column, Thousands(x.Rows), Thousands(x.Of), x.Share(), where, x.Low, x.High, end)
		if advice != nil {
			if a := advice(x); a != "" {
				w += ". " + a
			}
		}
		out = append(out, w)
	}
	return out
}
