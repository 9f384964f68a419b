package data

import (
	"errors"
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

// headerlessRolesError rewrites resolveRoles' refusal of a headerless log
// whose columns cannot be told apart with an example taken from its first
// line (headerlessExample); other errors pass unchanged.
func headerlessRolesError(err error, file string, fields [][]byte) error {
	var pe *ParseError
	if !errors.As(err, &pe) || !errors.Is(err, ErrLogColumns) || !strings.Contains(pe.Msg, "cannot be told apart") {
		return err
	}
	ex := headerlessExample(fields)
	if ex == "" {
		return err
	}
	return parseErr(file, 1, 0, ErrLogColumns, fmt.Sprintf(
		"the log has no header line (its first line holds numbers: it is data) and its %d columns "+
			"cannot be told apart; name them by number with --log-columns, e.g. %s (from its first line)", len(fields), ex))
}
