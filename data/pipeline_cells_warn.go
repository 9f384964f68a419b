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

// ClipWarnings says, per clipped column of p and end of its kept range,
// when more than one in ten of the rows scored, and at least clipWarnMin,
// held a value beyond that end (beyond, as Rows.Beyond or TableCells give
// it): the model is then extrapolating on that feature for many rows,
// which the per-column notes, one line among others, do not make plain.
// name names the data; the warnings are in English without "warning: ".
func (p *Pipeline) ClipWarnings(beyond map[Cell]float64, rows int, name string) []string {
	return p.ClipWarningsWith(beyond, rows, name, nil)
}

// ClipWarningsWith is ClipWarnings with, after each warning, what advice
// says about its column and end (above: values above the kept range; ""
// adds nothing; advice may be nil): the caller knows why a column lies
// beyond its range, such as an order log scored at a later cutoff than
// the model's (GrowsWithCutoff).
func (p *Pipeline) ClipWarningsWith(beyond map[Cell]float64, rows int, name string, advice func(column string, above bool) string) []string {
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
	var out []string
	for _, col := range cols {
		pc := &p.Columns[col]
		lo, hi := FormatStatistic(pc.Min), FormatStatistic(pc.Max)
		above, below := "above", "below"
		if pc.Date {
			lo, hi, above, below = FormatDay(pc.Min), FormatDay(pc.Max), "after", "before"
		}
		for _, e := range []struct {
			n          int
			where, end string
			above      bool
		}{{count[col].above, above, hi, true}, {count[col].below, below, lo, false}} {
			if !many(e.n) {
				continue
			}
			w := fmt.Sprintf("%s: column %q: %s of the %s rows scored (%.1f %%) lie %s the range the model keeps [%s, %s] and were scored as %s: "+
				"for that many rows the model is extrapolating on this feature, so read their scores with care",
				name, pc.Name, Thousands(e.n), Thousands(rows), 100*float64(e.n)/float64(rows), e.where, lo, hi, e.end)
			if advice != nil {
				if a := advice(pc.Name, e.above); a != "" {
					w += ". " + a
				}
			}
			out = append(out, w)
		}
	}
	return out
}
