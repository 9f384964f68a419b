package data

import (
	"math"
	"testing"
)

// Which columns hold years, by the rule YearLike states: the cases are
// read off that rule by hand.
func TestYearLike(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		name   string
		values []float64
		want   bool
	}{
		{"signup", []float64{1985, 2003, nan, 2024}, true}, // whole, all in 1900–2100
		{"signup", []float64{1985, 2003.5}, false},         // not whole
		{"spend", []float64{1950, 2099, 2250}, false},      // one beyond 2100
		{"spend", []float64{120, 1985}, false},             // one below 1900
		{"birth_year", []float64{1850, 1985}, true},        // a year's name: four digits
		{"YearBuilt", []float64{1872, 2010}, true},         // camel case
		{"model-yr", []float64{1899}, true},                // "yr" as a word
		{"Gründungsjahr", []float64{1899}, false},          // "jahr" not a word of its own
		{"Jahr", []float64{1899}, true},
		{"出生年份", []float64{1899}, true},               // holds 年份
		{"成立年", []float64{1899}, true},                // ends in 年
		{"年收入", []float64{1899, 5000}, false},         // annual income
		{"yearly_spend", []float64{1899}, false},      // "yearly" is no year
		{"years_active", []float64{3, 12}, false},     // a duration
		{"birth_year", []float64{1985, 12000}, false}, // five digits
		{"birth_year", []float64{nan, nan}, false},    // no present value
		{"signup", nil, false},                        // no value at all
	} {
		if got := YearLike(c.name, c.values); got != c.want {
			t.Errorf("YearLike(%q, %v) = %v, want %v", c.name, c.values, got, c.want)
		}
	}
	date := &Column{Name: "joined", Kind: Numeric, Date: true, Values: []float64{2000, 2001}}
	if date.YearLike() {
		t.Error("a date column whose day numbers lie in 1900–2100 reads as years")
	}
}
