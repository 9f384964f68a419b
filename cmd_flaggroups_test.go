package main

import (
	"errors"
	"testing"
)

// TestPlainFlagGroupError rewrites each of cobra v1.10.2's three flag-group
// messages (their text copied from its flag_groups.go format strings, with
// the sorted lists it fills in) and leaves other errors alone.
func TestPlainFlagGroupError(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"if any flags in the group [folds cutoffs] are set none of the others can be; [cutoffs folds] were all set",
			"--cutoffs and --folds cannot be used together: give one of them"},
		{"if any flags in the group [data log builtin-users] are set none of the others can be; [builtin-users data log] were all set",
			"--builtin-users, --data and --log cannot be used together: give one of them"},
		{"at least one of the flags in the group [model cv folds] is required", "give --model, --cv or --folds"},
		{"if any flags in the group [user key] are set they must all be set; missing [key]", "--user needs --key too"},
		{`required flag(s) "log" not set`, `required flag(s) "log" not set`},
	} {
		if got := plainFlagGroupError(errors.New(c.in)).Error(); got != c.want {
			t.Errorf("%q → %q, want %q", c.in, got, c.want)
		}
	}
	if plainFlagGroupError(nil) != nil {
		t.Error("nil → non-nil")
	}
}
