package data

import "testing"

// TestEncodedColumnsPlural: a one-hot encoding into one column was
// described as "1 columns".
func TestEncodedColumnsPlural(t *testing.T) {
	if got := encodedColumns(1); got != "1 column" {
		t.Errorf("encodedColumns(1) = %q", got)
	}
	if got := encodedColumns(4); got != "4 columns" {
		t.Errorf("encodedColumns(4) = %q", got)
	}
}
