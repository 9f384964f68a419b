package data

import (
	"errors"
	"math"
	"testing"
)

func TestParseErrorFormat(t *testing.T) {
	cases := []struct {
		err  *ParseError
		want string
	}{
		{&ParseError{File: "a.csv", Line: 3, Column: 2, Msg: "bad"}, "a.csv:3:2: bad"},
		{&ParseError{File: "a.csv", Line: 3, Msg: "bad"}, "a.csv:3: bad"},
		{&ParseError{File: "a.csv", Msg: "bad"}, "a.csv: bad"},
	}
	for _, c := range cases {
		if got := c.err.Error(); got != c.want {
			t.Errorf("Error() = %q, want %q", got, c.want)
		}
	}
	var err error = parseErr("x", 1, 1, ErrRagged, "m")
	if !errors.Is(err, ErrRagged) {
		t.Errorf("errors.Is(%v, ErrRagged) = false", err)
	}
}

func TestKindString(t *testing.T) {
	want := map[Kind]string{Numeric: "numeric", Boolean: "boolean", Categorical: "categorical", ID: "id", Constant: "constant", Kind(9): "Kind(9)"}
	for k, s := range want {
		if k.String() != s {
			t.Errorf("%d.String() = %q, want %q", int(k), k.String(), s)
		}
	}
}

func TestNewTable(t *testing.T) {
	x := NewNumericColumn("x", []float64{1, math.NaN(), 3})
	id := NewIDColumn("cust", []string{"a", "b", "c"})
	tab, err := NewTable("cohort", []*Column{x, id}, Label{Name: "y", Values: []float64{0, 1, 1}, Positive: "1", Negative: "0"})
	if err != nil {
		t.Fatal(err)
	}
	if tab.Rows != 3 || tab.IDColumn != 1 || x.Missing != 1 {
		t.Errorf("Rows=%d IDColumn=%d Missing=%d, want 3 1 1", tab.Rows, tab.IDColumn, x.Missing)
	}
	if got := tab.Label.PositiveRate(); math.Abs(got-2.0/3) > 1e-15 {
		t.Errorf("PositiveRate = %v", got)
	}
	if f := tab.Features(); len(f) != 1 || f[0] != x {
		t.Errorf("Features = %v", f)
	}
	if ids := tab.IDs(); ids[2] != "c" {
		t.Errorf("IDs = %v", ids)
	}
	_, err = NewTable("s", []*Column{x, NewNumericColumn("short", []float64{1})}, Label{})
	if !errors.Is(err, ErrShape) || err.Error() != `inconsistent shape: s: column "short" has 1 rows, want 3` {
		t.Errorf("err = %v", err)
	}
	_, err = NewTable("s", []*Column{x}, Label{Name: "y", Values: []float64{0, 2, 1}})
	if !errors.Is(err, ErrLabelNotBinary) {
		t.Errorf("err = %v", err)
	}
}
