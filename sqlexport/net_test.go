package sqlexport

import (
	"os"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

// A model of feature set 3 (handOrdersNet: monetary_total and spend_trend
// among its inputs) scores in SQLite as retain predict scores it on a log
// with every case of the netting (data's cohort_net_test.go has the
// arithmetic): a refund in each trend window, a customer whose order is
// cancelled in full, a cancellation before the customer's first order and
// one after the cutoff (neither netted), a refund larger than the spend
// (floored at 0), a negative amount under an order id without a sale, and
// a sale cancelled in full whose net is a rounding residue (0).
func TestSQLiteMatchesPredictOnSpendNetOfCancellations(t *testing.T) {
	header := []string{"cust", "ordered_at", "amount", "invoice"}
	rows := [][]string{
		{"a", "2024-01-31", "100", "1"},
		{"a", "2024-02-05", "-30", "C3"},
		{"a", "2024-03-21", "30", "2"},
		{"a", "2024-03-21", "10", "2"},
		{"a", "2024-03-22", "-10", "C4"},
		{"a", "2024-04-10", "5", "15"},
		{"b", "2024-03-11", "50", "5"},
		{"b", "2024-03-11", "-50", "C6"},
		{"c", "2024-02-19", "-99", "C7"},
		{"c", "2024-03-01", "20", "8"},
		{"c", "2024-04-02", "-20", "C9"},
		{"d", "2024-03-26", "70", "10"},
		{"d", "2024-03-27", "-100", "C12"},
		{"e", "2024-02-20", "80", "13"},
		{"e", "2024-02-20", "-80", "R14"},
		{"f", "2024-03-26", "0.1", "16"},
		{"f", "2024-03-26", "0.2", "16"},
		{"f", "2024-03-26", "-0.3", "C17"},
	}
	file := writeLog(t, "net.csv", header, rows)
	model := handOrdersNet()
	// The hand model's layers, as a model file would describe them.
	model.Net.Architecture = engine.Architecture{Inputs: 5, Outputs: 1, Loss: engine.BCE,
		Hidden: []engine.LayerSpec{{Units: 2, Activation: engine.Tanh}}}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	log, err := data.ReadOrderLog(f, file, data.LogOptions{Columns: model.Source.LogColumns})
	if err != nil {
		t.Fatal(err)
	}
	checkLogIn(t, openSQLite, SQLite, model, log, time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC), header, rows)
}
