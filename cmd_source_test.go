package main

import (
	"testing"

	"github.com/retainlab/retain/data"
)

func TestParseLogColumns(t *testing.T) {
	got, err := parseLogColumns(" customer=2, time=3 ,quantity=4,amount=5")
	want := data.LogColumns{Customer: "2", Time: "3", Quantity: "4", Amount: "5"}
	if err != nil || got != want {
		t.Fatalf("parseLogColumns = %+v, %v; want %+v", got, err, want)
	}
	if got, err := parseLogColumns(""); err != nil || got != (data.LogColumns{}) {
		t.Fatalf("empty: %+v, %v", got, err)
	}
	for _, bad := range []string{"customer", "shop=1", "time="} {
		if _, err := parseLogColumns(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	// A role given twice kept the last column without a word.
	for bad, want := range map[string]string{
		"customer=ca,customer=cb": `role customer given twice ("ca" and "cb"): give each role one column`,
		"date=d,time=t":           `role time given twice ("d" and "t"): give each role one column`,
	} {
		if _, err := parseLogColumns(bad); err == nil || err.Error() != want {
			t.Errorf("%q: %v, want %s", bad, err, want)
		}
	}
}

// TestBuiltinFlagsWithAFileAreRefused: --builtin-users and --builtin-seed
// size and seed the built-in shop; given with --data or --log they used to
// be ignored without a word (the file was read, exit 0).
func TestBuiltinFlagsWithAFileAreRefused(t *testing.T) {
	users := writeFile(t, "users.csv", "x,churn\n1,yes\n2,no\n3,no\n4,yes\n5,no\n")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"train", "--data", users, "--builtin-users", "100"},
			"retain: --builtin-users applies to the built-in shop, not --data or --log\n"},
		{[]string{"train", "--log", users, "--builtin-seed", "3"},
			"retain: --builtin-seed applies to the built-in shop, not --data or --log\n"},
		{[]string{"eval", "--cv", "2", "--data", users, "--builtin-users", "100"},
			"retain: --builtin-users applies to the built-in shop, not --data or --log\n"},
		{[]string{"tune", "--data", users, "--builtin-seed", "2"},
			"retain: --builtin-seed applies to the built-in shop, not --data or --log\n"},
		{[]string{"anomalies", "--data", users, "--builtin-users", "100"},
			"retain: --builtin-users applies to the built-in shop, not --data or --log\n"},
		{[]string{"--data", users, "--builtin-users", "100"},
			"retain: --builtin-users applies to the built-in shop, not --data or --log\n"},
	}
	for _, tc := range cases {
		mustRefuse(t, tc.args, tc.want)
	}
}
