package experiment

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
)

// TestCopyWarningsThreshold: a part warns from one copy in 20 of its rows
// and 10 copies on, and says so in English.
func TestCopyWarningsThreshold(t *testing.T) {
	cases := []struct {
		c    PartCopies
		want []CopyWarning
	}{
		{PartCopies{Val: 600, ValRows: 1000, Test: 9, TestRows: 100}, []CopyWarning{{"validation", 600, 1000, false}}}, // 9 < 10
		{PartCopies{Val: 49, ValRows: 1000, Test: 50, TestRows: 1000}, []CopyWarning{{"test", 50, 1000, false}}},       // 49·20 < 1,000 ≤ 50·20
		{PartCopies{Val: 16, ValRows: 1233}, nil},
	}
	for _, tc := range cases {
		if got := tc.c.Warnings(); !slices.Equal(got, tc.want) {
			t.Errorf("%+v: Warnings = %v, want %v", tc.c, got, tc.want)
		}
	}
	w := CopyWarning{"validation", 1234, 2466, false} // 1,234 / 2,466 = 50.04 %
	want := "1,234 of the 2,466 validation rows (50.0 %) repeat a training row in every input column and the label, " +
		"so the validation figures and early stopping are optimistic; remove the repeated rows from the file " +
		"(duplicates are dropped from the training part only)"
	if got := w.String(); got != want {
		t.Errorf("String =\n%s\nwant\n%s", got, want)
	}
	w = CopyWarning{"test", 30, 120, false} // 25 %
	want = "30 of the 120 test rows (25.0 %) repeat a training row in every input column and the label, " +
		"so the test figures are optimistic; remove the repeated rows from the file " +
		"(duplicates are dropped from the training part only)"
	if got := w.String(); got != want {
		t.Errorf("String =\n%s\nwant\n%s", got, want)
	}
}

// TestCopyWarningsOfALog: an order log's copies are customers with the
// same history; Warnings carries Log, and String says so, with no advice
// to remove rows.
func TestCopyWarningsOfALog(t *testing.T) {
	c := PartCopies{Val: 502, ValRows: 2357, Log: true} // 502 / 2,357 = 21.30 %
	want := []CopyWarning{{"validation", 502, 2357, true}}
	got := c.Warnings()
	if !slices.Equal(got, want) {
		t.Fatalf("Warnings = %v, want %v", got, want)
	}
	text := "502 of the 2,357 validation customers (21.3 %) have the same features and label as a training customer: " +
		"different customers with identical histories (one-time buyers of the same amount on the same day, say), not lines to remove from the log; " +
		"the network cannot tell them apart, in training or in use, so the validation figures stay a fair measure of customers like them. " +
		"To measure on later customers, as the model will be used, validate out of time (retain backtest); otherwise nothing needs doing"
	if s := got[0].String(); s != text {
		t.Errorf("String =\n%s\nwant\n%s", s, text)
	}
}

// TestSharedDatasetsRaiseNoCopyWarning: online_shoppers repeats some
// sessions and telco_churn some customers but for their ids, genuinely;
// the default split's validation part holds a few such copies, too few
// to warn.
func TestSharedDatasetsRaiseNoCopyWarning(t *testing.T) {
	for _, p := range []string{"online_shoppers/online_shoppers_intention.csv", "telco_churn/WA_Fn-UseC_-Telco-Customer-Churn.csv"} {
		d, err := Load(Source{Kind: "csv", Path: datasetPath(t, p)}, osOpen)
		if err != nil {
			t.Fatal(err)
		}
		e, err := New(d, DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		if e.Copies.Val == 0 || e.Copies.ValRows != e.Val.Rows {
			t.Errorf("%s: copies %+v, want some of the %d validation rows", p, e.Copies, e.Val.Rows)
		}
		if w := e.Copies.Warnings(); w != nil {
			t.Errorf("%s: warnings %v for copies %+v, want none", p, w, e.Copies)
		}
	}
}

// TestNewCountsCopiesOfTrainingRows: in a file whose every positive row
// has the same inputs, and every negative row too, each validation row
// repeats a training row, ids aside.
func TestNewCountsCopiesOfTrainingRows(t *testing.T) {
	d := twinData(t)
	e, err := New(d, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	want := PartCopies{Val: e.Val.Rows, ValRows: e.Val.Rows}
	if e.Copies != want || e.Val.Rows == 0 {
		t.Errorf("Copies = %+v, want %+v", e.Copies, want)
	}
}

// twinCSV is 200 customers with distinct ids over four input rows: the
// positives are (basic, 3) or (pro, 3), the negatives (basic, 5) or
// (pro, 5), as a join that copies a few rows many times would leave them.
func twinCSV() string {
	var b strings.Builder
	b.WriteString("customer_id,plan,visits,churn\n")
	for i := range 200 {
		plan := []string{"basic", "pro"}[i/2%2]
		visits, churn := 3, "yes"
		if i%2 == 1 {
			visits, churn = 5, "no"
		}
		fmt.Fprintf(&b, "c%03d,%s,%d,%s\n", i, plan, visits, churn)
	}
	return b.String()
}

func twinData(t *testing.T) *Data {
	t.Helper()
	d, err := Load(Source{Kind: "csv", Path: "twins.csv"}, func(string) (io.ReadCloser, error) {
		return io.NopCloser(strings.NewReader(twinCSV())), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}
