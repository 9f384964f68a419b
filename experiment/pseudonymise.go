package experiment

import (
	"slices"
	"strconv"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/pseudonym"
)

// Pseudonymise replaces the customer ids of loaded data with their keyed
// hashes (k.ID): every identifier column of the table (data.ID: the id
// column, other unique text such as e-mail addresses, and text with too
// many distinct values to be a category, which may be an id the loader did
// not recognise), text that names people though read as a category
// (PersonalText: every or nearly every value distinct, or values written
// like e-mail addresses or phone numbers), and an order log's customers,
// so that everything built from d afterwards (scores, exports, plans, the
// customers scored today) shows pseudonyms only. Text that names people
// becomes an identifier column, no longer a feature, saying why (only
// text whose every value is distinct may name the rows). Blank cells stay
// blank. What the column's notes quote of its cells is pseudonymised too,
// and the line of its first cell that is not a number left out; its dates
// and its cells that look like numbers written with a decimal comma are
// quoted no more, in its note or in a load warning (DecimalCommaWarning).
// An order log's event types or order statuses that name people are
// counted in its notes without being named (WithholdTypes).
// The slices are replaced, never written in place. A nil k does nothing.
func (d *Data) Pseudonymise(k *pseudonym.Key) {
	if !k.Enabled() {
		return
	}
	if t := d.Table; t != nil && len(PseudonymisedColumns(t)) > 0 {
		cols := slices.Clone(t.Columns)
		nt := *t
		for i, c := range cols {
			if !pseudonymised(c) {
				continue
			}
			nc := *c
			cells := c.Strings
			if c.Presence() {
				// A flag of contacts (PersonalText): its cells spelt back.
				cells = make([]string, len(c.Values))
				for r, v := range c.Values {
					if v == 1 {
						cells[r] = c.Levels[1]
					}
				}
				nc.Values = nil
			}
			nc.Strings = make([]string, len(cells))
			for r, s := range cells {
				if s != "" {
					nc.Strings[r] = k.ID(s)
				}
			}
			if why, personal := PersonalText(c); personal {
				nc.Kind, nc.Levels, nc.Why = data.ID, nil, why
				nc.Note = nc.Why.String()
			} else if c.Why.HasDates() || c.Why.DecimalComma[0] != "" {
				nc.Why = unquotedReason(k, c.Why)
				nc.Note = nc.Why.String()
			}
			if c.Mixed != nil {
				m := *c.Mixed
				m.Examples = pseudonymExamples(k, m.Examples, cells)
				m.Line, m.Column = 0, 0
				nc.Mixed, nc.Warning = &m, m.String()
			}
			cols[i] = &nc
			if nt.IDColumn < 0 && nc.NamesRows() {
				nt.IDColumn = i
			}
		}
		nt.Columns = cols
		d.Table = &nt
	}
	d.Warnings = pseudonymisedWarnings(k, d.Warnings, PseudonymisedColumns(d.Table))
	if w := d.WithholdTypes(k); w != d {
		d.Log, d.Cohort = w.Log, w.Cohort
	}
	if d.Log != nil {
		nl := *d.Log
		nl.Customers = k.IDs(d.Log.Customers)
		d.Log = &nl
	}
}

// unquotedReason is the reason of a pseudonymised column told again
// without the cells it quoted: no dates, and the cells that look like
// numbers written with a decimal comma replaced by their pseudonyms and
// hidden (data.Reason.DecimalCommaHidden), so that it still says so.
func unquotedReason(k *pseudonym.Key, r data.Reason) data.Reason {
	out := data.Reason{Kind: r.Kind, Distinct: r.Distinct, Rows: r.Rows, MaxLevels: r.MaxLevels, Digits: r.Digits}
	if r.DecimalComma[0] != "" {
		for i, cell := range r.DecimalComma {
			if cell != "" {
				out.DecimalComma[i] = k.ID(cell)
			}
		}
		out.DecimalCommaHidden = true
	}
	return out
}

// pseudonymisedWarnings returns warnings with each one that quotes cells
// of a column in columns (PseudonymisedColumns) replaced by a copy that
// quotes none; the slice is new when one is replaced.
func pseudonymisedWarnings(k *pseudonym.Key, warnings []LoadWarning, columns []string) []LoadWarning {
	out, cloned := warnings, false
	for i, w := range warnings {
		dc, ok := w.(*DecimalCommaWarning)
		if !ok || !slices.Contains(columns, dc.Column) {
			continue
		}
		if !cloned {
			out, cloned = slices.Clone(warnings), true
		}
		nw := *dc
		nw.Cells = unquotedReason(k, data.Reason{DecimalComma: dc.Cells}).DecimalComma
		nw.Pseudonymised = true
		out[i] = &nw
	}
	return out
}

// pseudonymExamples returns the quoted cells a note gives as examples
// (data.MixedText.Examples: Go-quoted, cut after 40 bytes with "…") as the
// quoted pseudonyms of the cells they quote, found among cells; an example
// of no cell is left out.
func pseudonymExamples(k *pseudonym.Key, examples, cells []string) []string {
	var out []string
	for _, ex := range examples {
		quoted := strings.TrimSuffix(ex, "…")
		v, err := strconv.Unquote(quoted)
		if err != nil {
			continue
		}
		v = strings.TrimSpace(v)
		cut := quoted != ex
		if i := slices.IndexFunc(cells, func(s string) bool { return s == v || (cut && s != "" && strings.HasPrefix(s, v)) }); i >= 0 {
			out = append(out, strconv.Quote(k.ID(cells[i])))
		}
	}
	return out
}

// PseudonymisedColumns names the columns of t that Pseudonymise replaces,
// in table order (none for a nil t).
func PseudonymisedColumns(t *data.Table) []string {
	if t == nil {
		return nil
	}
	var names []string
	for _, c := range t.Columns {
		if pseudonymised(c) {
			names = append(names, c.Name)
		}
	}
	return names
}

// pseudonymised reports whether Pseudonymise replaces c's cells: every
// column read as an identifier, whether or not it names the rows, and
// text that names people (PersonalText).
func pseudonymised(c *data.Column) bool {
	if c.Kind == data.ID {
		return c.Strings != nil
	}
	_, personal := PersonalText(c)
	return personal
}
