package data

import (
	"bytes"
	"strings"
	"testing"
)

// A number cell without a number (blank, NA, N/A, NaN, null, "-") keeps
// its line's order, read as 0, and is counted with the first such cell;
// lines left out (no customer, cancelled) are not counted.
func TestOrderLogBlankNumbers(t *testing.T) {
	text := "customer,date,invoice,qty,price\n" +
		"a,2020-01-01,1,2,5\n" + // 10
		"a,2020-01-01,1,,5\n" + // line 3: blank quantity, 0 added to order 1
		"b,2020-01-02,2,1,N/A\n" + // line 4: price "N/A", order 2 is 0
		",2020-01-02,3,1,\n" + // no customer: left out, not counted
		"c,2020-01-03,C4,-1,\n" + // cancelled: not counted
		"c,2020-01-04,5,NaN,null\n" + // line 7: both, counted once, the first cell (qty)
		"d,2020-01-05,6,3,2.5\n" // 7.5
	log, err := ReadOrderLog(strings.NewReader(text), "log.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Hand-computed from the lines above.
	want := []struct {
		cust      string
		amount, q float64
	}{{"a", 10, 2}, {"b", 0, 1}, {"c", 0, 0}, {"d", 7.5, 3}}
	if len(log.Orders) != len(want) {
		t.Fatalf("%d orders, want %d: %+v", len(log.Orders), len(want), log.Orders)
	}
	for i, w := range want {
		o := log.Orders[i]
		if log.Customers[o.Customer] != w.cust || o.Amount != w.amount || o.Quantity != w.q {
			t.Errorf("order %d: %s amount %v qty %v, want %s %v %v", i, log.Customers[o.Customer], o.Amount, o.Quantity, w.cust, w.amount, w.q)
		}
	}
	if log.MissingCustomer != 1 || log.Cancelled != 1 {
		t.Errorf("missing customer %d, cancelled %d; want 1 and 1", log.MissingCustomer, log.Cancelled)
	}
	wantBlank := BlankNumbers{Lines: 3, Line: 3, Column: 4, Role: "quantity", Cell: ""}
	if log.Blank != wantBlank {
		t.Errorf("blank = %+v, want %+v", log.Blank, wantBlank)
	}
	const note = "3 kept lines have no amount, price or quantity (the first: line 3, column 4, quantity blank): " +
		"their orders count and the missing number is read as 0, so spend and unit sums leave those lines out"
	if got := log.Blank.String(); got != note {
		t.Errorf("note:\n got %s\nwant %s", got, note)
	}
}

// One such line, written as a word, is named by its text; none gives no note.
func TestOrderLogBlankNumbersOne(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader("customer,date,amount\na,2020-01-01,5\nb,2020-01-02,NaN\n"), "log.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	const note = `1 kept line has no amount, price or quantity (the first: line 3, column 3, amount "NaN"): ` +
		"their orders count and the missing number is read as 0, so spend and unit sums leave those lines out"
	if got := log.Blank.String(); got != note {
		t.Errorf("note:\n got %s\nwant %s", got, note)
	}
	log, err = ReadOrderLog(strings.NewReader("customer,date,amount\na,2020-01-01,5\n"), "log.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := log.Blank.String(); got != "" {
		t.Errorf("note without blanks = %q, want none", got)
	}
}

// A null amount in a Parquet log is a blank cell: the order counts, at 0.
func TestOrderLogBlankNumbersParquet(t *testing.T) {
	cols := []pqCol{{"customer", "string"}, {"date", "date"}, {"amount", "double"}}
	rows := [][]string{{"a", "2020-01-01", "5"}, {"b", "2020-01-02", ""}, {"a", "2020-01-03", "2.5"}, {"b", "2020-01-04", ""}}
	pq := writeParquet(t, cols, rows, 0)
	log, err := ReadOrderLog(bytes.NewReader(pq), "log.parquet", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(log.Orders) != 4 || log.Orders[1].Amount != 0 || log.Orders[2].Amount != 2.5 {
		t.Fatalf("orders %+v, want 4 with amounts 5, 0, 2.5, 0", log.Orders)
	}
	// Parquet rows are numbered as lines after a header line, as CSV's;
	// parquet-go's Group orders the columns by name, so amount is column 1.
	want := BlankNumbers{Lines: 2, Line: 3, Column: 1, Role: "amount", Cell: ""}
	if log.Blank != want {
		t.Errorf("blank = %+v, want %+v", log.Blank, want)
	}
}
