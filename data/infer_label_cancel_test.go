package data

import (
	"strings"
	"testing"
)

// TestCancelledIsALabel: a column named "cancelled" (or "canceled", any
// case) is found as the label without --label, as "churned" is; a table
// with both takes churned (labelNames' order).
func TestCancelledIsALabel(t *testing.T) {
	for _, c := range []struct{ header, want string }{
		{"tenure;cancelled;charges", "cancelled"},
		{"tenure;Canceled;charges", "Canceled"},
		{"cancelled;tenure;churned", "churned"}, // cancelled 3/5/7 here: a count
	} {
		var b strings.Builder
		b.WriteString(c.header + "\n")
		for i := range 30 {
			b.WriteString([]string{"3;0;1", "5;1;0", "7;0;1"}[i%3] + "\n")
		}
		tab, err := ReadCSV(strings.NewReader(b.String()), "t.csv", CSVOptions{})
		if err != nil {
			t.Fatalf("%s: %v", c.header, err)
		}
		if tab.Label.Name != c.want {
			t.Errorf("%s: label %q, want %q", c.header, tab.Label.Name, c.want)
		}
	}
}
