package btyd

import (
	"errors"
	"reflect"
	"testing"
)

// TestSummarize checks same-day merging, the period bounds and the weeks.
func TestSummarize(t *testing.T) {
	ps := []Purchase{
		{Customer: 9, Day: 100}, {Customer: 9, Day: 100}, // same day: one purchase
		{Customer: 9, Day: 114}, {Customer: 9, Day: 107},
		{Customer: 9, Day: 200},                         // after the period: ignored
		{Customer: 3, Day: 99}, {Customer: 3, Day: 121}, // day 99 is before it
		{Customer: 5, Day: 130},
	}
	got, err := Summarize(ps, 100, 128)
	if err != nil {
		t.Fatal(err)
	}
	want := []Customer{
		{ID: 3, X: 0, TX: 0, T: 1},
		{ID: 9, X: 2, TX: 2, T: 4},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if _, err := Summarize(ps, 300, 400); !errors.Is(err, ErrNoCustomers) {
		t.Errorf("empty period: err %v, want ErrNoCustomers", err)
	}
	if _, err := Summarize(ps, 10, 5); err == nil || err.Error() != "calibration period ends (day 5) before it starts (day 10)" {
		t.Errorf("reversed period: err %v", err)
	}
}

// TestFitRefusesBadSummary checks the input validation of Fit.
func TestFitRefusesBadSummary(t *testing.T) {
	_, _, err := Fit([]Customer{{ID: 7, X: 2, TX: 5, T: 3}})
	if err == nil || err.Error() != "customer 7 has an impossible summary x=2 t_x=5 T=3" {
		t.Errorf("err %v", err)
	}
	if _, _, err := Fit(nil); !errors.Is(err, ErrNoCustomers) {
		t.Errorf("no customers: err %v, want ErrNoCustomers", err)
	}
}
