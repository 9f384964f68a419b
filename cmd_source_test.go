package main

import (
	"testing"

	"github.com/retainlab/retain/data"
)

func TestParseLogColumns(t *testing.T) {
	got, err := parseLogColumns(" customer=2, time=3 ,quantity=4,amount=5")
	want := data.LogColumns{Customer: "2", Time: "3", Quantity: "4", Amount: "5"}
	if err != nil || got != want {
		t.Fatalf("parseLogColumns = %+v, %v; want %+v", got, err, want)
	}
	if got, err := parseLogColumns(""); err != nil || got != (data.LogColumns{}) {
		t.Fatalf("empty: %+v, %v", got, err)
	}
	for _, bad := range []string{"customer", "shop=1", "time="} {
		if _, err := parseLogColumns(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
