package experiment

import (
	"fmt"
	"time"

	"github.com/retainlab/retain/data"
)

// OneClassError says that an order log's cohort at its cutoff holds one
// class only: no customer orders again within the horizon, or every one
// does. No split of it can train and measure a model, so it is refused
// before any is drawn. errors.Is(err, ErrTooFewRows) is true.
type OneClassError struct {
	Log    string
	Report data.CohortReport
	// SingleOrders says that no customer of the log has more than one
	// order: the customer column, CustomerColumn, may well name orders,
	// not customers.
	SingleOrders   bool
	CustomerColumn string
}

// Error implements error.
func (e *OneClassError) Error() string {
	r := e.Report
	what := fmt.Sprintf("no customer orders again within the %d-day horizon (0 of %d customers at the cutoff %s)",
		r.HorizonDays, r.Customers, r.Cutoff.Format(time.DateOnly))
	if r.Positives > 0 {
		what = fmt.Sprintf("every customer orders again within the %d-day horizon (%d of %d customers at the cutoff %s)",
			r.HorizonDays, r.Positives, r.Customers, r.Cutoff.Format(time.DateOnly))
	}
	if e.SingleOrders {
		what += ": every customer of the log has one order"
	}
	return fmt.Sprintf("%v: %s: %s: the label has one class and a model needs both", ErrTooFewRows, e.Log, what)
}

// Unwrap makes errors.Is(err, ErrTooFewRows) true.
func (e *OneClassError) Unwrap() error { return ErrTooFewRows }

// NoneAgain reports whether no customer orders again (else every one does).
func (e *OneClassError) NoneAgain() bool { return e.Report.Positives == 0 }

// CheckClasses refuses, with a *OneClassError, an order log whose cohort
// at the cutoff holds one class only; nil for any other data (a table's
// label is checked for two classes when it is read).
func CheckClasses(d *Data) error {
	if d == nil || d.Cohort == nil || d.Log == nil {
		return nil
	}
	r := *d.Cohort
	if r.Customers == 0 || (r.Positives > 0 && r.Positives < r.Customers) {
		return nil
	}
	return &OneClassError{Log: d.Log.Name, Report: r, SingleOrders: SingleOrders(d.Log), CustomerColumn: d.Log.Columns.Customer}
}

// SingleOrders reports whether no customer of log has two orders or more:
// no cutoff or horizon gives a customer who orders again.
func SingleOrders(log *data.OrderLog) bool {
	if len(log.Orders) == 0 {
		return false
	}
	seen := make([]bool, len(log.Customers))
	for _, o := range log.Orders {
		if seen[o.Customer] {
			return false
		}
		seen[o.Customer] = true
	}
	return true
}
