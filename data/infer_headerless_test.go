package data

import "testing"

// TestHeaderReadsAsData: a first line of numbers and dates (split at
// spaces too) is data; one name among them, or no cell, is a header.
func TestHeaderReadsAsData(t *testing.T) {
	for _, c := range []struct {
		header []string
		want   bool
	}{
		{[]string{"00004 0001 19970101  2   29.33"}, true},
		{[]string{"7", "2024-05-01", "3.5"}, true},
		{[]string{"12/31/2023", "-4", "1e3"}, true},
		{[]string{"id", "2024", "3"}, false},
		{[]string{"customerID", "tenure", "Churn"}, false},
		{[]string{"", " "}, false},
	} {
		if got := headerReadsAsData(c.header); got != c.want {
			t.Errorf("%q: %v, want %v", c.header, got, c.want)
		}
	}
}
