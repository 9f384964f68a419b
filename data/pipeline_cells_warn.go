package data

import (
	"fmt"
	"sort"
)

// clipWarnShare is the share of scored rows beyond one column's kept
// range, one in clipWarnShare, above which ClipWarnings warns, with at
// least MinGroup such rows: a routine note says a few values were scored
// at a bound; this many say the model is scoring far from its data.
const clipWarnShare = 10

// ClipWarnings says, per clipped column of p, when more than one in ten of
// the rows scored (and at least MinGroup of them) held a value beyond the
// range the model keeps (beyond, as Rows.Beyond or TableCells give it):
// the model is then extrapolating on that feature for many rows, which
// the per-column notes, one line among others, do not make plain. name
// names the data; the warnings are in English without "warning: ".
func (p *Pipeline) ClipWarnings(beyond map[Cell]float64, rows int, name string) []string {
	count := map[int]int{}
	for c := range beyond {
		count[c.Column]++
	}
	cols := make([]int, 0, len(count))
	for col, n := range count {
		if n >= MinGroup && n*clipWarnShare > rows {
			cols = append(cols, col)
		}
	}
	sort.Ints(cols)
	var out []string
	for _, col := range cols {
		pc, n := &p.Columns[col], count[col]
		lo, hi := FormatStatistic(pc.Min), FormatStatistic(pc.Max)
		if pc.Date {
			lo, hi = FormatDay(pc.Min), FormatDay(pc.Max)
		}
		out = append(out, fmt.Sprintf("%s: column %q: %s of the %s rows scored (%.1f %%) lie outside the range the model keeps [%s, %s], scored as if at its nearer end: "+
			"for that many rows the model is extrapolating on this feature, so read their scores with care",
			name, pc.Name, Thousands(n), Thousands(rows), 100*float64(n)/float64(rows), lo, hi))
	}
	return out
}
