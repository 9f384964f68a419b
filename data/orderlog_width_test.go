package data

import (
	"strings"
	"testing"
)

// Amounts in full-width digits and signs are read as their ASCII forms,
// with a note (review 38 #3): ¥１３９．１２ is 139.12, １，２３４．５０ (a
// full-width comma grouping thousands) 1,234.5, and an ASCII amount is
// untouched.
func TestFullWidthAmounts(t *testing.T) {
	const text = "客户,日期,金额\na,2020-01-01,¥１３９．１２\nb,2020-01-02,１，２３４．５０\nc,2020-01-03,7.25\n"
	log, err := ReadOrderLog(strings.NewReader(text), "cn.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{139.12, 1234.5, 7.25}
	for i, o := range log.Orders {
		if o.Amount != want[i] {
			t.Errorf("order %d: amount %v, want %v", i, o.Amount, want[i])
		}
	}
	if got := log.WidthNote(); got != `numbers written with full-width digits or signs ("１３９．１２") read as their ASCII forms ("139.12")` {
		t.Errorf("WidthNote %q", got)
	}
	ascii, err := ReadOrderLog(strings.NewReader("customer,date,amount\na,2020-01-01,5\n"), "a.csv", LogOptions{})
	if err != nil || ascii.WidthNote() != "" {
		t.Errorf("an ASCII log: %v, note %q", err, ascii.WidthNote())
	}
	if got, ok := foldWidth([]byte("－５　")); !ok || string(got) != "-5" {
		t.Errorf("foldWidth(－５　) = %q, %v", got, ok)
	}
}
