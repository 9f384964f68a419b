package main

import (
	"context"
	"testing"
)

// TestQualitySuiteFlagsNeedSuite: --sets and --candidates narrow the suite;
// without --suite they used to be ignored while the whole quality table
// (minutes of cross-validation) ran.
func TestQualitySuiteFlagsNeedSuite(t *testing.T) {
	datasets := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"quality", "--datasets", datasets, "--sets", "telco_churn"}, "retain: --sets applies with --suite\n"},
		{[]string{"quality", "--datasets", datasets, "--candidates", "decay"}, "retain: --candidates applies with --suite\n"},
		{[]string{"quality", "--datasets", datasets, "--seed", "2"}, "retain: --seed applies with --suite\n"},
	} {
		c := newCLI(t)
		if code := c.run(context.Background(), tc.args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2", tc.args, code)
		}
		if got := c.stderr.String(); got != tc.want {
			t.Errorf("%v:\nstderr %q\nwant   %q", tc.args, got, tc.want)
		}
	}
}
