package sqlexport

import (
	"bytes"
	"database/sql"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// cdnowEvents rewrites the CDNOW log as an event log: every order a
// "Purchase" event (in mixed case and with spaces, as the reader allows),
// and before each, two "view" events at other dates with other amounts, so
// that a query counting them would build other features.
func cdnowEvents(t *testing.T, path string) ([]string, [][]string) {
	t.Helper()
	_, rows := cdnowRows(t, path)
	rng := rand.New(rand.NewPCG(7, 7))
	header := []string{"customer_id", "event_time", "event_type", "number_of_cds", "dollar_value"}
	var out [][]string
	for _, r := range rows {
		day, err := time.Parse(time.DateOnly, r[1])
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			seen := day.AddDate(0, 0, -rng.IntN(60))
			out = append(out, []string{r[0], seen.Format(time.DateOnly), "view", "0", fmt.Sprintf("%.2f", rng.Float64()*100)})
		}
		out = append(out, []string{r[0], r[1], " Purchase ", r[2], r[3]})
	}
	return header, out
}

// An event log's model scores in SQL as retain predict scores it: the
// query counts the purchase events alone as orders and the views 0–29 and
// 0–89 days old as features, and refuses to run without the event column
// named.
func TestSQLiteMatchesPredictOnAnEventLog(t *testing.T) {
	header, rows := cdnowEvents(t, datasetPath(t, "cdnow/CDNOW_master.txt"))
	path := writeLog(t, "events.csv", header, rows)
	cut := time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC)
	model := train(t, experiment.Source{Kind: "log", Path: path, Cutoff: cut, HorizonDays: 90}, func(c *experiment.Config) {
		c.Hidden = []engine.LayerSpec{{Units: 8, Activation: engine.ReLU}}
	})
	mustUse(t, model, "event_view_30d", "event_view_90d")
	if model.Source.EventColumn != "event_type" {
		t.Fatalf("the model records event column %q, want event_type", model.Source.EventColumn)
	}
	log := readLogFile(t, path)
	// Two views for each of CDNOW's 69,659 orders are left out.
	if log.OtherEvents != 2*69659 || len(log.Orders) != 69659 {
		t.Fatalf("%d orders and %d other events, want 69,659 and 139,318", len(log.Orders), log.OtherEvents)
	}
	checkLogSQL(t, model, log, time.Date(1998, 3, 31, 0, 0, 0, 0, time.UTC), func(c *data.LogColumns) { c.Event = "" },
		`the model was trained on the purchases of an event log (event type column "event_type"): `+
			`add event=COL to --log-columns so that only the purchase events (purchase, purchased, buy, bought, transaction, order, ordered, checkout, sale, 购买, 下单, 支付, 成交) are counted`,
		header, rows)
}

// A log with an order status column: CDNOW's orders "delivered", and for
// every tenth a "Canceled" twin at another amount. The query leaves the
// cancelled ones out as retain predict does, counts them for cancel_share,
// and refuses to run without the status column named.
func TestSQLiteMatchesPredictWithAStatusColumn(t *testing.T) {
	path := datasetPath(t, "cdnow/CDNOW_master.txt")
	_, orders := cdnowRows(t, path)
	header := []string{"customer_id", "date", "order_status", "number_of_cds", "dollar_value"}
	var rows [][]string
	for i, r := range orders {
		rows = append(rows, []string{r[0], r[1], "delivered", r[2], r[3]})
		if i%10 == 0 {
			rows = append(rows, []string{r[0], r[1], "Canceled", r[2], "999.99"})
		}
	}
	file := writeLog(t, "status.csv", header, rows)
	cut := time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC)
	model := train(t, experiment.Source{Kind: "log", Path: file, Cutoff: cut, HorizonDays: 90},
		func(c *experiment.Config) { c.Hidden = []engine.LayerSpec{{Units: 8, Activation: engine.ReLU}} })
	mustUse(t, model, "cancel_share")
	if model.Source.StatusColumn != "order_status" {
		t.Fatalf("the model records status column %q, want order_status", model.Source.StatusColumn)
	}
	log := readLogFile(t, file)
	if len(log.Orders) != len(orders) || log.Cancelled != (len(orders)+9)/10 {
		t.Fatalf("%d orders and %d cancelled lines, want %d and %d", len(log.Orders), log.Cancelled, len(orders), (len(orders)+9)/10)
	}
	checkLogSQL(t, model, log, time.Date(1998, 3, 31, 0, 0, 0, 0, time.UTC), func(c *data.LogColumns) { c.Status = "" },
		`the model was trained on a log whose order status column ("order_status") marks cancellations: `+
			`add status=COL to --log-columns so that cancelled orders (`+strings.Join(data.CancelledStatuses(), ", ")+`) are left out`,
		header, rows)
}

