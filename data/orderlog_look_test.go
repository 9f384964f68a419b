package data

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestLookLikeOrderLog: a file whose customer ids repeat on dated lines
// looks like an order log; a table of one row per user (even with a date
// column), a file without a date column and one whose ids repeat too
// little do not.
func TestLookLikeOrderLog(t *testing.T) {
	const orders = "customer_id,order_date,amount\n" +
		"c1,2024-01-02,10.5\nc2,2024-01-03,3\nc1,2024-02-01,7\nc3,2024-02-03,12\nc2,2024-02-05,4.25\nc1,2024-03-01,9\n"
	look, ok := LookLikeOrderLog(strings.NewReader(orders), "o.csv")
	if want := (LogLook{Customer: "customer_id", Date: "order_date", Lines: 6, Customers: 3}); !ok || look != want {
		t.Errorf("orders: %+v %v, want %+v", look, ok, want)
	}
	for name, text := range map[string]string{
		"one row per user":   "user_id,signup_date,visits\nu1,2024-01-02,3\nu2,2024-01-03,5\nu3,2024-02-01,1\nu4,2024-02-03,8\n",
		"no date column":     "customer_id,visits,amount\nc1,3,10\nc1,5,4\nc2,1,7\nc2,8,2\n",
		"few repeats":        "customer_id,order_date,amount\nc1,2024-01-02,1\nc2,2024-01-03,2\nc3,2024-01-04,3\nc1,2024-01-05,4\nc4,2024-01-06,5\n",
		"unreadable dates":   "customer_id,order_date,amount\nc1,soon,1\nc1,later,2\n",
		"not a table at all": "\x00\x01\x02",
	} {
		if look, ok := LookLikeOrderLog(strings.NewReader(text), "t.csv"); ok {
			t.Errorf("%s: looks like a log: %+v", name, look)
		}
	}

	// A long log is judged on its first 10,000 lines.
	var b strings.Builder
	b.WriteString("customer,date\n")
	for i := range 12000 {
		fmt.Fprintf(&b, "c%d,2024-01-%02d\n", i%500, 1+i%28)
	}
	look, ok = LookLikeOrderLog(strings.NewReader(b.String()), "long.csv")
	if want := (LogLook{Customer: "customer", Date: "date", Lines: 10000, Customers: 500, Sampled: true}); !ok || look != want {
		t.Errorf("long log: %+v %v, want %+v", look, ok, want)
	}
	if want := `it looks like an order log, not a table of one row per customer (its first 10,000 lines hold 500 customers ` +
		`in column "customer", with dates in column "date")`; look.What() != want {
		t.Errorf("long log: %q\nwant %q", look.What(), want)
	}

	if got := (LogLook{Customer: "c", Date: "d", Lines: 2, Customers: 1}).What(); !strings.Contains(got, "(its 2 lines hold 1 customer in column") {
		t.Errorf("one customer: %q", got)
	}

	// Without a header (CDNOW's layout: id, date, quantity, amount), the
	// columns are numbered.
	look, ok = LookLikeOrderLog(strings.NewReader(" 00001 19970101 1 11.77\n 00002 19970112 1 12.00\n 00001 19970302 2 20.00\n 00002 19970402 1 9.00\n"), "cd.txt")
	if want := (LogLook{Customer: "1", Date: "2", Headerless: true, Lines: 4, Customers: 2}); !ok || look != want {
		t.Errorf("headerless: %+v %v, want %+v", look, ok, want)
	}
	if want := "it looks like an order log, not a table of one row per customer (its 4 lines hold 2 customers in column 1, " +
		"with dates in column 2)"; look.What() != want {
		t.Errorf("headerless: %q\nwant %q", look.What(), want)
	}
}

// TestLogLookErrorKeepsTheRefusal: the refusal of an order log read as a
// table says what it looks like after the table's own refusal, which
// errors.Is and errors.As still find. What to do about it is the
// program's to say (Advice): the data package names no flag or key.
func TestLogLookErrorKeepsTheRefusal(t *testing.T) {
	const orders = "customer_id,order_date,amount\n" +
		"c1,2024-01-02,10.5\nc2,2024-01-03,3\nc1,2024-02-01,7\nc3,2024-02-03,12\nc2,2024-02-05,4.25\nc1,2024-03-01,9\n"
	_, err := readString(orders, CSVOptions{})
	look, ok := LookLikeOrderLog(strings.NewReader(orders), "t.csv")
	if !errors.Is(err, ErrNoLabel) || !ok {
		t.Fatalf("err %v, looks like a log %v", err, ok)
	}
	lookErr := &LogLookError{Err: err, Look: look}
	want := "t.csv:1: no label column found (looked for churn, label, target, revenue, exited, purchased, …); " +
		`it looks like an order log, not a table of one row per customer (its 6 lines hold 3 customers in column "customer_id", ` +
		`with dates in column "order_date")`
	var lnf *LabelNotFoundError
	if lookErr.Error() != want || !errors.Is(lookErr, ErrNoLabel) || !errors.As(lookErr, &lnf) {
		t.Errorf("err %q\nwant %q", lookErr, want)
	}
	lookErr.Advice = ": open it as a log"
	if got := lookErr.Error(); got != want+": open it as a log" {
		t.Errorf("with advice: %q", got)
	}
}
