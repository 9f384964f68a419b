package sqlexport

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// retailRows rewrites a quarter of CDNOW's customers' orders (someCustomers) as invoice lines shaped like the UCI
// Online Retail log: one to four lines per invoice of items drawn from a
// skewed pool (an item repeated within an invoice now and then), and the
// awkward lines that log has: cancellations "C<invoice>" of a line, a
// blank item, a line of zero quantity, a line dated a day after the rest
// of its invoice, lines without a customer, stock adjustments (no
// customer, negative quantity, price 0), invoices without an id, coupon
// lines of a negative price in an invoice (before and after its other
// lines: discounts) and alone under their own id (cancelled). With
// quantity false the quantity column is left out and each line carries
// its amount instead of a unit price, in a column named Amount (read as
// the amount: its negative lines are what makes a "C" line a
// cancellation).
func retailRows(t *testing.T, quantity bool) ([]string, [][]string) {
	t.Helper()
	_, orders := cdnowRows(t, datasetPath(t, "cdnow/CDNOW_master.txt"))
	orders = someCustomers(orders, 4)
	rng := rand.New(rand.NewPCG(11, 3))
	header := []string{"InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"}
	if !quantity {
		header = []string{"InvoiceNo", "StockCode", "InvoiceDate", "Amount", "CustomerID"}
	}
	line := func(inv, item string, qty int, day string, price float64, cust string) []string {
		if quantity {
			return []string{inv, item, fmt.Sprint(qty), day, fmt.Sprintf("%.2f", price), cust}
		}
		return []string{inv, item, day, fmt.Sprintf("%.2f", price*float64(qty)), cust}
	}
	var rows [][]string
	for i, o := range orders {
		cust, day := o[0], o[1]
		inv := fmt.Sprint(500000 + i)
		if i%31 == 0 {
			inv = "" // no invoice id: each line its own order
		}
		next, err := time.Parse(time.DateOnly, day)
		if err != nil {
			t.Fatal(err)
		}
		coupon := line(inv, "COUPON", 1, next.AddDate(0, 0, -1).Format(time.DateOnly), -2.5, cust)
		if i%22 == 0 && inv != "" {
			rows = append(rows, coupon) // a discount before its order's lines, dated a day earlier
		}
		for k := range 1 + rng.IntN(4) {
			item := fmt.Sprintf("SKU%03d", int(200*rng.Float64()*rng.Float64()))
			qty, price := 1+rng.IntN(12), 0.5+float64(rng.IntN(2000))/100
			d := day
			switch {
			case k == 1 && i%17 == 0:
				item = ""
			case k == 1 && i%19 == 0:
				qty = 0
			case k == 1 && i%23 == 0:
				d = next.AddDate(0, 0, 1).Format(time.DateOnly) + " 09:15"
			}
			rows = append(rows, line(inv, item, qty, d, price, cust))
			if k == 0 && i%13 == 0 {
				rows = append(rows, line("C"+fmt.Sprint(500000+i), item, -qty, day, price, cust))
			}
		}
		if i%11 == 0 && inv != "" {
			rows = append(rows, line(inv, "COUPON", 1, day, -1.75, cust)) // a discount after them
		}
		if i%41 == 0 {
			// A negative amount under an order id with no sale: cancelled.
			rows = append(rows, line("R"+fmt.Sprint(500000+i), "SKU003", 1, day, -4, cust))
		}
		if i%29 == 0 {
			rows = append(rows, line(inv, "SKU001", 2, day, 1.25, ""))
		}
		if quantity && i%37 == 0 {
			rows = append(rows, line(fmt.Sprint(900000+i), "SKU002", -5, day, 0, ""))
		}
	}
	return header, rows
}

// An Online Retail-shaped log (items, quantities and unit prices,
// cancelled invoices, blank items and customers, stock adjustments)
// scores in SQL as retain predict scores it, with the features that count
// items and cancellations; without the item column named the export
// refuses.
func TestSQLiteMatchesPredictOnARetailLog(t *testing.T) {
	header, rows := retailRows(t, true)
	file := writeLog(t, "retail.csv", header, rows)
	cut := time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC)
	model := train(t, experiment.Source{Kind: "log", Path: file, Cutoff: cut, HorizonDays: 90},
		func(c *experiment.Config) { c.Hidden = []engine.LayerSpec{{Units: 8, Activation: engine.ReLU}} })
	mustUse(t, model, "distinct_items", "basket_size_avg", "cancel_share")
	log := readLogFile(t, file)
	if model.Source.ItemBaskets || log.Adjustments == 0 || log.Cancelled == 0 || log.MissingCustomer == 0 || log.Discounts == 0 {
		t.Fatalf("item baskets %v, %d stock adjustments, %d cancelled lines, %d without a customer, %d discount lines: the log does not have the lines the test is for",
			model.Source.ItemBaskets, log.Adjustments, log.Cancelled, log.MissingCustomer, log.Discounts)
	}
	checkLogSQL(t, model, log, time.Date(1998, 3, 31, 0, 0, 0, 0, time.UTC), func(c *data.LogColumns) { c.Item = "" },
		"the model uses distinct_items and no item column is named: add item=COL to --log-columns", header, rows)
}

// A log of items without quantities: basket_size_avg counts the distinct
// items of an order, in the query as in retain, and the model file says
// so (Source.ItemBaskets).
func TestSQLiteMatchesPredictOnItemsWithoutQuantities(t *testing.T) {
	header, rows := retailRows(t, false)
	file := writeLog(t, "items.csv", header, rows)
	cut := time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC)
	model := train(t, experiment.Source{Kind: "log", Path: file, Cutoff: cut, HorizonDays: 90, Exclude: []string{"distinct_items"}},
		func(c *experiment.Config) { c.Hidden = []engine.LayerSpec{{Units: 8, Activation: engine.ReLU}} })
	mustUse(t, model, "basket_size_avg", "cancel_share")
	if !model.Source.ItemBaskets {
		t.Fatal("the model does not record that its baskets counted items")
	}
	log := readLogFile(t, file)
	checkLogSQL(t, model, log, time.Date(1998, 3, 31, 0, 0, 0, 0, time.UTC), func(c *data.LogColumns) { c.Item = "" },
		"the model uses basket_size_avg, counted as the distinct items of an order (its log had no quantity column), and no item column is named: add item=COL to --log-columns",
		header, rows)
}
