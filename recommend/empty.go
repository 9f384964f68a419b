package recommend

import (
	"fmt"
	"time"
)

// EmptyHorizonError refuses to evaluate at a cutoff whose horizon no
// customer with history before it buys in: the metrics are means over
// those customers, so there would be none to measure (not zeros).
// errors.Is(err, ErrCutoff) is true.
type EmptyHorizonError struct {
	Log string
	// Cutoff is the horizon's first day and Horizon its length in days.
	Cutoff, Horizon int32
	// Orders counts the horizon's orders, all of customers without
	// history before the cutoff (0: the log has none in it).
	Orders int
	// Next is the day of the log's first order after the horizon (0: none).
	Next int32
}

// Reason says what is missing, without the command line's advice.
func (e *EmptyHorizonError) Reason() string {
	why := "the log has no order in it"
	if e.Next != 0 {
		why += "; its next is on " + Date(e.Next).Format(time.DateOnly)
	}
	if e.Orders > 0 {
		why = fmt.Sprintf("%s of customers without history", count(e.Orders, "its only order is", "its %d orders are all"))
	}
	return fmt.Sprintf("%s: no customer with history before %s buys in the %d-day horizon %s .. %s (%s), so there is nothing to measure",
		e.Log, Date(e.Cutoff).Format(time.DateOnly), e.Horizon, Date(e.Cutoff).Format(time.DateOnly),
		Date(e.Cutoff+e.Horizon-1).Format(time.DateOnly), why)
}

// Error is the reason with what to change on the command line.
func (e *EmptyHorizonError) Error() string { return e.Reason() + "; choose another --cutoff" }

// Is makes errors.Is(err, ErrCutoff) true.
func (e *EmptyHorizonError) Is(target error) bool { return target == ErrCutoff }

// EmptyHorizon returns, when no customer with history before the cutoff
// buys in the horizon after it (the log read as a run at the cutoff reads
// it, AsOf), why there is nothing to measure there; nil when some
// customer does. Prepare refuses to evaluate such a horizon.
func (l *Log) EmptyHorizon(cutoff, horizon int32) *EmptyHorizonError {
	return l.AsOf(cutoff).emptyHorizon(cutoff, horizon)
}

// emptyHorizon is EmptyHorizon on a log already read as of the cutoff.
func (l *Log) emptyHorizon(cutoff, horizon int32) *EmptyHorizonError {
	if len(l.TruthAt(cutoff, horizon).Customers) > 0 {
		return nil
	}
	lo, hi := l.between(cutoff, cutoff+horizon)
	e := &EmptyHorizonError{Log: l.Name, Cutoff: cutoff, Horizon: horizon, Orders: hi - lo}
	if hi < len(l.Baskets) {
		e.Next = l.Baskets[hi].Day
	}
	return e
}
