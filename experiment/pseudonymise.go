package experiment

import (
	"slices"

	"github.com/retainlab/retain/pseudonym"
)

// Pseudonymise replaces the customer ids of loaded data with their keyed
// hashes (k.ID): the table's id column and an order log's customers, so
// that everything built from d afterwards (scores, exports, plans, the
// customers scored today) shows pseudonyms only. The slices are replaced,
// never written in place. A nil k does nothing.
func (d *Data) Pseudonymise(k *pseudonym.Key) {
	if !k.Enabled() {
		return
	}
	if t := d.Table; t != nil && t.IDColumn >= 0 {
		c := t.Columns[t.IDColumn]
		nc := *c
		nc.Strings = k.IDs(c.Strings)
		cols := slices.Clone(t.Columns)
		cols[t.IDColumn] = &nc
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
