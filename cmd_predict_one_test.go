package main

import (
	"context"
	"testing"
)

// One customer scored is "1 customer", not "1 customers".
func TestPredictLogSaysOneCustomer(t *testing.T) {
	_, model := trainLogModel(t, "2024-06-30", "30d")
	one := writeFile(t, "one.csv", "customer,date,amount\nz,2024-03-01,10\nz,2024-05-01,12\n")
	c := newCLI(t)
	if code := c.run(context.Background(), "predict", "--model", model, "--log", one); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	want := "scored 1 customer active at 2024-05-01; 1 has a short history (first order fewer than 90 days before; marked)"
	if got := lastLine(c.stderr.String()); got != want {
		t.Errorf("stderr %q\nwant   %q", got, want)
	}
}
