package main

import (
	"fmt"
	"math"
	"time"

	"github.com/retainlab/retain/data"
)

// averageNotes say what the table's first cohort and average rows rest on:
// that the first cohort starts with the log (marked firstMark) and whether
// its customers look like ones who bought before it
// (data.FirstCohortCheck), from which period the average is mostly the
// first cohort's own row, and that there is no average when no period is
// fully observed.
func averageNotes(r *data.Retention) []string {
	if len(r.Cohorts) == 0 {
		return nil
	}
	var notes []string
	fc := r.FirstCohort
	notes = append(notes, fmt.Sprintf("%s cohort %s starts with the log (%s): it holds every customer whose first order in the log is in its %s, which may include customers who bought before the log began.",
		firstMark, fc.Label, r.First.Format(time.DateOnly), r.Period))
	if fc.Periods > 0 {
		span := periodSpan(r.Period, 1, fc.Periods)
		if fc.Expected == 0 && fc.Observed == 0 {
			// 0 against 0 is no ratio: say that nobody bought again.
			notes = append(notes, fmt.Sprintf("In %s neither its customers nor the later cohorts' at the same ages bought again: there is nothing to compare.", span))
		} else if fc.LooksExisting {
			notes = append(notes, fmt.Sprintf("In %s its customers bought %.2f× as often as the later cohorts' at the same ages (%s against %s expected): they look like customers who bought before the log began, not new ones; the row \"w/o %s\" averages the other cohorts.",
				span, fc.Ratio, data.Thousands(fc.Observed), data.Thousands(int(math.Round(fc.Expected))), fc.Label))
		} else {
			notes = append(notes, fmt.Sprintf("In %s its customers bought %.2f× as often as the later cohorts' at the same ages (%s against %s expected): not markedly more, so nothing says they bought before the log began.",
				span, fc.Ratio, data.Thousands(fc.Observed), data.Thousands(int(math.Round(fc.Expected)))))
		}
	}
	if len(r.Average) == 0 {
		notes = append(notes, fmt.Sprintf("No %s is fully observed (the log ends before its only %[1]s does): there is no average.", r.Period))
		return notes
	}
	if k, ok := r.FirstDominates(); ok {
		notes = append(notes, fmt.Sprintf("The average of %s is mostly cohort %s's own row: it holds more than half of the customers averaged there (the row \"cohorts\" counts the cohorts each average is over), so a rise there is not a trend.",
			periodSpan(r.Period, k, len(r.Average)-1), fc.Label))
	}
	return notes
}

// periodSpan names periods since acquisition from to to: "period 3" or
// "periods 1–11".
func periodSpan(p data.RetentionPeriod, from, to int) string {
	if from == to {
		return fmt.Sprintf("period %d", from)
	}
	return fmt.Sprintf("periods %d–%d", from, to)
}
