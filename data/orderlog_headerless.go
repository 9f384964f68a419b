package data

import (
	"fmt"
	"strings"
)

// headerlessExample suggests --log-columns roles for a headerless log from
// its first line: the customer first; the date the last field that reads
// as one; an event type column a field holding an event word (pv, buy,
// view, 购买, …), with the field after the customer as the item, as event
// logs lay them out. "" when no field reads as a date.
func headerlessExample(fields [][]byte) string {
	dates := dateParser{}
	timeAt, eventAt := -1, -1
	for i := len(fields) - 1; i > 0; i-- {
		f := trimSpace(fields[i])
		if timeAt < 0 {
			if _, err := dates.day(f); err == nil {
				timeAt = i
				continue
			}
		}
		if eventAt < 0 && (IsPurchaseEvent(f) || foldedIn(f, behaviourEvents)) {
			eventAt = i
		}
	}
	if timeAt < 0 {
		return ""
	}
	parts := []string{"customer=1"}
	if eventAt >= 0 {
		if item := 1; item != timeAt && item != eventAt {
			parts = append(parts, fmt.Sprintf("item=%d", item+1))
		}
		parts = append(parts, fmt.Sprintf("event=%d", eventAt+1))
	}
	parts = append(parts, fmt.Sprintf("time=%d", timeAt+1))
	return strings.Join(parts, ",")
}
