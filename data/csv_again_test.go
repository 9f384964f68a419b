package data

import (
	"bufio"
	"io"
	"os"
	"strings"
	"testing"
)

// TestReadCSVAgain: the input a table was read from can be read again
// from its start without opening it again: text through its
// io.ReaderAt, a workbook as the CSV text it was converted to; a text
// stream cannot be, and again is nil.
func TestReadCSVAgain(t *testing.T) {
	const text = "customer,churn\na,yes\nb,no\n"
	if _, again, err := ReadCSVAgain(strings.NewReader(text), "t.csv", CSVOptions{}); err != nil || again == nil {
		t.Errorf("text: %v, again %v", err, again != nil)
	} else if b, _ := io.ReadAll(again()); string(b) != text {
		t.Errorf("text again: %q", b)
	}
	if _, again, err := ReadCSVAgain(io.MultiReader(strings.NewReader(text)), "<stdin>", CSVOptions{}); err != nil || again != nil {
		t.Errorf("stream: %v, again %v", err, again != nil)
	}
	// A refused table can be read again too (the look at an order log
	// given as a table follows its refusal).
	f, err := os.Open("testdata/xlsx/orders.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, again, err := ReadCSVAgain(f, "orders.xlsx", CSVOptions{})
	if err == nil || again == nil {
		t.Fatalf("workbook: %v, again %v", err, again != nil)
	}
	first, _ := bufio.NewReader(again()).ReadString('\n')
	if want := "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n"; first != want {
		t.Errorf("workbook again starts %q, want the converted header %q", first, want)
	}
}
