package anomaly

import (
	"context"
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/retainlab/retain/data"
)

// constantTable is 40 users with two varying columns and two constant ones:
// frequency 1 for everyone (an order log where every customer bought once)
// and a blank segment for everyone.
func constantTable(t *testing.T) *data.Table {
	t.Helper()
	const n = 40
	ids, spend, visits, freq, seg := make([]string, n), make([]float64, n), make([]float64, n), make([]float64, n), make([]string, n)
	for i := range n {
		ids[i] = "u" + string(rune('A'+i%26)) + string(rune('a'+i/26))
		spend[i] = float64(10 + i*i%37)
		visits[i] = float64(i % 9)
		freq[i] = 1
	}
	tab, err := data.NewTable("once.csv", []*data.Column{data.NewIDColumn("customer_id", ids),
		data.NewNumericColumn("spend", spend), data.NewNumericColumn("frequency", freq),
		data.NewNumericColumn("visits", visits), {Name: "segment", Kind: data.Categorical, Strings: seg}}, data.Label{})
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

// TestConstantColumnsLeftOut: a column with the same value for every user
// took a large share of the score and led the reasons as "frequency 1,
// expected 1 (typical 1)" (review 14, M4): its error, near zero, was
// divided by a near-zero scale. It is left out of the model, named in
// Constant, and no row's reason names it. The network is untrained (its
// random weights reconstruct a constant input with some error, which the
// old code scaled up like any other input's).
func TestConstantColumnsLeftOut(t *testing.T) {
	tab := constantTable(t)
	pipe := DefaultPipeline()
	pipe.MinGroup = 1
	run, err := Prepare(tab, Options{Members: 1, Trim: -1, Pipeline: &pipe})
	if err != nil {
		t.Fatal(err)
	}
	res, err := run.Finish(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"frequency", "segment"}; !slices.Equal(res.Constant, want) {
		t.Errorf("Constant %q, want %q", res.Constant, want)
	}
	if want := []string{"spend", "visits"}; !slices.Equal(res.Columns, want) {
		t.Errorf("Columns %q, want %q", res.Columns, want)
	}
	for row := range tab.Rows {
		for _, r := range res.Reasons(row, DefaultReasons) {
			if r.Column == "frequency" || r.Column == "segment" {
				t.Fatalf("row %d: reason %q names a constant column", row, r.String())
			}
		}
	}
}

// TestOneValueWithBlanksIsNotConstant: a column of one value and some blanks
// differs in whether it is blank, so it stays.
func TestOneValueWithBlanksIsNotConstant(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		values []float64
		want   bool
	}{
		{[]float64{1, 1, 1}, true},
		{[]float64{nan, nan, nan}, true},
		{[]float64{1, nan, 1}, false},
		{[]float64{1, 1, 2}, false},
	} {
		if got := constantColumn(data.NewNumericColumn("x", c.values)); got != c.want {
			t.Errorf("%v: constant %v, want %v", c.values, got, c.want)
		}
	}
}

// TestEveryColumnConstant: with nothing left to tell users apart the run
// refuses, naming the columns.
func TestEveryColumnConstant(t *testing.T) {
	tab := constantTable(t)
	tab.Columns = []*data.Column{tab.Columns[0], tab.Columns[2], tab.Columns[4]}
	_, err := Prepare(tab, Options{Members: 1, Trim: -1})
	want := "bad column: once.csv: every feature column holds one value for every row (frequency, segment): nothing tells one user from another"
	if err == nil || err.Error() != want || !errors.Is(err, ErrColumn) {
		t.Fatalf("err %v, want %q", err, want)
	}
}

// TestClippedColumnsLeftOut: a column where fewer than MinGroup users
// differ from the common value is clipped to it by the preprocessing, so
// the model reads it as constant (an order log's orders_30d when 3 of 40
// customers ordered in the last 30 days read "orders_30d 0 exp 0 (typ 0)"
// as a top reason). It is left out too, and named in Clipped.
func TestClippedColumnsLeftOut(t *testing.T) {
	tab := constantTable(t)
	rare := make([]float64, tab.Rows)
	for i := range 3 {
		rare[i*13] = 5
	}
	tab.Columns = append(tab.Columns, data.NewNumericColumn("orders_30d", rare))
	run, err := Prepare(tab, Options{Members: 1, Trim: -1})
	if err != nil {
		t.Fatal(err)
	}
	res, err := run.Finish(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"orders_30d"}; !slices.Equal(res.Clipped, want) {
		t.Errorf("Clipped %q, want %q", res.Clipped, want)
	}
	if want := []string{"spend", "visits"}; !slices.Equal(res.Columns, want) {
		t.Errorf("Columns %q, want %q", res.Columns, want)
	}
	for row := range tab.Rows {
		for _, r := range res.Reasons(row, DefaultReasons) {
			if r.Column == "orders_30d" {
				t.Fatalf("row %d: reason %q names a column the model reads as constant", row, r.String())
			}
		}
	}
}
