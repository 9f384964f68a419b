package anomaly

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
)

// TestBooleanReasonReadsInTheFilesSpelling: a yes/no column's reason read
// "phone 0, expected 1 (typical 1)"; it reads in the file's own words.
// The networks are set to reconstruct phone far above its range, so its
// expected value is the top, Yes; 24 of the 30 rows say Yes, so the
// median, the typical value, is Yes too; row 0 says No.
func TestBooleanReasonReadsInTheFilesSpelling(t *testing.T) {
	var b strings.Builder
	b.WriteString("spend,phone\n")
	for i := range 30 {
		phone := "Yes"
		if i%5 == 0 {
			phone = "No"
		}
		fmt.Fprintf(&b, "%d,%s\n", i%7, phone)
	}
	tab, err := data.ReadCSV(strings.NewReader(b.String()), "hand.csv", data.CSVOptions{NoLabel: true})
	if err != nil {
		t.Fatal(err)
	}
	if c := tab.Column("phone"); c.Kind != data.Boolean {
		t.Fatalf("phone read as %v, want boolean", c.Kind)
	}
	pipe := DefaultPipeline()
	pipe.MinGroup = 1
	run, err := Prepare(tab, Options{Members: 1, Trim: -1, Pipeline: &pipe})
	if err != nil {
		t.Fatal(err)
	}
	params := run.Net.Params()
	for i := range params {
		params[i] = 0
	}
	copy(run.Net.Layers[len(run.Net.Layers)-1].B, []float64{0, 50}) // spend, phone
	res, err := run.Finish(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Reasons(0, 2) {
		if r.Column != "phone" {
			continue
		}
		if got, want := r.String(), "phone No, expected Yes (typical Yes)"; got != want {
			t.Errorf("%q, want %q", got, want)
		}
		if r.Value != 0 || r.Expected != 1 {
			t.Errorf("value %v expected %v: the numbers stay 0 and 1 beside the words", r.Value, r.Expected)
		}
		return
	}
	t.Fatal("no reason for phone")
}
