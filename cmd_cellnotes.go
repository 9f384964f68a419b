package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

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
// notes (Pipeline.ClipWarnings), followed by what advice says of its
// column (nil: nothing; see laterCutoffAdvice).
func printCellNotes(a *app, b *experiment.Bundle, s *experiment.Scored, customers *data.Table, name string, key *pseudonym.Key,
	advice func(x data.Extrapolation) string) {
	notes := s.CellNotes
	where := func(r int) string { return "customer " + s.IDs[r] }
	switch {
	case customers != nil && key.Enabled():
		notes = b.Pipeline.TableCellNotesBy(customers, name, where, s.IDs, "pseudonym")
	case customers != nil:
		notes = b.Pipeline.TableCellNotes(customers, name, where)
	}
	printNotes(a, notes...)
	for _, w := range b.Pipeline.ClipWarningsWith(s.Beyond, len(s.IDs), name, advice) {
		fmt.Fprintln(a.stderr, "warning: "+w)
	}
}

// laterCutoffAdvice is the advice of printCellNotes for an order log's
// customers scored at cutoff scored by the model b, trained at its own
// cutoff on the same kind of rows: when scored is later, a column that
// counts days up to the cutoff (data.GrowsWithCutoff) lies above its
// training range for the longest-standing customers by construction, not
// because the data are odd, and the advice says so and what to do (score
// at the model's cutoff, or retrain later). When nine rows in ten or more
// lie above the range of the column counting from the first order
// (data.CountsFromFirstOrder), as when the log's customers all started
// together, a later model may extrapolate as much, and the advice adds
// training without that column. nil when scored is not later or the
// model records no cutoff. log and model are the paths as given.
func laterCutoffAdvice(b *experiment.Bundle, scored time.Time, log, model string) func(x data.Extrapolation) string {
	trained := b.Source.Cutoff
	if trained.IsZero() || !scored.After(trained) {
		return nil
	}
	days := int(scored.Sub(trained).Hours()/24 + 0.5)
	h := b.Source.HorizonDaysOrDefault()
	return func(x data.Extrapolation) string {
		if !x.Above || !data.GrowsWithCutoff(x.Column) {
			return ""
		}
		advice := fmt.Sprintf("This is expected when scoring later than training: the model was trained on the customers at %s "+
			"and these are scored at %s, %s later, so %s, which counts days up to the cutoff, is longer than any in training "+
			"for the longest-standing customers; they are scored as the model's longest-standing ones were. "+
			"To score within the model's range, either score as of its cutoff (retain predict --model %s --log %s --cutoff %s), "+
			"or, once the log runs %s past %s, retrain (retain train --log FILE --horizon %dd trains at the latest cutoff the log allows)",
			trained.Format(time.DateOnly), scored.Format(time.DateOnly), dayCount(days), x.Column,
			shellQuote(model), shellQuote(log), trained.Format(time.DateOnly), dayCount(h), scored.Format(time.DateOnly), h)
		if data.CountsFromFirstOrder(x.Column) && 10*x.Rows >= 9*x.Of {
			exclude := strings.Join(append(slices.Clone(b.Source.Exclude), x.Column), ",")
			advice += fmt.Sprintf(". Here that is nearly all of them (%.1f %%), as when a log's customers all started at about the same time, "+
				"and a model trained later may extrapolate as much: to score them without extrapolating on %s, train without it "+
				"(retain train --log %s --horizon %dd --exclude %s, with the other flags the model was trained with)",
				x.Share(), x.Column, shellQuote(log), h, exclude)
		}
		return advice
	}
}

// dayCount is n days in words: "1 day", "90 days".
func dayCount(n int) string {
	if n == 1 {
		return "1 day"
	}
	return data.Thousands(n) + " days"
}
