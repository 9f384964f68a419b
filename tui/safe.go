package tui

import (
	"slices"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// terminalSafeData makes every text of loaded data that the screens show
// safe for the terminal (common.TerminalSafe): column names, cells, levels,
// the label's name and classes, notes quoting cells, report titles and an
// order log's customers and header. Done once as the data loads, it covers
// every screen and export; a cell holding ESC[31m shows as �[31m instead of
// colouring the client's terminal, and one holding U+202E shows as
// <U+202E> instead of reversing the rest of the line. Changed columns and
// the log are replaced, never written in place; data without control or
// format characters is left as it is.
func terminalSafeData(d *experiment.Data) {
	if t := d.Table; t != nil {
		nt := *t
		changed := false
		nt.Columns = slices.Clone(t.Columns)
		for i, c := range t.Columns {
			if nc := terminalSafeColumn(c); nc != c {
				nt.Columns[i], changed = nc, true
			}
		}
		l := &nt.Label
		name, pos, neg := common.TerminalSafe(l.Name), common.TerminalSafe(l.Positive), common.TerminalSafe(l.Negative)
		if name != l.Name || pos != l.Positive || neg != l.Negative {
			l.Name, l.Positive, l.Negative, changed = name, pos, neg, true
		}
		if titles := common.TerminalSafeAll(t.Titles); !sameSlice(titles, t.Titles) {
			nt.Titles, changed = titles, true
		}
		if src := common.TerminalSafe(t.Source); src != t.Source {
			nt.Source, changed = src, true
		}
		if changed {
			d.Table = &nt
		}
	}
	if l := d.Log; l != nil {
		customers, header, titles := common.TerminalSafeAll(l.Customers), common.TerminalSafeAll(l.Header), common.TerminalSafeAll(l.Titles)
		if !sameSlice(customers, l.Customers) || !sameSlice(header, l.Header) || !sameSlice(titles, l.Titles) {
			nl := *l
			nl.Customers, nl.Header, nl.Titles = customers, header, titles
			d.Log = &nl
		}
	}
}

// terminalSafeColumn returns c with its texts TerminalSafe: c itself when
// none changes, else a copy. A category's levels that become equal are
// merged, so its cells and levels still agree.
func terminalSafeColumn(c *data.Column) *data.Column {
	name, note, warning := common.TerminalSafe(c.Name), common.TerminalSafe(c.Note), common.TerminalSafe(c.Warning)
	strs, levels := common.TerminalSafeAll(c.Strings), common.TerminalSafeAll(c.Levels)
	if name == c.Name && note == c.Note && warning == c.Warning && sameSlice(strs, c.Strings) && sameSlice(levels, c.Levels) {
		return c
	}
	nc := *c
	nc.Name, nc.Note, nc.Warning, nc.Strings = name, note, warning, strs
	if !sameSlice(levels, c.Levels) {
		if c.Kind == data.Categorical {
			levels = slices.Clone(levels)
			slices.Sort(levels)
			levels = slices.Compact(levels)
		}
		nc.Levels = levels
	}
	return &nc
}

// sameSlice reports whether a and b are the same slice (TerminalSafeAll
// returns its argument when nothing changed).
func sameSlice(a, b []string) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
