package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// cancelledOrderLog writes an order log of 120 customers over 2024 in the
// Online Retail layout, with items, where every 7th order is followed by
// its cancellation (an invoice "C…" of negative quantity). It returns the
// path, the data lines written, the orders kept (the invoices not
// cancelled, each one line), the cancelled lines and the line number of
// the first of them, all counted here as they are written.
func cancelledOrderLog(t *testing.T) (path string, lines, orders, cancelled, firstCancelled int) {
	t.Helper()
	var b strings.Builder
	b.WriteString("InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n")
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	r := rand.New(rand.NewPCG(11, 5))
	inv := 1000
	for c := range 120 {
		mean := 5 + r.Float64()*40
		for day := r.IntN(120); day < 366; day += 1 + int(r.ExpFloat64()*mean) {
			inv++
			date := start.AddDate(0, 0, day).Format(time.DateOnly)
			fmt.Fprintf(&b, "%d,I%d,%d,%s,%d.50,c%03d\n", inv, (c+day)%15, 1+c%3, date, 2+c%5, c)
			lines++
			orders++
			if inv%7 == 0 {
				fmt.Fprintf(&b, "C%d,I%d,-1,%s,%d.50,c%03d\n", inv, (c+day)%15, date, 2+c%5, c)
				lines++
				cancelled++
				if firstCancelled == 0 {
					firstCancelled = lines + 1 // the header is line 1
				}
			}
		}
	}
	return writeFile(t, "cancelled.csv", b.String()), lines, orders, cancelled, firstCancelled
}

// Every command that reads an order log says, as train does, which column
// it read for each role and how many lines it left out, with why: none
// drops the cancelled lines silently.
func TestEveryLogCommandSaysWhatItLeftOut(t *testing.T) {
	log, lines, orders, cancelled, first := cancelledOrderLog(t)
	// The rule is the negative quantity, in the file's third column.
	loadNote := fmt.Sprintf("note: %s: %s lines make %s orders; left out: %d cancelled (%d for a negative quantity, the first on line %d, column 3)\n", log,
		thousandsOfInt(lines), thousandsOfInt(orders), cancelled, cancelled, first)
	roles := fmt.Sprintf("note: %s: columns read: customer id = CustomerID, date = InvoiceDate, price = UnitPrice, "+
		"quantity = Quantity, order id = InvoiceNo, item = StockCode\n", log)
	model := filepath.Join(t.TempDir(), "model.json")
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"train", []string{"train", "--log", log, "--cutoff", "2024-09-30", "--horizon", "30d", "--epochs", "1", "--out", model}},
		{"predict", []string{"predict", "--model", model, "--log", log}},
		{"plan", []string{"plan", "--model", model, "--log", log}},
		{"eval", []string{"eval", "--model", model, "--log", log, "--cutoff", "2024-11-30"}},
		{"anomalies", []string{"anomalies", "--log", log}},
		{"backtest", []string{"backtest", "--log", log, "--horizon", "30d", "--folds", "1", "--epochs", "1"}},
		{"recommend", []string{"recommend", "--log", log, "--horizon", "30d", "--top", "1"}},
	} {
		c := newCLI(t)
		if code := c.run(context.Background(), tc.args...); code != exitOK {
			t.Fatalf("%s: exit %d, stderr %s", tc.name, code, c.stderr.String())
		}
		stderr := c.stderr.String()
		if !strings.Contains(stderr, loadNote) || !strings.Contains(stderr, roles) {
			t.Errorf("%s does not say what it read and left out:\n%s\nwant\n%s%s", tc.name, stderr, roles, loadNote)
		}
	}
}

// thousandsOfInt writes n with comma thousands separators, independently
// of package data.
func thousandsOfInt(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
