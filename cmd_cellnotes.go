package main

import (
	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// printCellNotes writes on stderr, one note per column, the cells the
// model scored as other than they read: missing cells it filled, values
// beyond the training range it took at a bound. Rows read from a file
// carry theirs (Scored.CellNotes, each first cell placed at its line and
// column). The customers of an order log, customers (nil for a file),
// have columns computed from the log, with no line to point at: their
// notes are worked out from the table, in the same words, each first cell
// named by its customer's id as s.IDs writes it (pseudonymised when the
// scores are). name names the data.
func printCellNotes(a *app, b *experiment.Bundle, s *experiment.Scored, customers *data.Table, name string) {
	notes := s.CellNotes
	if customers != nil {
		notes = b.Pipeline.TableCellNotes(customers, name, func(r int) string { return "customer " + s.IDs[r] })
	}
	printNotes(a, notes...)
}
