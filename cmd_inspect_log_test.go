package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestInspectOrderLogLine: inspect describes an order-log model's column
// roles as --log-columns takes them and its feature set once. The line used
// to print Go's struct dump and repeat itself: "columns {Customer: Time:
// Amount: Price: Quantity: Order: Item: Description:}, feature set feature
// set 2, …".
func TestInspectOrderLogLine(t *testing.T) {
	log := filepath.Join("testdata", "hostile", "log_good.csv")
	for _, tc := range []struct {
		roles []string
		want  string
	}{
		{nil, ", column roles detected when a log is read (none named), feature set 2, windows 30/90 days, trend 30 days.\n"},
		{[]string{"--log-columns", "customer=customer_id,time=order_date"},
			", column roles customer=customer_id,time=order_date, feature set 2, windows 30/90 days, trend 30 days.\n"},
	} {
		model := filepath.Join(t.TempDir(), "log_model.json")
		c := newCLI(t)
		args := append([]string{"train", "--log", log, "--epochs", "1", "--layers", "4", "--out", model}, tc.roles...)
		if code := c.run(context.Background(), args...); code != exitOK {
			t.Fatalf("%v: exit %d, stderr %q", args, code, c.stderr.String())
		}
		c = newCLI(t)
		if code := c.run(context.Background(), "inspect", "--model", model); code != exitOK {
			t.Fatalf("inspect: exit %d, stderr %q", code, c.stderr.String())
		}
		var line string
		for _, l := range strings.SplitAfter(c.stdout.String(), "\n") {
			if strings.HasPrefix(l, "Order log: ") {
				line = l
			}
		}
		if !strings.HasSuffix(line, tc.want) || strings.Count(line, "feature set") != 1 {
			t.Errorf("%v: %q, want it to end with %q", tc.roles, line, tc.want)
		}
	}
}
