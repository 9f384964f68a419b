package data

import (
	"fmt"
	"time"
)

// CutoffProblem says why a CutoffRangeError refuses a cutoff.
type CutoffProblem int

// The reasons a cutoff is refused.
const (
	// CutoffNoOrders: the log holds no orders.
	CutoffNoOrders CutoffProblem = iota + 1
	// CutoffOneDay: every order of the log is on one day (Last), and a
	// label needs orders after the cutoff.
	CutoffOneDay
	// CutoffAfterLast: a labelled cutoff on or after the log's last date.
	CutoffAfterLast
	// CutoffBeforeFirst: a labelled cutoff before the log's first date.
	CutoffBeforeFirst
	// CutoffOutside: an unlabelled cutoff (BuildCurrent) outside the
	// log's dates.
	CutoffOutside
)

// CutoffRangeError refuses a cutoff outside an order log's dates, with
// the facts an interface needs to say so in its own language and the
// range of cutoffs it may choose. errors.Is(err, ErrCutoff) is true;
// Error is the English sentence.
type CutoffRangeError struct {
	// Log is the log's name (its path).
	Log     string
	Problem CutoffProblem
	// Cutoff is the cutoff refused; First and Last the log's first and
	// last order dates.
	Cutoff, First, Last time.Time
	// For CutoffAfterLast and CutoffBeforeFirst: End is the last date
	// up to today (OrderLog.LastKnown), Latest the latest cutoff whose
	// HorizonDays-day label window ends by End. Latest before First
	// means the log is shorter than the label window.
	End, Latest time.Time
	HorizonDays int
}

// Is makes errors.Is(err, ErrCutoff) true.
func (e *CutoffRangeError) Is(target error) bool { return target == ErrCutoff }

// TooShort reports whether the log (up to today) is shorter than the
// label window, so that no cutoff fits and only a shorter horizon helps.
func (e *CutoffRangeError) TooShort() bool { return e.Latest.Before(e.First) }

// UpToToday reports whether the log has orders dated after today, so
// that the label window must end by End rather than Last.
func (e *CutoffRangeError) UpToToday() bool { return !e.End.Equal(e.Last) }

func (e *CutoffRangeError) Error() string {
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	head := fmt.Sprintf("%v: %s: cutoff %s", ErrCutoff, e.Log, day(e.Cutoff))
	switch e.Problem {
	case CutoffNoOrders:
		return head + ": the log holds no orders"
	case CutoffOneDay:
		return fmt.Sprintf("%s: every order of the log is on %s, and a label needs orders after the cutoff", head, day(e.Last))
	case CutoffOutside:
		return fmt.Sprintf("%s is outside the log's dates %s .. %s", head, day(e.First), day(e.Last))
	}
	lastDate, theLog := "the last date", "the log"
	if e.UpToToday() {
		lastDate, theLog = "the last date up to today, "+day(e.End), "the log up to today"
	}
	choose := fmt.Sprintf("choose a cutoff from %s to %s, so that its %d-day label window ends by %s",
		day(e.First), day(e.Latest), e.HorizonDays, lastDate)
	if e.TooShort() {
		choose = fmt.Sprintf("%s (%s .. %s) is shorter than the %d-day label window, so choose a shorter horizon",
			theLog, day(e.First), day(e.End), e.HorizonDays)
	}
	if e.Problem == CutoffAfterLast {
		return fmt.Sprintf("%s is on or after the log's last date %s, so no order after it can label the customers; %s",
			head, day(e.Last), choose)
	}
	return fmt.Sprintf("%s is before the log's first date %s, so no customer has any history; %s",
		head, day(e.First), choose)
}
