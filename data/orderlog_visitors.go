package data

import "fmt"

// An event log's visitors who browsed but never bought (before the
// cutoff) are not customers: the cohort has a row for each customer with
// a kept order on or before the cutoff, so they are neither trained on nor
// scored. VisitorsNote says how many there are, so that a table of
// 1,443 buyers out of 3,999 visitors is not read as the whole log.

// eventOnlyFirstDays lists the first event day of each visitor (numbered
// as the parser sets aside, customer mapping that numbering onto
// OrderLog.Customers, -1 for none) whose events have no kept order.
func eventOnlyFirstDays(events []LogEvent, customer []int32) []int32 {
	first := map[int32]int32{}
	for _, e := range events {
		if customer[e.Customer] >= 0 {
			continue
		}
		if d, ok := first[e.Customer]; !ok || e.Day < d {
			first[e.Customer] = e.Day
		}
	}
	if len(first) == 0 {
		return nil
	}
	out := make([]int32, 0, len(first))
	for _, d := range first {
		out = append(out, d)
	}
	return out
}

// visitorsWithoutPurchase counts the visitors with an event on or before
// day cut and no kept order on or before it: those who never bought, and
// customers whose first purchase came after cut.
func (l *OrderLog) visitorsWithoutPurchase(cut int32) int {
	n := 0
	for _, d := range l.EventOnly {
		if d <= cut {
			n++
		}
	}
	if len(l.Events) == 0 {
		return n
	}
	bought := make([]bool, len(l.Customers))
	for _, o := range l.Orders {
		if o.Day <= cut {
			bought[o.Customer] = true
		}
	}
	counted := make([]bool, len(l.Customers))
	for _, e := range l.Events {
		if e.Day <= cut && !bought[e.Customer] && !counted[e.Customer] {
			counted[e.Customer] = true
			n++
		}
	}
	return n
}

// VisitorsNote says that the visitors of an event log with events but no
// purchase by the cutoff are not scored: "rr.csv: 2,556 visitors with
// events but no purchase on or before the cutoff (2015-08-10) are not
// customers here and are not scored; their events are not lost: …"; ""
// when there are none.
func (r CohortReport) VisitorsNote(name string) string {
	if r.Visitors == 0 {
		return ""
	}
	who := Thousands(r.Visitors) + " visitors with events but no purchase on or before the cutoff (%s) are not customers here and are not scored"
	if r.Visitors == 1 {
		who = "1 visitor with events but no purchase on or before the cutoff (%s) is not a customer here and is not scored"
	}
	return fmt.Sprintf("%s: "+who+": only customers with a purchase have a row (their views and cart adds make the event features)",
		name, r.Cutoff.Format("2006-01-02"))
}
