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

// twinsLog is an order log of 200 customers who each bought for 10.00
// on 2020-01-05; every fourth bought again on 2020-03-20, after the
// cutoff 2020-03-01 (the last date, c000's 2020-03-31, minus 30 days).
// Every customer has the same features at the cutoff, so every held-out
// customer has a training customer's features and label: different
// customers with one history, not lines anyone could remove.
func twinsLog() string {
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	for i := range 200 {
		fmt.Fprintf(&b, "c%03d,2020-01-05,10.00\n", i)
		if i%4 == 0 {
			fmt.Fprintf(&b, "c%03d,2020-03-20,10.00\n", i)
		}
	}
	b.WriteString("c000,2020-03-31,5.00\n")
	return b.String()
}

// TestTrainLogNamesSchemeAndCopiesAsCustomers: for an order log train
// names its random split, says how to get the TUI's out-of-time figure,
// and says that the repeated rows are customers with identical histories
// (no advice to remove rows from the file). 10 % of the 200 customers,
// stratified, is 20 held out.
func TestTrainLogNamesSchemeAndCopiesAsCustomers(t *testing.T) {
	path := writeFile(t, "twins.csv", twinsLog())
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--log", path, "--epochs", "1"); code != 0 {
		t.Fatalf("exit %d: %s", code, c.stderr.String())
	}
	src := path + " (order log, cutoff 2020-03-01, horizon 30 days)"
	for _, want := range []string{
		"Training on " + src + ": 180 train, 20 validation, 0 test rows (a random split of the customers at the cutoff, stratified by the label, seed 1)\n",
		// 2020-01-05 .. 2020-03-31 is 27 + 29 + 31 = 87 days; a 30-day
		// fold needs 3 × 30 + 1 = 91: backtest refuses the log, so no
		// backtest is suggested (review 27, finding 4).
		"note: " + path + ": validated at random among the customers at 2020-03-01, as the TUI would here: it validates an order log out of time by default, " +
			"but at this cutoff falls back to a random split: " + path + " runs 2020-01-05 .. 2020-03-31 (87 days), too short to backtest a 30-day horizon: " +
			"a fold needs 91 days of orders (its training cutoff's day with one horizon of history before it, then two horizons)\n",
		"warning: " + src + ": 20 of the 20 validation customers (100.0 %) have the same features and label as a training customer: " +
			"different customers with identical histories (one-time buyers of the same amount on the same day, say), not lines to remove from the log; " +
			"the network cannot tell them apart, in training or in use, so the validation figures stay a fair measure of customers like them. " +
			"To measure on later customers, as the model will be used, validate out of time (retain backtest); otherwise nothing needs doing\n",
	} {
		if !strings.Contains(c.stderr.String(), want) {
			t.Errorf("stderr lacks\n%s\ngot\n%s", want, c.stderr.String())
		}
	}
	if strings.Contains(c.stderr.String(), "remove the repeated rows") {
		t.Errorf("a log's customers are advised to be removed:\n%s", c.stderr.String())
	}
}
