package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// twinsCSV is 200 customers with distinct ids over four input rows (two
// per class), as a join that copies rows gives them: every held-out row
// repeats a training row but for its id.
func twinsCSV() string {
	var b strings.Builder
	b.WriteString("customer_id,plan,visits,churn\n")
	for i := range 200 {
		plan := []string{"basic", "pro"}[i/2%2]
		visits, churn := 3, "yes"
		if i%2 == 1 {
			visits, churn = 5, "no"
		}
		fmt.Fprintf(&b, "c%03d,%s,%d,%s\n", i, plan, visits, churn)
	}
	return b.String()
}

const copiesTail = " repeat a training row in every input column and the label, so %s; " +
	"remove the repeated rows from the file (duplicates are dropped from the training part only)\n"

// TestTrainWarnsOfHeldOutCopies: train says how many validation and test
// rows copy a training row, and that their figures are optimistic. Of 100
// rows per class, --val 0.1 holds out 10 and --test 0.2 holds out 20 of
// each: 20 and 40 rows, all copies.
func TestTrainWarnsOfHeldOutCopies(t *testing.T) {
	path := writeFile(t, "twins.csv", twinsCSV())
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--data", path, "--epochs", "1", "--test", "0.2"); code != 0 {
		t.Fatalf("exit %d: %s", code, c.stderr.String())
	}
	for _, want := range []string{
		"warning: " + path + ": 20 of the 20 validation rows (100.0 %)" + fmt.Sprintf(copiesTail, "the validation figures and early stopping are optimistic"),
		"warning: " + path + ": 40 of the 40 test rows (100.0 %)" + fmt.Sprintf(copiesTail, "the test figures are optimistic"),
	} {
		if !strings.Contains(c.stderr.String(), want) {
			t.Errorf("stderr lacks\n%s\ngot\n%s", want, c.stderr.String())
		}
	}
}

// TestEvalCVWarnsOfHeldOutCopiesPerFold: with 2 folds each held-out fold
// is 100 rows and the early-stopping share 10 % of the other 100 (5 per
// class), all copies of the rows the fold trains on.
func TestEvalCVWarnsOfHeldOutCopiesPerFold(t *testing.T) {
	path := writeFile(t, "twins.csv", twinsCSV())
	c := newCLI(t)
	if code := c.run(context.Background(), "eval", "--cv", "2", "--data", path, "--epochs", "1"); code != 0 {
		t.Fatalf("exit %d: %s", code, c.stderr.String())
	}
	for fold := 1; fold <= 2; fold++ {
		for _, want := range []string{
			fmt.Sprintf("warning: fold %d: 10 of the 10 validation rows (100.0 %%)", fold) + fmt.Sprintf(copiesTail, "the validation figures and early stopping are optimistic"),
			fmt.Sprintf("warning: fold %d: 100 of the 100 test rows (100.0 %%)", fold) + fmt.Sprintf(copiesTail, "the test figures are optimistic"),
		} {
			if !strings.Contains(c.stderr.String(), want) {
				t.Errorf("stderr lacks\n%s\ngot\n%s", want, c.stderr.String())
			}
		}
	}
}
