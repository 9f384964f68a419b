package data

import (
	"strings"
	"testing"
)

// TestCopiesOfComparesInputsAndLabel counts the rows of a part that
// repeat a training row in the model's input cells and the label, the id
// left out (a join gives each copy its own id).
func TestCopiesOfComparesInputsAndLabel(t *testing.T) {
	text := "customer_id,plan,visits,churn\n" +
		"c1,basic,3,yes\n" + // row 0: training
		"c2,basic,3,yes\n" + // row 1: copy of row 0 but for the id
		"c3,pro,5,no\n" + // row 2: training
		"c4,pro,5,yes\n" + // row 3: row 2's inputs, another label: no copy
		"c5,basic,4,no\n" + // row 4: new inputs
		"c6,pro,5,no\n" + // row 5: copy of row 2
		"c7,basic,3,yes\n" + // row 6: copy of row 0
		"c8,pro,,no\n" + // row 7: training, visits blank
		"c9,pro,,no\n" + // row 8: copy of row 7, the blank included
		"c10,basic,5,no\n" // row 9: plan of row 0, visits of row 2: no copy
	tab, err := ReadCSV(strings.NewReader(text), "t.csv", CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range tab.Features() {
		if c.Name == "customer_id" {
			t.Fatal("customer_id read as a feature; the test needs it as the id")
		}
	}
	train, other := []int{0, 2, 7}, []int{1, 3, 4, 5, 6, 8, 9}
	// Rows 1, 5, 6 and 8, counted by hand from the comments above.
	if got := CopiesOf(tab, train, other); got != 4 {
		t.Errorf("CopiesOf = %d, want 4", got)
	}
	if got := CopiesOf(tab, train, nil); got != 0 {
		t.Errorf("CopiesOf of no rows = %d, want 0", got)
	}
}
