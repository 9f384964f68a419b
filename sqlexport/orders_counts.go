package sqlexport

import (
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// counts says which per-customer counts beyond the orders themselves the
// model's features need (data's customerExtras): the distinct items
// (distinct_items), the distinct (order, item) lines (basket_size_avg of a
// log without quantities) and the cancelled orders (cancel_share).
type counts struct{ items, lines, cancels bool }

// neededCounts returns the counts b's features need.
func neededCounts(b *experiment.Bundle, c data.LogColumns) counts {
	var x counts
	for _, pc := range b.Pipeline.Columns {
		switch pc.Name {
		case "distinct_items":
			x.items = true
		case "basket_size_avg":
			x.lines = b.Source.ItemBaskets
		case "cancel_share":
			x.cancels = true
		}
	}
	return x
}

// any reports whether any count is needed.
func (x counts) any() bool { return x.items || x.lines || x.cancels }

// stream appends the CTE that sets beside each order of gaps (is_order 1)
// one row per distinct (order, item) line and one per cancelled order
// dated on or before the cutoff, so that base counts them per customer in
// the same GROUP BY, without a join; it returns its name. The columns a
// row does not have are NULL, which the sums and extremes of base skip.
func (x counts) stream(q *query, d Dialect, c data.LogColumns) string {
	one, zero := d.asDouble("1"), d.asDouble("0")
	nullNum, nullText := d.asDouble("NULL"), "CAST(NULL AS "+d.text()+")"
	blank := strings.Repeat(nullNum+", ", 6)
	branches := []string{"SELECT customer, day, amount, qty, age, gap, gap_mean, " + one + " AS is_order, " +
		nullText + " AS item, " + zero + " AS is_line, " + zero + " AS is_cancel FROM gaps"}
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
		branches = append(branches, "SELECT l.customer, "+blank+zero+", l.item, "+one+", "+zero+
			"\n  FROM item_lines l CROSS JOIN cutoff c WHERE l.day <= c.day")
	}
	if x.cancels {
		branches = append(branches, "SELECT k.customer, "+blank+zero+", "+nullText+", "+zero+", "+one+
			"\n  FROM cancelled_orders k CROSS JOIN cutoff c WHERE k.day <= c.day")
	}
	q.cte("stream", strings.Join(branches, "\n  UNION ALL\n  "))
	return "stream"
}

// sums are base's extra columns: ",\n    … AS items, … AS lines, … AS
// cancelled" for the counts needed.
func (x counts) sums(d Dialect) string {
	var b strings.Builder
	if x.items {
		b.WriteString(",\n    " + d.asDouble("COUNT(DISTINCT item)") + " AS items")
	}
	if x.lines {
		b.WriteString(",\n    SUM(is_line) AS lines")
	}
	if x.cancels {
		b.WriteString(",\n    SUM(is_cancel) AS cancelled")
	}
	return b.String()
}

// names lists the counts' column names for the CTEs after base, each after
// a space and a comma-free start: " items, lines," or "".
func (x counts) names() string {
	var out []string
	if x.items {
		out = append(out, "items")
	}
	if x.lines {
		out = append(out, "lines")
	}
	if x.cancels {
		out = append(out, "cancelled")
	}
	if len(out) == 0 {
		return ""
	}
	return " " + strings.Join(out, ", ") + ","
}
