package data

import (
	"cmp"
	"slices"
	"strings"
)

// StatusCount is the number of lines of a log with one order status.
type StatusCount struct {
	Status    string
	Lines     int
	Cancelled bool // the status is a cancellation (IsCancelledStatus)
}

// countStatus counts a line's order status (bounded like event types: past
// maxEventTypes statuses, the lines count under otherEventTypes).
func (p *logParser) countStatus(status []byte) {
	k := &p.keep
	if k.statusIndex == nil {
		k.statusIndex = make(map[string]int)
	}
	i, ok := k.statusIndex[string(status)]
	if !ok {
		name := string(status)
		if len(p.log.StatusCounts) >= maxEventTypes {
			name = otherEventTypes
		}
		if i, ok = k.statusIndex[name]; !ok {
			i = len(p.log.StatusCounts)
			p.log.StatusCounts = append(p.log.StatusCounts, StatusCount{Status: name, Cancelled: IsCancelledStatus(status)})
			k.statusIndex[name] = i
		}
		k.statusIndex[string(status)] = i
	}
	p.log.StatusCounts[i].Lines++
}

// finishStatusCounts orders the statuses, most lines first.
func (p *logParser) finishStatusCounts() {
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
