package experiment

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
)

// labelledOrders is an order log of 6 lines and 3 customers (c1 three
// times, c2 twice, c3 once) with a yes/no column named like a label.
const labelledOrders = "customer_id,order_date,amount,churn\n" +
	"c1,2024-01-02,10.5,no\nc2,2024-01-03,3,yes\nc1,2024-02-01,7,no\nc3,2024-02-03,12,yes\nc2,2024-02-05,4.25,yes\nc1,2024-03-01,9,no\n"

// TestOrderLogWithALabelWarns: a file given as a table that reads as an
// order log, with a label found (churn) or named (--label), is read one
// row per line as before, but with a warning that it looks like an order
// log and that --log makes one row per customer (it used to say nothing;
// only a file without a label was refused, saying so). A file that cannot
// be opened again (standard input) and a table of one row per customer
// get no such warning.
func TestOrderLogWithALabelWarns(t *testing.T) {
	now := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	want := `o.csv: it looks like an order log, not a table of one row per customer (its 6 lines hold 3 customers in column "customer_id", ` +
		`with dates in column "order_date"): each line is read as a row of its own; ` +
		"give it with --log instead of --data for one row per customer, labelled by whether they order again"
	for _, label := range []string{"", "churn"} {
		d, err := LoadAt(Source{Kind: "csv", Path: "o.csv", Label: label}, stringOpener(labelledOrders), now)
		if err != nil {
			t.Fatalf("label %q: %v", label, err)
		}
		if d.Table.Rows != 6 || len(d.Warnings) != 1 || d.Warnings[0].String() != want {
			t.Errorf("label %q: %d rows, warnings %q\nwant 6 rows and %q", label, d.Table.Rows, d.Notes(), want)
		}
		if w, ok := d.Warnings[0].(*OrderLogWarning); !ok || w.Look != (data.LogLook{Customer: "customer_id", Date: "order_date", Lines: 6, Customers: 3}) {
			t.Errorf("label %q: warning %#v", label, d.Warnings[0])
		}
	}

	once := false
	openOnce := func(string) (io.ReadCloser, error) {
		if once {
			return nil, errors.New("standard input is read once")
		}
		once = true
		return io.NopCloser(strings.NewReader(labelledOrders)), nil
	}
	if d, err := LoadAt(Source{Kind: "csv", Path: "-"}, openOnce, now); err != nil {
		t.Errorf("read once: %v", err)
	} else if len(d.Warnings) != 0 {
		t.Errorf("read once: warnings %q", d.Notes())
	}

	users := "customer_id,signup_date,visits,churn\nc1,2024-01-02,3,no\nc2,2024-01-03,5,yes\nc3,2024-02-01,1,no\nc4,2024-02-03,2,yes\n"
	if d, err := LoadAt(Source{Kind: "csv", Path: "u.csv"}, stringOpener(users), now); err != nil {
		t.Errorf("users: %v", err)
	} else if len(d.Warnings) != 0 {
		t.Errorf("users: warnings %q", d.Notes())
	}
}

// TestOrderLogLookOpensTheFileOnce: the look at a table's file as an order
// log reads the input the table was read from (data.ReadCSVAgain) instead
// of opening the file a second time: a CSV file with a label (warned) and
// without one (refused), a Parquet file and a workbook (converted once)
// are each opened once, and the look is made as before.
func TestOrderLogLookOpensTheFileOnce(t *testing.T) {
	dir := t.TempDir()
	labelled := filepath.Join(dir, "labelled.csv")
	plain := filepath.Join(dir, "orders.csv")
	if err := os.WriteFile(labelled, []byte(labelledOrders), 0o600); err != nil {
		t.Fatal(err)
	}
	// The same log without its churn column: no label.
	var noLabel strings.Builder
	for _, line := range strings.SplitAfter(labelledOrders, "\n") {
		if i := strings.LastIndexByte(line, ','); i >= 0 {
			line = line[:i] + "\n"
		}
		noLabel.WriteString(line)
	}
	if err := os.WriteFile(plain, []byte(noLabel.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	look := data.LogLook{Customer: "customer_id", Date: "order_date", Lines: 6, Customers: 3}
	for _, c := range []struct {
		path   string
		refuse bool
		look   data.LogLook
	}{
		{labelled, false, look},
		{plain, true, look},
		// The workbook fixture (data/testdata/xlsx/orders.xlsx), Online
		// Retail II's columns: two sheets of 9 and 7 rows with a header
		// each (counted with Python's zipfile), 14 lines of 5 customers.
		{filepath.Join("..", "data", "testdata", "xlsx", "orders.xlsx"), true,
			data.LogLook{Customer: "Customer ID", Date: "InvoiceDate", Lines: 14, Customers: 5}},
	} {
		opens := 0
		open := func(p string) (io.ReadCloser, error) { opens++; return os.Open(p) }
		d, err := LoadAt(Source{Kind: "csv", Path: c.path}, open, time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC))
		var got data.LogLook
		var lookErr *data.LogLookError
		switch {
		case c.refuse && errors.As(err, &lookErr):
			got = lookErr.Look
		case !c.refuse && err == nil && len(d.Warnings) == 1:
			if w, ok := d.Warnings[0].(*OrderLogWarning); ok {
				got = w.Look
			}
		default:
			t.Fatalf("%s: %v", c.path, err)
		}
		if got != c.look || opens != 1 {
			t.Errorf("%s: look %+v, opened %d times; want %+v, once", c.path, got, opens, c.look)
		}
	}
}
