package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

func TestTrainPrintsEveryColumnThatIsNotAFeature(t *testing.T) {
	var b strings.Builder
	b.WriteString("customerID,country,visits,churn\n")
	for i := range 60 {
		fmt.Fprintf(&b, "C%d,DE,%d,%s\n", i, i%9, []string{"no", "yes"}[i%3/2])
	}
	path := writeFile(t, "users.csv", b.String())
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--data", path, "--epochs", "1"); code != exitOK {
		t.Fatalf("exit %d: %s", code, c.stderr.String())
	}
	for _, want := range []string{
		"note: " + path + `: column "customerID" is not a feature: an identifier (every value is unique)` + "\n",
		"note: " + path + `: column "country" is not a feature: constant (a single value)` + "\n",
	} {
		if !strings.Contains(c.stderr.String(), want) {
			t.Errorf("stderr %q\nwant a line %q", c.stderr.String(), want)
		}
	}
}

func TestUnclearInputExitsTwo(t *testing.T) {
	gz := writeFile(t, "orders.csv", "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcb\xcc")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"train", "--log", "x.csv", "--horizon", "99999999999d"}, `--horizon "99999999999d": want at most 3,650 days (10 years)`},
		{[]string{"train", "--log", "x.csv", "--horizon", "600w"}, `--horizon "600w": want at most 3,650 days (10 years)`},
		{[]string{"train", "--data", gz}, "retain: " + gz + ":1: the compressed data ends early, within this line: the gzip file is truncated; copy it again (gzip -t checks a copy)\n"},
	}
	for _, tc := range cases {
		c := newCLI(t)
		if code := c.run(context.Background(), tc.args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", tc.args, code, c.stderr.String())
		}
		if !strings.Contains(c.stderr.String(), tc.want) {
			t.Errorf("%v: stderr %q, want it to contain %q", tc.args, c.stderr.String(), tc.want)
		}
	}
}

func TestTrainWarnsAboutOrdersDatedAfterToday(t *testing.T) {
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	for c := range 60 {
		for day := 1 + c%5; day <= 28; day += 3 + c%7 {
			fmt.Fprintf(&b, "u%d,2020-02-%02d,%d\n", c, day, 5+c%4)
		}
	}
	b.WriteString("u1,2099-01-01,5\n")
	path := writeFile(t, "orders.csv", b.String())
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--log", path, "--horizon", "7d", "--epochs", "1"); code != exitOK {
		t.Fatalf("exit %d: %s", code, c.stderr.String())
	}
	out := c.stderr.String()
	for _, want := range []string{"warning: " + path + ": 1 of ", " lines is dated after today (",
		"); the log's dates run 2020-02-01 .. 2099-01-01; the default cutoff ignores them (it is the last date up to today, 2020-02-28, minus the horizon)\n",
		"(order log, cutoff 2020-02-21, horizon 7 days)"} {
		if !strings.Contains(out, want) {
			t.Errorf("stderr %q\nwant it to contain %q", out, want)
		}
	}
}

// TestBinaryFileWithAQuoteIsRefusedAsBinary: bytes from /dev/urandom that
// hold a quoted field were refused as a CSV syntax error ("unexpected
// '\x02' after the closing quote of a field"); train says the file is
// binary, exit 2, as a table and as an order log.
func TestBinaryFileWithAQuoteIsRefusedAsBinary(t *testing.T) {
	junk := []byte("\x9c,\"\xa7\x11\"\x02")
	for i := range 600 {
		junk = append(junk, byte(i*73+i/7)) // every byte value, control bytes among them
	}
	path := writeFile(t, "binary.csv", string(junk))
	// 512: the bytes the readers look at first.
	want := "retain: " + path + ": the file is binary, not CSV text (NUL and other control bytes in its first 512 bytes)\n"
	mustRefuse(t, []string{"train", "--data", path}, want)
	mustRefuse(t, []string{"train", "--log", path}, want)
}