// readLogFile reads the order log at path as retain does.
func readLogFile(t *testing.T, path string) *data.OrderLog {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	log, err := data.ReadOrderLog(f, path, data.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return log
}

// checkLogSQL scores log's customers at cutoff with model as retain
// predict does, checks that the query refuses without the role that
// drop blanks in the columns (want: its exact error) for a model that does
// not record the roles it read (one written before it did), that the
// model's recorded roles give the same query as the roles named, then
// runs the query in SQLite on the table's rows and compares.
func checkLogSQL(t *testing.T, model *experiment.Bundle, log *data.OrderLog, cutoff time.Time,
	drop func(*data.LogColumns), want string, header []string, rows [][]string) {
	t.Helper()
	if model.Source.DetectedLogColumns != log.Columns {
		t.Fatalf("the model records the roles %+v, the log read %+v", model.Source.DetectedLogColumns, log.Columns)
	}
	recorded, err := Build(model, Options{Dialect: SQLite, Cutoff: cutoff})
	if err != nil {
		t.Fatalf("export with the model's recorded roles: %v", err)
	}
	older := *model
	older.Source.DetectedLogColumns = data.LogColumns{}
	cols := log.Columns
	drop(&cols)
	if _, err := Build(&older, Options{Dialect: SQLite, Cutoff: cutoff, Columns: cols}); err == nil || err.Error() != want {
		t.Errorf("export without the column: %v\nwant %s", err, want)
	}
	named, err := Build(&older, Options{Dialect: SQLite, Cutoff: cutoff, Columns: log.Columns})
	if err != nil {
		t.Fatal(err)
	}
	if named != recorded {
		t.Error("the query from the model's recorded roles differs from the one from the roles named")
	}
	checkLogIn(t, openSQLite, SQLite, model, log, cutoff, header, rows)
}

// checkLogIn runs the query of model, written for d with the log's roles,
// on the table's rows in the database open gives, and compares it with
// retain predict at cutoff.
func checkLogIn(t *testing.T, open func(t *testing.T) *sql.DB, d Dialect, model *experiment.Bundle, log *data.OrderLog,
	cutoff time.Time, header []string, rows [][]string) {
	t.Helper()
	src := model.Source
	src.Cutoff = cutoff
	cur, err := experiment.CurrentOf(log, src)
	if err != nil {
		t.Fatal(err)
	}
	scored, err := model.ScoreCurrent(cur)
	if err != nil {
		t.Fatal(err)
	}
	text, err := Build(model, Options{Dialect: d, Cutoff: cutoff})
	if err != nil {
		t.Fatal(err)
	}
	db := open(t)
	loadTable(t, db, d, "orders", header, rows)
	compare(t, runSelect(t, db, text), scored.Scored, scored.Short)
}

// A log with order ids: a quarter of CDNOW's customers' orders (someCustomers) with ids "o<i>", every seventh a
// hexadecimal id that starts with "c" and a digit ("c<i>ab", an order:
// only "C" + digits is a cancelled invoice), every fifth other one a
// "C" + digits id on a sale (an order: a "C" id cancels only a negative
// line), and for every eleventh a cancelled twin "C<i>" of negative
// quantity and amount. The query keeps and leaves out the same lines as
// retain predict, and counts the same cancelled orders.
func TestSQLiteMatchesPredictWithHexOrderIDs(t *testing.T) {
	path := datasetPath(t, "cdnow/CDNOW_master.txt")
	_, orders := cdnowRows(t, path)
	orders = someCustomers(orders, 4)
	header := []string{"customer_id", "date", "order_id", "number_of_cds", "dollar_value"}
	var rows [][]string
	twins := 0
	for i, r := range orders {
		id := fmt.Sprintf("o%d", i)
		switch {
		case i%7 == 0:
			id = fmt.Sprintf("c%dab", i)
		case i%5 == 0:
			// "C" + digits on a sale: an order like any other.
			id = fmt.Sprintf("C%d", 1000000+i)
		}
		rows = append(rows, []string{r[0], r[1], id, r[2], r[3]})
		if i%11 == 0 {
			// "C" + digits on a negative line: a cancellation.
			rows = append(rows, []string{r[0], r[1], fmt.Sprintf("C%d", i), "-" + r[2], "-999.99"})
			twins++
		}
	}
	file := writeLog(t, "ids.csv", header, rows)
	cut := time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC)
	model := train(t, experiment.Source{Kind: "log", Path: file, Cutoff: cut, HorizonDays: 90},
		func(c *experiment.Config) { c.Hidden = []engine.LayerSpec{{Units: 8, Activation: engine.ReLU}} })
	mustUse(t, model, "cancel_share")
	log := readLogFile(t, file)
	if len(log.Orders) != len(orders) || log.Cancelled != twins {
		t.Fatalf("%d orders and %d cancelled lines, want %d and %d", len(log.Orders), log.Cancelled, len(orders), twins)
	}
	checkLogSQL(t, model, log, time.Date(1998, 3, 31, 0, 0, 0, 0, time.UTC), func(c *data.LogColumns) { c.Customer = "" },
		"the orders table's customer and time columns are not known: the model was trained with detected columns; "+
			"name them with --log-columns customer=COL,time=COL[,amount=COL,quantity=COL,price=COL,order=COL]", header, rows)
}

