package experiment

import (
	"fmt"
	"time"

	"github.com/retainlab/retain/data"
)

// HistoryWarning reports an order log whose history up to the cutoff is
// shorter than the longest feature window (data.LongWindowDays): no
// customer can have been watched for the whole window, so the 90-day
// counts, tenure_days, recency_days and the order intervals are truncated
// for every row the model learns from, unlike the rows of a longer log it
// may score later.
type HistoryWarning struct {
	Path string
	// First is the log's first date and Cutoff the cohort's; Days counts
	// the days from one to the other, both included, and WindowDays is
	// the window they fall short of.
	First, Cutoff    time.Time
	Days, WindowDays int
}

// String is the warning in English.
func (w *HistoryWarning) String() string {
	return fmt.Sprintf("%s: %s of history up to the cutoff %s (from %s), less than the %d-day feature window: "+
		"orders_90d, tenure_days, recency_days and the order intervals are truncated for every customer",
		w.Path, data.Count(w.Days, "day", "days"), w.Cutoff.Format(time.DateOnly), w.First.Format(time.DateOnly), w.WindowDays)
}

// historyWarnings is a *HistoryWarning for a cohort built at rep.Cutoff
// from a log whose history up to it is shorter than the longest feature
// window.
func historyWarnings(path string, rep data.CohortReport) []LoadWarning {
	days := int(data.DayNumber(rep.Cutoff)-data.DayNumber(rep.First)) + 1
	if rep.Customers == 0 || days >= data.LongWindowDays {
		return nil
	}
	return []LoadWarning{&HistoryWarning{Path: path, First: rep.First, Cutoff: rep.Cutoff, Days: days, WindowDays: data.LongWindowDays}}
}
