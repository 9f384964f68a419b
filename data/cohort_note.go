package data

import (
	"fmt"
	"strings"
)

// LeftOut lists the lines of the log left out of the orders, in words:
// "9,288 cancelled, 133,361 without a customer id, 1,336 stock adjustments
// (negative quantity at price 0, no customer)"; "" when none was.
func (r CohortReport) LeftOut() string {
	return leftOutWords(r.Cancelled, r.MissingCustomer, r.Adjustments, cancelNote(r.CancelRules, r.NegativeAmounts), r.EventNote)
}

// LeftOut lists the lines of the log left out of its orders, in the words
// of CohortReport.LeftOut (which a cohort made of the log repeats); ""
// when none was.
func (l *OrderLog) LeftOut() string {
	return leftOutWords(l.Cancelled, l.MissingCustomer, l.Adjustments, cancelNote(l.CancelRules, l.NegativeAmounts), l.EventNote())
}

// leftOutWords writes the counts of lines left out, those that are not 0,
// joined by commas; negative is cancelNote (the rules that left lines
// out as cancellations), said of the cancelled lines, and events OrderLog.EventNote.
func leftOutWords(cancelled, missingCustomer, adjustments int, negative, events string) string {
	var parts []string
	if cancelled > 0 {
		s := Thousands(cancelled) + " cancelled"
		if negative != "" {
			s += " (" + negative + ")"
		}
		parts = append(parts, s)
	}
	if missingCustomer > 0 {
		parts = append(parts, Thousands(missingCustomer)+" without a customer id")
	}
	switch {
	case adjustments == 1:
		parts = append(parts, "1 stock adjustment (negative quantity at price 0, no customer)")
	case adjustments > 1:
		parts = append(parts, Thousands(adjustments)+" stock adjustments (negative quantity at price 0, no customer)")
	}
	if events != "" {
		parts = append(parts, events)
	}
	return strings.Join(parts, ", ")
}

// LoadNote is the load summary of an order log for people: the lines read,
// the orders made of them and the lines left out, with why, and the
// discount lines netted into their orders.
func (r CohortReport) LoadNote(name string) string {
	left := leftOutWords(r.Cancelled, r.MissingCustomer, r.Adjustments, cancelNote(r.CancelRules, r.NegativeAmounts), "")
	return loadNote(name, r.Lines, r.Orders, left, r.Discounts, r.DateNote, r.EventNote)
}

// LoadNote is the load summary of the log in the words of
// CohortReport.LoadNote, for the commands that read a log without
// building a cohort of it.
func (l *OrderLog) LoadNote(name string) string {
	left := leftOutWords(l.Cancelled, l.MissingCustomer, l.Adjustments, cancelNote(l.CancelRules, l.NegativeAmounts), "")
	return loadNote(name, l.Lines, len(l.Orders), left, l.Discounts, l.DateNote(), l.EventNote())
}

// loadNote writes LoadNote from its parts; left, dateNote and events
// (OrderLog.EventNote) are left out when "", the discount lines when
// there are none. The events are said apart from the lines left out:
// they are not orders, but the event features count them.
func loadNote(name string, lines, orders int, left string, discounts int, dateNote, events string) string {
	s := fmt.Sprintf("%s: %s lines make %s orders", name, Thousands(lines), Thousands(orders))
	if left != "" {
		s += "; left out: " + left
	}
	if events != "" {
		s += "; not orders but used as features: " + events
	}
	if discounts > 0 {
		s += "; " + discountNote(discounts)
	}
	if dateNote != "" {
		s += "; " + dateNote
	}
	return s
}