// A log of item lines without order ids: a quarter of CDNOW's customers' orders, each also as a
// second line of another item on the same day (and a third on every fifth
// one at another time of day). retain makes one order of a customer's
// lines on one day, and so does the query, which counts the distinct
// items too; without the item column named the export refuses.
func TestSQLiteMatchesPredictOnItemLinesWithoutOrderIDs(t *testing.T) {
	path := datasetPath(t, "cdnow/CDNOW_master.txt")
	_, orders := cdnowRows(t, path)
	orders = someCustomers(orders, 4)
	header := []string{"customer_id", "date", "sku", "number_of_cds", "dollar_value"}
	var rows [][]string
	for i, r := range orders {
		rows = append(rows, []string{r[0], r[1], "a", r[2], r[3]}, []string{r[0], r[1], "b", "1", "2.50"})
		if i%5 == 0 {
			rows = append(rows, []string{r[0], r[1] + " 18:30:00", "c", "2", "9.99"})
		}
	}
	file := writeLog(t, "items.csv", header, rows)
	cut := time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC)
	model := train(t, experiment.Source{Kind: "log", Path: file, Cutoff: cut, HorizonDays: 90},
		func(c *experiment.Config) { c.Hidden = []engine.LayerSpec{{Units: 8, Activation: engine.ReLU}} })
	mustUse(t, model, "distinct_items", "basket_size_avg")
	if !model.Source.DayBaskets {
		t.Fatal("the model does not record that its log's lines were grouped by day")
	}
	log := readLogFile(t, file)
	days := map[[2]string]bool{}
	for _, r := range orders {
		days[[2]string{r[0], r[1]}] = true
	}
	if len(log.Orders) != len(days) {
		t.Fatalf("%d orders, want %d (a customer's days)", len(log.Orders), len(days))
	}
	checkLogSQL(t, model, log, time.Date(1998, 3, 31, 0, 0, 0, 0, time.UTC), func(c *data.LogColumns) { c.Item = "" },
		"the model was trained on a log of item lines without order ids, in which one customer's lines on one day form one order: "+
			"add item=COL to --log-columns so that the query groups them the same way (or order=COL if the table has order ids)", header, rows)
}

// mustUse fails the test unless the model's features include every one of
// names.
func mustUse(t *testing.T, model *experiment.Bundle, names ...string) {
	t.Helper()
	for _, name := range names {
		if !slices.Contains(model.Features, name) {
			t.Fatalf("the model's features %v lack %s: the test would not cover it", model.Features, name)
		}
	}
}

// writeLog writes a header and rows as a CSV file named name in a
// temporary folder and returns its path; a cell with a comma or a quote
// is quoted.
func writeLog(t *testing.T, name string, header []string, rows [][]string) string {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(append([][]string{header}, rows...)); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}
