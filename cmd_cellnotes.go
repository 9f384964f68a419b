package main

import (
	"fmt"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/pseudonym"
)

// printCellNotes writes on stderr, one note per column, the cells the
// model scored as other than they read: missing cells it filled, values
// beyond the training range it took at a bound. Rows read from a file
// carry theirs (Scored.CellNotes, each first cell placed at its line and
// column). The customers of an order log, customers (nil for a file),
// have columns computed from the log, with no line to point at: their
// notes are worked out from the table, in the same words, each first cell
// named by its customer's id as s.IDs writes it. Pseudonymised (key
// enabled), that cell is the one of the customer whose pseudonym sorts
// first, as the notes say, not the first in the log's order, which would
// place the pseudonym in the log. name names the data. When more than one
// row in ten lies beyond one column's kept range, a warning follows the
// notes (Pipeline.ClipWarnings).
func printCellNotes(a *app, b *experiment.Bundle, s *experiment.Scored, customers *data.Table, name string, key *pseudonym.Key) {
	notes := s.CellNotes
	where := func(r int) string { return "customer " + s.IDs[r] }
	switch {
	case customers != nil && key.Enabled():
		notes = b.Pipeline.TableCellNotesBy(customers, name, where, s.IDs, "pseudonym")
	case customers != nil:
		notes = b.Pipeline.TableCellNotes(customers, name, where)
	}
	printNotes(a, notes...)
	for _, w := range b.Pipeline.ClipWarnings(s.Beyond, len(s.IDs), name) {
		fmt.Fprintln(a.stderr, "warning: "+w)
	}
}
