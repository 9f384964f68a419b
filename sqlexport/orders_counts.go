package sqlexport

import (
	"fmt"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// counts says which per-customer counts beyond the orders themselves the
// model's features need (data's customerExtras): the distinct items
// (distinct_items), the distinct (order, item) lines (basket_size_avg of a
// log without quantities), the cancelled orders (cancel_share) and an
// event log's other events by type (event_<type>_30d and _90d).
type counts struct {
	items, lines, cancels bool
	// refunds says the spend is net of the cancellations' refunds (data's
	// feature set 3, for a model with a money feature).
	refunds bool
	// events are the event types counted, as written in the log
	// (experiment.LogFeatures.Events).
	events []string
}

// neededCounts returns the counts b's features need.
func neededCounts(b *experiment.Bundle) counts {
	var x counts
	for _, pc := range b.Pipeline.Columns {
		switch pc.Name {
		case "distinct_items":
			x.items = true
		case "basket_size_avg":
			x.lines = b.Source.ItemBaskets
		case "cancel_share":
			x.cancels = true
		case "monetary_total", "monetary_avg", "spend_trend":
			x.refunds = b.Source.Features.Version >= 3
		}
	}
	x.events = b.Source.Features.Events
	return x
}

// any reports whether any count is needed.
func (x counts) any() bool { return x.items || x.lines || x.cancels || x.refunds || len(x.events) > 0 }

// eventFeatures maps each event feature of the counted types to the
// column of base that holds it.
func (x counts) eventFeatures() map[string]string {
	out := map[string]string{}
	for k, e := range x.events {
		out[data.EventFeatureName(e, data.ShortWindowDays)] = fmt.Sprintf("ev%d_short", k)
		out[data.EventFeatureName(e, data.LongWindowDays)] = fmt.Sprintf("ev%d_long", k)
	}
	return out
}

// streamColumn is one column of the stream CTE: its name and, for each
// kind of row, its value ("" for a typed NULL of kind num or text).
type streamColumn struct {
	name             string
	text             bool
	order, line, cxl string
	event            string
}

// stream appends the CTEs that set beside each order of gaps (is_order 1)
// one row per distinct (order, item) line, per cancelled order and per
// counted event dated on or before the cutoff, so that base counts them
// per customer in the same GROUP BY, without a join; it returns the
// stream's name. The columns a row does not have are NULL, which the sums
// and extremes of base skip.
func (x counts) stream(q *query, d Dialect, c data.LogColumns, table string, form data.TimeForm) string {
	one, zero := d.asDouble("1"), d.asDouble("0")
	cols := []streamColumn{{name: "customer", order: "customer", line: "l.customer", cxl: "k.customer", event: "e.customer"}}
	for _, n := range []string{"day", "amount", "qty", "age", "gap", "gap_mean"} {
		cols = append(cols, streamColumn{name: n, order: n})
	}
	cols = append(cols, streamColumn{name: "is_order", order: one, line: zero, cxl: zero, event: zero})
	if x.items || x.lines {
		cols = append(cols, streamColumn{name: "item", text: true, line: "l.item"},
			streamColumn{name: "is_line", order: zero, line: one, cxl: zero, event: zero})
	}
	if x.cancels {
		cols = append(cols, streamColumn{name: "is_cancel", order: zero, line: zero, cxl: one, event: zero})
	}
	if x.refunds {
		cols = append(cols, streamColumn{name: "refund", cxl: "k.refund"},
			streamColumn{name: "refund_day", cxl: "k.day"}, streamColumn{name: "refund_age", cxl: "c.day - k.day"})
	}
	if len(x.events) > 0 {
		cols = append(cols, streamColumn{name: "ev", text: true, event: "e.ev"},
			streamColumn{name: "ev_age", event: "c.day - e.day"})
	}
	branch := func(pick func(streamColumn) string, from string) string {
		vals := make([]string, len(cols))
		for i, col := range cols {
			v := pick(col)
			switch {
			case v == "" && col.text:
				v = "CAST(NULL AS " + d.text() + ")"
			case v == "":
				v = d.asDouble("NULL")
			}
			vals[i] = v + " AS " + col.name
		}
		return "SELECT " + strings.Join(vals, ", ") + "\n  FROM " + from
	}
	branches := []string{branch(func(s streamColumn) string { return s.order }, "gaps")}
	if x.items || x.lines {
		// An order's lines are dated by the order's earliest line, as
		// the order is; a line of zero quantity sold no item (data's
		// keepItem); each line without an order id is an order.
		sold := ""
		if c.Quantity != "" {
			sold = " AND qty > 0.0"
		}
		q.cte("order_items", "SELECT customer, order_id, item,\n"+
			"    CASE WHEN order_id = '' THEN day ELSE MIN(day) OVER (PARTITION BY customer, order_id) END AS day,\n"+
			"    qty FROM kept")
		q.cte("item_lines", "SELECT customer, item, MIN(day) AS day FROM order_items\n"+
			"  WHERE order_id <> '' AND item IS NOT NULL"+sold+" GROUP BY customer, order_id, item\n"+
			"  UNION ALL\n  SELECT customer, item, day FROM order_items WHERE order_id = '' AND item IS NOT NULL"+sold)
		branches = append(branches, branch(func(s streamColumn) string { return s.line },
			"item_lines l CROSS JOIN cutoff c WHERE l.day <= c.day"))
	}
	if x.cancels || x.refunds {
		branches = append(branches, branch(func(s streamColumn) string { return s.cxl },
			"cancelled_orders k CROSS JOIN cutoff c WHERE k.day <= c.day"))
	}
	if len(x.events) > 0 {
		// The other events of an event log, of the types counted, as
		// written (data's keepEvent), with a customer.
		types := make([]string, len(x.events))
		for i, e := range x.events {
			types[i] = d.str(e)
		}
		ev := d.asText(d.column(src, c.Event))
		q.cte("event_lines", "SELECT "+d.customerID(d.column(src, c.Customer))+" AS customer, "+d.asDouble(d.logDay(d.column(src, c.Time), form))+" AS day,\n"+
			"    "+ev+" AS ev\n  FROM "+d.table(table)+" AS "+src+"\n  WHERE NOT "+d.foldedIn(ev, data.PurchaseEvents())+
			" AND "+ev+" IN ("+strings.Join(types, ", ")+")\n    AND NOT "+d.isMissing(d.column(src, c.Customer)))
		branches = append(branches, branch(func(s streamColumn) string { return s.event },
			"event_lines e CROSS JOIN cutoff c WHERE e.day <= c.day"))
	}
	q.cte("customer_rows", strings.Join(branches, "\n  UNION ALL\n  "))
	if !x.refunds {
		return "customer_rows"
	}
	// Each row beside its customer's first order day (the order rows
	// alone have a day): a cancellation dated before it is of an order
	// the log does not hold, and takes nothing back (data's refunds).
	q.cte("customer_days", "SELECT r.*, MIN(r.day) OVER (PARTITION BY r.customer) AS first_day FROM customer_rows r")
	return "customer_days"
}

// spend returns base's total, recent and earlier spend: the orders'
// amounts, all and in spend_trend's two windows, less, with refunds, the
// refunds of the cancellations dated in them on or after the customer's
// first order, floored at 0 (data's feature set 3 and its netSpend).
func (x counts) spend(d Dialect) (total, recent, earlier string) {
	tr := mustNum(data.TrendWindowDays)
	total = "SUM(amount)"
	recent = "SUM(CASE WHEN age < " + tr + " THEN amount ELSE 0.0 END)"
	earlier = "SUM(CASE WHEN age >= " + tr + " AND age < 2.0 * " + tr + " THEN amount ELSE 0.0 END)"
	if !x.refunds {
		return total, recent, earlier
	}
	taken := func(window string) string {
		return "SUM(CASE WHEN refund_day >= first_day" + window + " THEN refund ELSE 0.0 END)"
	}
	// Not above a billionth of the gross: 0 (data's netSpend).
	net := func(gross, refunds string) string {
		return "CASE WHEN " + gross + " - " + refunds + " > 1e-9 * " + gross + " THEN " + gross + " - " + refunds + " ELSE 0.0 END"
	}
	return net(total, taken("")), net(recent, taken(" AND refund_age < "+tr)),
		net(earlier, taken(" AND refund_age >= "+tr+" AND refund_age < 2.0 * "+tr))
}

// sums are base's extra columns, ",\n    … AS items" and so on, for the
// counts needed.
func (x counts) sums(d Dialect) string {
	var b strings.Builder
	for _, c := range x.columns(d) {
		b.WriteString(",\n    " + c[1] + " AS " + c[0])
	}
	return b.String()
}

// names lists the counts' columns for the CTEs after base, each after a
// space and followed by a comma (" items, line_count,"), or "".
func (x counts) names() string {
	var b strings.Builder
	for _, c := range x.columns(Dialect(0)) {
		b.WriteString(" " + c[0] + ",")
	}
	return b.String()
}

// columns are the counts' columns of base, name and expression, in order.
func (x counts) columns(d Dialect) [][2]string {
	var out [][2]string
	if x.items {
		out = append(out, [2]string{"items", d.asDouble("COUNT(DISTINCT item)")})
	}
	if x.lines {
		out = append(out, [2]string{"line_count", "SUM(is_line)"}) // LINES is reserved in MySQL
	}
	if x.cancels {
		out = append(out, [2]string{"cancelled", "SUM(is_cancel)"})
	}
	for k, e := range x.events {
		for _, w := range []struct {
			suffix string
			days   int
		}{{"short", data.ShortWindowDays}, {"long", data.LongWindowDays}} {
			out = append(out, [2]string{fmt.Sprintf("ev%d_%s", k, w.suffix),
				fmt.Sprintf("SUM(CASE WHEN ev = %s AND ev_age < %s THEN 1.0 ELSE 0.0 END)", d.str(e), mustNum(float64(w.days)))})
		}
	}
	return out
}
