package main

import (
	"context"
	"strings"
	"testing"
)

// TestHelpUnknownTopic: "retain help nosuch" is a usage error as "retain
// nosuch" is (it printed the root help and exited 0), with the same
// suggestion for a typo; "retain help train" still prints train's help.
func TestHelpUnknownTopic(t *testing.T) {
	mustRefuse(t, []string{"help", "nosuch"}, "retain: unknown command \"nosuch\"\nRun 'retain help --help' for usage.\n")
	mustRefuse(t, []string{"help", "trian"}, "retain: unknown command \"trian\" (did you mean \"train\"?)\nRun 'retain help --help' for usage.\n")
	for _, args := range [][]string{{"help", "train"}, {"help"}} {
		c := newCLI(t)
		if code := c.run(context.Background(), args...); code != exitOK || c.stderr.String() != "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, c.stderr.String())
		}
		if !strings.Contains(c.stdout.String(), "Usage:") {
			t.Errorf("%v: no help on stdout:\n%s", args, c.stdout.String())
		}
	}
}
