package sqlexport

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// olistRows is an order log shaped as Olist's orders joined to their
// payments: an order id (hexadecimal, never "C" and digits), the customer,
// a purchase timestamp, order_status and payment_value, for 80 customers
// of 2 to 7 orders each over 2018. Every fifth order is "canceled" or
// "unavailable"; of those, every third is written as a refund (a negative
// payment_value) and every other one has a second line (another payment,
// a day later, which the order is dated before). Every sixth delivered
// order has a second payment line too. It returns the header, the rows
// and the number of orders and of cancelled orders, counted as written.
func olistRows() (header []string, rows [][]string, orders, cancelled int) {
	header = []string{"order_id", "customer_unique_id", "order_purchase_timestamp", "order_status", "payment_value"}
	rng := rand.New(rand.NewPCG(11, 3))
	start := time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)
	n := 0
	for c := range 80 {
		cust := fmt.Sprintf("%032x", 0xabc0000+c*977)
		for range 2 + rng.IntN(6) {
			n++
			id := fmt.Sprintf("e%031x", n*7919)
			at := start.Add(time.Duration(rng.IntN(240*24*60)) * time.Minute)
			stamp := func(t time.Time) string { return t.Format(time.DateTime) }
			value := fmt.Sprintf("%.2f", 10+rng.Float64()*290)
			if n%5 != 0 {
				orders++
				rows = append(rows, []string{id, cust, stamp(at), "delivered", value})
				if n%6 == 0 {
					rows = append(rows, []string{id, cust, stamp(at.Add(2 * time.Hour)), "delivered", "12.50"})
				}
				continue
			}
			cancelled++
			status := "canceled"
			if n%10 == 0 {
				status = "unavailable"
			}
			if n%15 == 0 {
				value = "-" + value
			}
			rows = append(rows, []string{id, cust, stamp(at), status, value})
			if n%2 == 1 {
				rows = append(rows, []string{id, cust, stamp(at.Add(24 * time.Hour)), status, "7.25"})
			}
		}
	}
	return header, rows, orders, cancelled
}

// A log with order ids and an order status column, as Olist's: the query
// keeps its cancelled orders (by status, with refunds and second lines)
// apart as retain predict does, counts them for cancel_share and nets the
// refunds out of the spend (SQLite). The query used to read status_cancels
// from order_marks, which did not carry it: no such column.
func TestSQLiteMatchesPredictWithOrderIDsAndAStatusColumn(t *testing.T) {
	checkStatusWithOrderIDs(t, openSQLite, SQLite)
}

// checkStatusWithOrderIDs trains on olistRows and compares the query of d,
// run in the database open gives, with retain predict at the cutoff.
func checkStatusWithOrderIDs(t *testing.T, open func(t *testing.T) *sql.DB, d Dialect) {
	header, rows, orders, cancelled := olistRows()
	file := writeLog(t, "olist.csv", header, rows)
	cut := time.Date(2018, 7, 1, 0, 0, 0, 0, time.UTC)
	model := train(t, experiment.Source{Kind: "log", Path: file, Cutoff: cut, HorizonDays: 30},
		func(c *experiment.Config) { c.Hidden = []engine.LayerSpec{{Units: 8, Activation: engine.ReLU}} })
	mustUse(t, model, "cancel_share", "monetary_total")
	want := data.LogColumns{Customer: "customer_unique_id", Time: "order_purchase_timestamp", Amount: "payment_value",
		Order: "order_id", Status: "order_status"}
	if model.Source.DetectedLogColumns != want {
		t.Fatalf("the model records the roles %+v, want %+v", model.Source.DetectedLogColumns, want)
	}
	log := readLogFile(t, file)
	if len(log.Orders) != orders || len(log.CancelledOrders) != cancelled {
		t.Fatalf("%d orders and %d cancelled orders, want %d and %d", len(log.Orders), len(log.CancelledOrders), orders, cancelled)
	}
	refunded := 0
	for _, o := range log.CancelledOrders {
		if o.Refund > 0 {
			refunded++
		}
	}
	if refunded == 0 {
		t.Fatal("no cancelled order takes money back: the test would not cover refunds")
	}
	checkLogIn(t, open, d, model, log, time.Date(2018, 8, 15, 0, 0, 0, 0, time.UTC), header, rows)
}
