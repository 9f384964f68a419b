package data

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// LogRole is a role of an order log's column and the column read for it.
type LogRole struct {
	Role   string // "customer id", "date", "amount", "price", "quantity", "order id", "item", "description", "event type", "order status"
	Column string // the header name; a headerless log's columns are "1", "2", …
}

// Roles lists the roles the log has a column for, in detection order.
func (l *OrderLog) Roles() []LogRole {
	var out []LogRole
	for k, name := range givenNames(l.Columns) {
		if name != "" {
			out = append(out, LogRole{Role: roleNames[k].role, Column: name})
		}
	}
	return out
}

// Unused lists the log's columns that no role read, in header order.
func (l *OrderLog) Unused() []string {
	named := givenNames(l.Columns)
	var out []string
	for _, h := range l.Header {
		if !slices.Contains(named, h) {
			out = append(out, h)
		}
	}
	return out
}

// RolesNote says which column of the log was read for each role and which
// columns were not read at all, so that no column is left out unsaid:
// "columns read: customer id = CustomerID, date = InvoiceDate, …; not used:
// Country". Roles without a column are not named (the features they would
// give are listed as not made).
func (l *OrderLog) RolesNote() string {
	var read []string
	for _, r := range l.Roles() {
		read = append(read, r.Role+" = "+ColumnLabel(r.Column))
	}
	s := "columns read: " + strings.Join(read, ", ")
	if l.DayBaskets() {
		s += " (no order id: one customer's lines on one day form one order)"
	}
	if unused := l.Unused(); len(unused) > 0 {
		for i, u := range unused {
			unused[i] = ColumnLabel(u)
		}
		s += "; not used: " + strings.Join(unused, ", ")
	}
	return s
}

// ColumnLabel writes a log's column name for a list: quoted when it holds
// a comma or a semicolon, has a space at either end or is empty, so that
// the list reads back; a headerless log's position names ("3") read
// "column 3".
func ColumnLabel(name string) string {
	if n, err := strconv.Atoi(name); err == nil && n > 0 {
		return "column " + name
	}
	if name == "" || strings.ContainsAny(name, ",;") || strings.TrimSpace(name) != name {
		return fmt.Sprintf("%q", name)
	}
	return name
}

// DayBaskets reports whether the log's lines are items without order ids,
// so that one customer's lines on one day form one order (logParser.line).
func (l *OrderLog) DayBaskets() bool { return l.Columns.Item != "" && l.Columns.Order == "" }
