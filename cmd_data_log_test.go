package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retainlab/retain/internal/shareddata"
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
	shareddata.Need(t, cdnowMaster)
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

// TestOrderLogWithALabelGivenAsDataWarns: an order log given with --data
// whose label is found (a yes/no column named churn) or named with
// --label is trained on one row per line as before, but no longer without
// a word: stderr first says it looks like an order log and that --log
// makes one row per customer. Its 90 lines hold 30 customers (c00..c29,
// each on three lines).
func TestOrderLogWithALabelGivenAsDataWarns(t *testing.T) {
	dir := t.TempDir()
	orders := filepath.Join(dir, "orders.csv")
	var b strings.Builder
	b.WriteString("customer_id,order_date,amount,churn\n")
	for i := range 90 {
		fmt.Fprintf(&b, "c%02d,2024-%02d-%02d,%d.5,%s\n", i%30, 1+i%12, 1+i%28, 5+i*7%40, []string{"no", "yes"}[i/3%2])
	}
	if err := os.WriteFile(orders, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	want := "warning: " + orders + `: it looks like an order log, not a table of one row per customer (its 90 lines hold 30 customers in column "customer_id", ` +
		`with dates in column "order_date"): each line is read as a row of its own; ` +
		"give it with --log instead of --data for one row per customer, labelled by whether they order again"
	for _, args := range [][]string{nil, {"--label", "churn"}} {
		c := newCLI(t)
		args = append([]string{"train", "--data", orders, "--epochs", "1", "--layers", "4", "--out", filepath.Join(dir, "m.retain")}, args...)
		if code := c.run(context.Background(), args...); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, c.stderr.String())
		}
		if first, _, _ := strings.Cut(c.stderr.String(), "\n"); first != want {
			t.Errorf("%v: stderr begins\n%q\nwant\n%q", args, first, want)
		}
	}
}

// TestHeaderlessLogGivenAsDataWithLabel: a headerless whitespace order log
// (CDNOW's layout) given with --data and a --label it cannot hold was
// refused with its first data line as the column list and no word of a
// log: the refusal now says the first line reads as data, so the file
// seems to have no header row, and that it looks like an order log to give
// with --log — as it does without --label. The 30 lines hold customers 1
// to 10 (i mod 10), each line one order.
func TestHeaderlessLogGivenAsDataWithLabel(t *testing.T) {
	var b strings.Builder
	for i := range 30 {
		fmt.Fprintf(&b, " %05d %04d 1997%02d%02d  %d   %d.%02d\n", 1+i%10, 1+i%10, 1+i%12, 1+i%28, 1+i%3, 10+i, i)
	}
	path := writeFile(t, "orders.txt", b.String())
	headerless := "; its first line reads as data (every cell a number or a date), so the file seems to have no header row: " +
		"a table needs a first line naming its columns"
	look := "; it looks like an order log, not a table of one row per customer (its 30 lines hold 10 customers in column 1, with dates in column 3)"
	mustRefuse(t, []string{"train", "--data", path, "--label", "x"},
		"retain: "+path+`:1: no column named "x" for the label (columns: 00001 0001 19970101  1   10.00)`+headerless+look+logAdvice)
	mustRefuse(t, []string{"train", "--data", path},
		"retain: "+path+":1: no label column found (looked for churn, label, target, revenue, exited, purchased, …); name it with --label COLUMN"+
			headerless+look+logAdvice)
}
