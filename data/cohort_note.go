package data

import (
	"fmt"
	"strings"
)

// LeftOut lists the lines of the log left out of the orders, in words:
// "9,290 cancelled, 133,359 without a customer id, 1,336 stock adjustments
// (negative quantity at price 0, no customer)"; "" when none was.
func (r CohortReport) LeftOut() string {
	var parts []string
	if r.Cancelled > 0 {
		parts = append(parts, Thousands(r.Cancelled)+" cancelled")
	}
	if r.MissingCustomer > 0 {
		parts = append(parts, Thousands(r.MissingCustomer)+" without a customer id")
	}
	if r.Adjustments > 0 {
		parts = append(parts, Thousands(r.Adjustments)+" stock adjustments (negative quantity at price 0, no customer)")
	}
	if r.EventNote != "" {
		parts = append(parts, r.EventNote)
	}
	return strings.Join(parts, ", ")
}

// LoadNote is the load summary of an order log for people: the lines read,
// the orders made of them and the lines left out, with why.
func (r CohortReport) LoadNote(name string) string {
	s := fmt.Sprintf("%s: %s lines make %s orders", name, Thousands(r.Lines), Thousands(r.Orders))
	if left := r.LeftOut(); left != "" {
		s += "; left out: " + left
	}
	if r.DateNote != "" {
		s += "; " + r.DateNote
	}
	return s
}
