package sqlexport

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// logFeatures maps each cohort feature the SQL can build to its expression over
// the per-customer aggregates of the intervals CTE (orderFeatures).
var logFeatures = map[string]string{
	"recency_days":       "recency",
	"frequency":          "n",
	"monetary_total":     "total",
	"monetary_avg":       "total / n",
	"tenure_days":        "tenure",
	"orders_30d":         "in_short",
	"orders_90d":         "in_long",
	"interval_mean_days": "interval_mean",
	"interval_std_days":  "CASE WHEN n >= 2.0 THEN SQRT(COALESCE(ss, 0.0) / (n - 1.0)) ELSE 0.0 END",
	"spend_trend":        "CASE WHEN recent + earlier > 0.0 THEN (recent - earlier) / (recent + earlier) ELSE 0.0 END",
	"basket_size_avg":    "units / n",
	"distinct_items":     "items",
	"cancel_share":       "cancelled / (n + cancelled)",
}

// checkLogModel refuses what the SQL cannot build (BG/NBD inputs, windows
// other than this build's, event counts) and a table whose named columns
// cannot give the model's features.
func checkLogModel(b *experiment.Bundle, cols data.LogColumns) error {
	f := b.Source.Features
	if f.BTYD {
		return fmt.Errorf("the model uses the BG/NBD inputs (btyd_*), which are fitted by maximum likelihood over the whole log and cannot be written as one SELECT; train without them to score in SQL")
	}
	want := [3]int{data.ShortWindowDays, data.LongWindowDays, data.TrendWindowDays}
	got := [3]int{f.ShortWindowDays, f.LongWindowDays, f.TrendWindowDays}
	for i := range got {
		if got[i] != 0 && got[i] != want[i] {
			return fmt.Errorf("the model's features use windows of %d/%d/%d days; this build writes %d/%d/%d",
				got[0], got[1], got[2], want[0], want[1], want[2])
		}
	}
	switch {
	case b.Source.EventColumn != "" && cols.Event == "":
		return fmt.Errorf("the model was trained on the purchases of an event log (event type column %q): add event=COL to --log-columns so that only the purchase events (%s) are counted",
			b.Source.EventColumn, strings.Join(data.PurchaseEvents(), ", "))
	case b.Source.StatusColumn != "" && cols.Status == "":
		return fmt.Errorf("the model was trained on a log whose order status column (%q) marks cancellations: add status=COL to --log-columns so that cancelled orders (%s) are left out",
			b.Source.StatusColumn, strings.Join(data.CancelledStatuses(), ", "))
	case b.Source.DayNumbers:
		return fmt.Errorf("the model was trained on a log whose date column holds day numbers, not dates; the query reads dates: convert the column to dates (day n is n days after 1970-01-01, as retain read it) and train again")
	case b.Source.DayBaskets && cols.Item == "" && cols.Order == "":
		return fmt.Errorf("the model was trained on a log of item lines without order ids, in which one customer's lines on one day form one order: add item=COL to --log-columns so that the query groups them the same way (or order=COL if the table has order ids)")
	case cols.Customer == "" || cols.Time == "":
		return fmt.Errorf("the orders table's customer and time columns are not known: the model was trained with detected columns; name them with --log-columns customer=COL,time=COL[,amount=COL,quantity=COL,price=COL,order=COL]")
	case needsAmount(b.Pipeline) && cols.Amount == "" && cols.Price == "":
		return fmt.Errorf("the model uses spend features and no amount or price column is named: add amount=COL (or price=COL) to --log-columns")
	}
	if slices.Contains(f.Events, data.OtherEventTypes()) {
		return fmt.Errorf("the model counts the events of its log's rarer types together as %q, which the query cannot tell apart; train without those features (--exclude) to score in SQL", data.OtherEventTypes())
	}
	events := neededCounts(b).eventFeatures()
	for _, pc := range b.Pipeline.Columns {
		if _, ok := logFeatures[pc.Name]; !ok && events[pc.Name] == "" {
			return fmt.Errorf("the model uses the order-log feature %q, which the SQL export cannot build yet (it builds %s)",
				pc.Name, strings.Join(logFeatureNames(), ", "))
		}
		switch {
		case pc.Name == "basket_size_avg" && b.Source.ItemBaskets && cols.Item == "":
			return fmt.Errorf("the model uses basket_size_avg, counted as the distinct items of an order (its log had no quantity column), and no item column is named: add item=COL to --log-columns")
		case pc.Name == "basket_size_avg" && !b.Source.ItemBaskets && cols.Quantity == "":
			return fmt.Errorf("the model uses basket_size_avg, counted as the units of an order, and no quantity column is named: add quantity=COL to --log-columns")
		case pc.Name == "distinct_items" && cols.Item == "":
			return fmt.Errorf("the model uses distinct_items and no item column is named: add item=COL to --log-columns")
		}
	}
	return nil
}

