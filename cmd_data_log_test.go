package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// logAdvice ends the refusal of an order log given with --data.
const logAdvice = ": give it with --log instead of --data, which makes one row per customer and labels it by whether they order again\n"

// TestOrderLogGivenAsDataSuggestsLog: an order log given with --data used
// to be refused only for its label ("no label column found", or a
// "revenue" amount taken for a label with too many classes). The refusal
// now says it looks like an order log, with the customer and date columns
// it found, and to give it with --log. The CDNOW master's first 10,000
// lines hold 3,117 customers (counted with awk on the file: the distinct
// first fields of lines 2 to 10,001). From standard input, which cannot be
// read twice, the refusal stays as it was.
func TestOrderLogGivenAsDataSuggestsLog(t *testing.T) {
	if _, err := os.Stat(cdnowMaster); err != nil {
		t.Skipf("CDNOW master not available: %v", err)
	}
	noLabel := ": no label column found (looked for churn, label, target, revenue, exited, purchased, …); name it with --label COLUMN"
	mustRefuse(t, []string{"train", "--data", cdnowMaster},
		"retain: "+cdnowMaster+":1"+noLabel+"; it looks like an order log, not a table of one row per customer "+
			`(its first 10,000 lines hold 3,117 customers in column "customer_id", with dates in column "date")`+logAdvice)

	orders := filepath.Join(t.TempDir(), "orders.csv")
	text := "customer_id,order_date,revenue\n" +
		"c1,2024-01-02,10.5\nc2,2024-01-03,3\nc1,2024-02-01,7\nc3,2024-02-03,12\nc2,2024-02-05,4.25\nc1,2024-03-01,9\n"
	if err := os.WriteFile(orders, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	mustRefuse(t, []string{"eval", "--cv", "3", "--data", orders},
		"retain: "+orders+`: label column "revenue" has 6 classes ("10.5", "12", "3", "4.25", "7", …); it needs exactly two; `+
			"it looks like an order log, not a table of one row per customer "+
			`(its 6 lines hold 3 customers in column "customer_id", with dates in column "order_date")`+logAdvice)

	c := newCLI(t)
	c.app.stdin = strings.NewReader(text)
	if code := c.run(context.Background(), "train", "--data", "-"); code != exitUsage {
		t.Errorf("from stdin: exit %d, want 2", code)
	}
	if got, want := c.stderr.String(), "retain: <stdin>: label column \"revenue\" has 6 classes (\"10.5\", \"12\", \"3\", \"4.25\", \"7\", …); it needs exactly two\n"; got != want {
		t.Errorf("from stdin: stderr %q\nwant %q", got, want)
	}

	// A per-user table without a label is refused as before.
	users := filepath.Join(t.TempDir(), "users.csv")
	if err := os.WriteFile(users, []byte("user_id,signup_date,visits\nu1,2024-01-02,3\nu2,2024-01-03,5\nu3,2024-02-01,1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	mustRefuse(t, []string{"train", "--data", users}, "retain: "+users+":1"+noLabel+"\n")
}
