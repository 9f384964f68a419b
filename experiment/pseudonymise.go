package experiment

import (
	"slices"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/pseudonym"
)

// Pseudonymise replaces the customer ids of loaded data with their keyed
// hashes (k.ID): every identifier column of the table (data.ID: the id
// column, other unique text such as e-mail addresses, and text with too
// many distinct values to be a category, which may be an id the loader did
// not recognise) and an order log's customers, so that everything built
// from d afterwards (scores, exports, plans, the customers scored today)
// shows pseudonyms only. Blank cells stay blank. The slices are replaced,
// never written in place. A nil k does nothing.
func (d *Data) Pseudonymise(k *pseudonym.Key) {
	if !k.Enabled() {
		return
	}
	if t := d.Table; t != nil && len(PseudonymisedColumns(t)) > 0 {
		cols := slices.Clone(t.Columns)
		for i, c := range cols {
			if !pseudonymised(c) {
				continue
			}
			nc := *c
			nc.Strings = make([]string, len(c.Strings))
			for r, s := range c.Strings {
				if s != "" {
					nc.Strings[r] = k.ID(s)
				}
			}
			cols[i] = &nc
		}
		nt := *t
		nt.Columns = cols
		d.Table = &nt
	}
	if d.Log != nil {
		nl := *d.Log
		nl.Customers = k.IDs(d.Log.Customers)
		d.Log = &nl
	}
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
// column read as an identifier, whether or not it names the rows.
func pseudonymised(c *data.Column) bool { return c.Kind == data.ID && c.Strings != nil }