// logFeatureNames lists the buildable features, sorted.
func logFeatureNames() []string {
	return []string{"basket_size_avg", "cancel_share", "distinct_items", "frequency", "interval_mean_days", "interval_std_days",
		"monetary_avg", "monetary_total", "orders_30d", "orders_90d", "recency_days", "spend_trend", "tenure_days"}
}

// needsAmount reports whether a feature of p is built from amounts.
func needsAmount(p *data.Pipeline) bool {
	for _, pc := range p.Columns {
		switch pc.Name {
		case "monetary_total", "monetary_avg", "spend_trend":
			return true
		}
	}
	return false
}

// dayOf is t's calendar date as days since 1970-01-01.
func dayOf(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// orderFeatures appends the CTEs that build, from the orders table, one row
// per customer with an order on or before the cutoff, its id in column id
// and each feature the model uses under its own name, as data.BuildCurrent
// makes them; it returns the last CTE's name.
func orderFeatures(q *query, d Dialect, b *experiment.Bundle, o Options) (string, error) {
	c := o.Columns
	col := func(name string) string { return d.column(src, name) }
	form, err := timeForm(b, o)
	if err != nil {
		return "", err
	}
	// A missing number (NULL, blank, NA, …) is 0 and its line still an
	// order (data.BlankNumbers). Any other cell is read as data's log
	// reader reads it, also without the marks it removes ("$5",
	// "1,234.50", "(5.00)": cellNumber); one it refuses is NULL, which
	// the sums leave out where retain predict stops at its line
	// (logLimits says so). A model of a log written with decimal commas
	// keeps the plain cast: its commas are no thousands separators, and
	// the table must hold numbers (runExport warns).
	number := func(name string) string {
		if b.Source.DecimalCommas {
			return "(CASE WHEN " + d.isMissing(col(name)) + " THEN 0.0 ELSE " + d.asDouble(col(name)) + " END)"
		}
		// A plain decimal number is cast as it is, before the marks are
		// looked for (an order log has many lines); in SQLite a number
		// stored as one is read as it is.
		t := d.asText(col(name))
		raw, read := d.cellNumber(col(name))
		plain := " WHEN " + d.finiteDecimal(t) + " THEN " + d.asDouble(t)
		if d == SQLite {
			plain = " WHEN typeof(" + col(name) + ") IN ('integer', 'real') THEN " + d.asDouble(col(name)) + plain
		}
		return "(CASE WHEN " + d.isMissing(col(name)) + " THEN 0.0" + plain + " WHEN " + read + " THEN " + raw + " END)"
	}
	qty := "0.0"
	if c.Quantity != "" {
		qty = number(c.Quantity)
	}
	amount := "0.0"
	switch {
	case c.Amount != "":
		amount = number(c.Amount)
	case c.Price != "" && c.Quantity != "":
		amount = number(c.Price) + " * " + qty
	case c.Price != "":
		amount = number(c.Price)
	}
	order := "''"
	switch {
	case c.Order != "":
		order = "COALESCE(" + d.asText(col(c.Order)) + ", '')"
	case c.Item != "":
		// Item lines without order ids: a customer's lines on one day
		// form one order (data's rule), keyed by the day number.
		order = d.asText("CAST(" + d.logDay(col(c.Time), form) + " AS " + d.integer() + ")")
	}
	// An event log's purchases alone are orders (data.IsPurchaseEvent).
	purchases := ""
	if c.Event != "" {
		purchases = "\n  WHERE " + d.foldedIn(d.asText(col(c.Event)), data.PurchaseEvents())
	}
	// A status that is a cancellation cancels (data.IsCancelledStatus).
	statusCol, status, statusKept := "", "", ""
	if c.Status != "" {
		statusCol = ",\n    CASE WHEN " + d.foldedIn(d.asText(col(c.Status)), data.CancelledStatuses()) + " THEN 1 ELSE 0 END AS status_cancels"
		status, statusKept = " OR status_cancels = 1", ", status_cancels"
	}
	x := neededCounts(b)
	itemCol, itemKept := "", ""
	if x.items || x.lines {
		// A missing item is no id (data's keepItem): NULL here.
		itemCol = ",\n    CASE WHEN " + d.isMissing(col(c.Item)) + " THEN NULL ELSE " + d.asText(col(c.Item)) + " END AS item"
		itemKept = ", item"
	}
	q.cte("order_lines", "SELECT "+d.customerID(col(c.Customer))+" AS customer,\n    "+d.asDouble(d.logDay(col(c.Time), form))+
		" AS day,\n    "+amount+" AS amount,\n    "+qty+" AS qty,\n    "+order+" AS order_id"+itemCol+statusCol+"\n  FROM "+d.table(o.OrdersTable)+" AS "+src+purchases)
	// A line is cancelled by a negative quantity or amount (or its
	// status); an invoice "C" + digits only (data's cancelInvoice: what is
	// left once the digits are removed from the rest is empty, in nested
	// REPLACEs that every dialect has) marks a line of negative amount as
	// no discount; lines without a customer are left out.
	rest := withoutDigits("SUBSTR(order_id, 2)")
	cInvoice := "LENGTH(order_id) > 1 AND UPPER(SUBSTR(order_id, 1, 1)) = 'C' AND LENGTH(" + rest + ") = 0"
	notStatus := ""
	if status != "" {
		notStatus = " AND NOT status_cancels = 1"
	}
	sale := "qty >= 0.0 AND amount >= 0.0" + notStatus + "\n    AND NOT " + d.isMissing("customer")
	lines, discount := "order_lines", ""
	if c.Order != "" {
		// A line of negative amount (its quantity not negative) under
		// the id of an order with a sale line is a discount (data's
		// finishDiscounts): its amount counts in the order's, its day,
		// quantity and item do not, and it is no cancellation.
		// status_cancels goes on: cancel_lines reads order_marks.
		q.cte("order_marks", "SELECT customer, day, amount, qty, order_id"+itemKept+statusKept+",\n"+
			"    CASE WHEN "+sale+" THEN 1 ELSE 0 END AS sale,\n"+
			"    CASE WHEN amount < 0.0 AND qty >= 0.0 AND order_id <> '' AND NOT ("+cInvoice+status+")\n"+
			"      AND NOT "+d.isMissing("customer")+" THEN 1 ELSE 0 END AS reduces,\n"+
			"    MAX(CASE WHEN "+sale+" THEN 1 ELSE 0 END) OVER (PARTITION BY customer, order_id) AS sold\n  FROM order_lines")
		lines, discount = "order_marks", " AND NOT (reduces = 1 AND sold = 1)"
		item := ""
		if itemKept != "" {
			item = ", CASE WHEN sale = 1 THEN item END AS item"
		}
		q.cte("kept", "SELECT customer, CASE WHEN sale = 1 THEN day END AS day, amount,\n"+
			"    CASE WHEN sale = 1 THEN qty ELSE 0.0 END AS qty, order_id"+item+" FROM order_marks\n"+
			"  WHERE sale = 1 OR reduces = 1 AND sold = 1")
	} else {
		q.cte("kept", "SELECT customer, day, amount, qty, order_id"+itemKept+" FROM order_lines\n  WHERE "+sale)
	}
	if x.cancels || x.refunds {
		// The lines kept out as cancellations (data's keepCancel): those
		// of one order id form one cancelled order, dated by its earliest.
		// A line that reverses a sale (a negative quantity or amount)
		// refunds its |amount|; one cancelled by its status
		// alone was never spend (data's CancelledOrder.Refund).
		refund, refunds, oneRefund := "", "", ""
		if x.refunds {
			refund = ",\n    CASE WHEN qty < 0.0 OR amount < 0.0 THEN ABS(amount) ELSE 0.0 END AS refund"
			refunds, oneRefund = ", SUM(refund) AS refund", ", refund"
		}
		q.cte("cancel_lines", "SELECT customer, day, order_id"+refund+" FROM "+lines+"\n  WHERE (qty < 0.0 OR amount < 0.0"+status+")\n    AND NOT "+d.isMissing("customer")+discount)
		q.cte("cancelled_orders", "SELECT customer, MIN(day) AS day"+refunds+" FROM cancel_lines\n"+
			"  WHERE order_id <> '' GROUP BY customer, order_id\n"+
			"  UNION ALL\n  SELECT customer, day"+oneRefund+" FROM cancel_lines WHERE order_id = ''")
	}
	// Lines sharing an order id form one order, dated by its earliest line.
	q.cte("orders_kept", "SELECT customer, MIN(day) AS day, SUM(amount) AS amount, SUM(qty) AS qty FROM kept\n"+
		"  WHERE order_id <> '' GROUP BY customer, order_id\n"+
		"  UNION ALL\n  SELECT customer, day, amount, qty FROM kept WHERE order_id = ''")
	if o.Cutoff.IsZero() {
		q.cte("cutoff", "SELECT MAX(day) AS day FROM orders_kept")
	} else {
		q.cte("cutoff", fmt.Sprintf("SELECT %d.0 AS day", dayOf(o.Cutoff)))
	}
	q.cte("history", "SELECT o.customer, o.day, o.amount, o.qty, c.day - o.day AS age\n"+
		"  FROM orders_kept o CROSS JOIN cutoff c WHERE o.day <= c.day")
	// No joins below: an engine without automatic indexes on CTEs (SQLite
	// before 3.4x) would compare every customer with every other.
	w := "OVER (PARTITION BY customer)"
	q.cte("gaps", "SELECT customer, day, amount, qty, age,\n"+
		"    day - LAG(day) OVER (PARTITION BY customer ORDER BY day) AS gap,\n"+
		"    (MAX(day) "+w+" - MIN(day) "+w+") / NULLIF(COUNT(*) "+w+" - 1.0, 0.0) AS gap_mean\n  FROM history")
	from, n, counts, having := "gaps", d.asDouble("COUNT(*)"), "", ""
	if x.any() {
		from, n, having = x.stream(q, d, c, o.OrdersTable, form), "SUM(is_order)", "\n  HAVING SUM(is_order) > 0.0"
		counts = x.sums(d)
	}
	sh, lg := mustNum(data.ShortWindowDays), mustNum(data.LongWindowDays)
	total, recent, earlier := x.spend(d)
	q.cte("base", "SELECT customer, "+n+" AS n, MIN(age) AS recency, MAX(age) AS tenure,\n"+
		"    MAX(day) - MIN(day) AS span, "+total+" AS total, SUM(qty) AS units,\n"+
		"    SUM(CASE WHEN age < "+sh+" THEN 1.0 ELSE 0.0 END) AS in_short,\n"+
		"    SUM(CASE WHEN age < "+lg+" THEN 1.0 ELSE 0.0 END) AS in_long,\n"+
		"    "+recent+" AS recent,\n"+
		"    "+earlier+" AS earlier,\n"+
		"    SUM((gap - gap_mean) * (gap - gap_mean)) AS ss"+counts+"\n"+
		"  FROM "+from+" GROUP BY customer"+having)
	// A customer with one order has no interval yet: the mean is the days
	// since that order and the spread 0.
	q.cte("intervals", "SELECT customer, n, recency, tenure, total, units, in_short, in_long, recent, earlier, ss,"+x.names()+"\n"+
		"    CASE WHEN n >= 2.0 THEN span / (n - 1.0) ELSE tenure END AS interval_mean\n  FROM base")
	// short_history is the text retain predict --log writes, "true" or
	// "false", in every dialect (a comparison is 0 or 1 in SQLite and
	// MySQL).
	sel := []string{"customer AS id", "CASE WHEN tenure < " + mustNum(data.ShortHistoryDays) + " THEN " + d.str("true") +
		" ELSE " + d.str("false") + " END AS short_history"}
	events := x.eventFeatures()
	for _, pc := range b.Pipeline.Columns {
		expr := logFeatures[pc.Name]
		if col, ok := events[pc.Name]; ok {
			expr = col
		}
		if pc.Name == "basket_size_avg" && b.Source.ItemBaskets {
			expr = "line_count / n" // distinct items per order (data's basket without quantities)
		}
		sel = append(sel, expr+" AS "+d.ident(pc.Name))
	}
	q.cte("features", "SELECT "+strings.Join(sel, ",\n    ")+"\n  FROM intervals")
	return "features", nil
}

// foldedIn is the SQL condition that text (trimmed already: asText), in
// lower case, is one of words (data's comparison, for the words it lists
// in lower case).
func (d Dialect) foldedIn(text string, words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = d.str(w)
	}
	return "LOWER(" + text + ") IN (" + strings.Join(quoted, ", ") + ")"
}
