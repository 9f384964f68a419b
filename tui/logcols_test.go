package tui

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// itemsLogModel is the root at 80×24 over the Online Retail-like log of
// the Recommend screen's tests, read as customer id CustomerID.
func itemsLogModel(t *testing.T) (Model, string) {
	t.Helper()
	path, err := filepath.Abs("testdata/recommend/orders_items.csv")
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Source: experiment.Source{Kind: "log", Path: path}, Config: experiment.DefaultConfig(), Open: screentest.Open}
	m := loadedModel(t, opts, 80, 24)
	if m.data.Log.Columns.Customer != "CustomerID" {
		t.Fatalf("customer id read from %q", m.data.Log.Columns.Customer)
	}
	return m, path
}

// TestChosenLogColumnIsUsed: l on the Data screen, → (the customer id
// from CustomerID round to the first column, InvoiceNo) and enter read
// the log again with customer=InvoiceNo: its customers are then the
// log's invoices, 490 distinct InvoiceNo values as counted here from the
// file, where they were its CustomerID values.
func TestChosenLogColumnIsUsed(t *testing.T) {
	m, path := itemsLogModel(t)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	invoices := map[string]bool{}
	for _, r := range recs[1:] {
		invoices[r[0]] = true
	}
	m = sendKeys(t, m, "1", "l", "right", "enter")
	if m.err != nil {
		t.Fatalf("reading again: %v", m.err)
	}
	if got := m.data.Source.LogColumns; got != (data.LogColumns{Customer: "InvoiceNo"}) {
		t.Errorf("asked for columns %+v", got)
	}
	if got := m.data.Log.Columns.Customer; got != "InvoiceNo" || len(m.data.Log.Customers) != len(invoices) || len(invoices) != 490 {
		t.Errorf("customer id read from %q: %d customers, want the %d invoices", got, len(m.data.Log.Customers), len(invoices))
	}
	screentest.MustContain(t, screen(m), "customer id = InvoiceNo")
}

// TestFailedColumnsKeepTheData: the date read from Description (l, ↓,
// → five times: InvoiceDate round to Description) cannot be read as
// dates; the error panel says why, in the words experiment.Load gives
// for that source, and the log loaded before stays as it was.
func TestFailedColumnsKeepTheData(t *testing.T) {
	m, path := itemsLogModel(t)
	before := m.data
	m = sendKeys(t, m, "1", "l", "down", "right", "right", "right", "right", "right", "enter")
	_, want := experiment.Load(experiment.Source{Kind: "log", Path: path, LogColumns: data.LogColumns{Time: "Description"}}, screentest.Open)
	if want == nil {
		t.Fatal("the log reads with its descriptions as dates")
	}
	if m.err == nil || m.err.Error() != want.Error() {
		t.Fatalf("error %v, want %v", m.err, want)
	}
	if m.data != before || m.data.Source.LogColumns != (data.LogColumns{}) {
		t.Errorf("the data changed: columns %+v", m.data.Source.LogColumns)
	}
	view := screen(m)
	box := "Error  " + m.errorText(want) + " The previous data and settings are unchanged. esc dismisses this message."
	if got := screentest.JoinWrapped(screentest.PanelLines(view)...); got != box {
		t.Errorf("the error panel says\n%q\nwant\n%q", got, box)
	}
	screentest.MustContain(t, screen(sendKeys(t, m, "esc")), "customer id = CustomerID")
}
