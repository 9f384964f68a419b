package data

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// StatusCount is the number of lines of a log with one order status.
type StatusCount struct {
	Status    string
	Lines     int
	Cancelled bool // the status is a cancellation (IsCancelledStatus)
}

// countStatus counts a line's order status, interned like event types
// (past maxEventTypes statuses, the lines count under otherEventTypes).
func (p *logParser) countStatus(status []byte) {
	k := &p.keep
	if k.statusIndex == nil {
		k.statusIndex = make(map[string]int32)
	}
	si, ok := k.statusIndex[string(status)]
	if !ok {
		name := status
		if len(k.statuses) >= maxEventTypes {
			name = []byte(otherEventTypes)
		}
		si = intern(k.statusIndex, &k.statuses, name)
		if int(si) == len(k.statusLines) {
			k.statusLines = append(k.statusLines, 0)
		}
	}
	k.statusLines[si]++
}

// finishStatusCounts lists the statuses' lines, most first.
func (p *logParser) finishStatusCounts() {
	k := &p.keep
	for si, n := range k.statusLines {
		name := k.statuses[si]
		p.log.StatusCounts = append(p.log.StatusCounts, StatusCount{Status: name, Lines: n,
			Cancelled: name != otherEventTypes && IsCancelledStatus([]byte(name))})
	}
	slices.SortFunc(p.log.StatusCounts, func(a, b StatusCount) int {
		return cmp.Or(cmp.Compare(b.Lines, a.Lines), strings.Compare(a.Status, b.Status))
	})
}

// StatusNote lists the order statuses of a log with a status column and
// how each was read: `order status: "delivered" 5,765 (orders),
// "canceled" 271 (cancelled)`; "" without a status column. At most eight
// statuses are named, so that one read wrongly can be seen and fixed.
func (l *OrderLog) StatusNote() string {
	if l.Columns.Status == "" {
		return ""
	}
	if l.StatusesWithheld {
		orders, cancelled, other := 0, 0, false
		for _, s := range l.StatusCounts {
			other = other || s.Status == otherEventTypes
			if s.Cancelled {
				cancelled += s.Lines
			} else {
				orders += s.Lines
			}
		}
		return fmt.Sprintf("order status: %s lines read as orders, %s as cancelled (%s)",
			Thousands(orders), Thousands(cancelled), typesWithheld(len(l.StatusCounts), other, "status", "statuses"))
	}
	parts := make([]string, 0, 9)
	for i, s := range l.StatusCounts {
		if i == 8 {
			parts = append(parts, "…")
			break
		}
		how := "orders"
		if s.Cancelled {
			how = "cancelled"
		}
		parts = append(parts, quoteCut([]byte(s.Status))+" "+Thousands(s.Lines)+" ("+how+")")
	}
	return "order status: " + strings.Join(parts, ", ")
}
