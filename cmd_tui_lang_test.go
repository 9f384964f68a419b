package main

import (
	"context"
	"strings"
	"testing"
)

// TestTUILanguageFollowsTheLocale checks that the interface language comes
// from --lang, else LC_ALL, else LC_MESSAGES, else LANG (POSIX order).
func TestTUILanguageFollowsTheLocale(t *testing.T) {
	cases := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"LANG alone", nil, map[string]string{"LANG": "zh_CN.UTF-8"}, "zh"},
		{"LC_MESSAGES over LANG", nil, map[string]string{"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"},
		{"LC_ALL over the rest", nil, map[string]string{"LC_ALL": "zh_TW.UTF-8", "LC_MESSAGES": "en_US", "LANG": "en_US"}, "zh"},
		{"LC_ALL=C means English", nil, map[string]string{"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"},
		{"empty LC_ALL is unset", nil, map[string]string{"LC_ALL": "", "LANG": "zh_CN.UTF-8"}, "zh"},
		{"the flag wins", []string{"--lang", "en"}, map[string]string{"LC_ALL": "zh_CN.UTF-8"}, "en"},
		{"nothing set", nil, nil, "en"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cl := newCLI(t)
			cl.app.env = func(k string) string { return c.env[k] }
			if code := cl.run(context.Background(), append([]string{"tui"}, c.args...)...); code != exitOK {
				t.Fatalf("exit %d, stderr %q", code, cl.stderr.String())
			}
			if got := cl.tuiOpts.Lang; got != c.want {
				t.Errorf("language %q, want %q", got, c.want)
			}
		})
	}
}

// TestTUIBuiltinAbusers: --builtin-abusers reaches the TUI's options; a
// share out of range, or the flag with --data, exits 2 with the reason.
func TestTUIBuiltinAbusers(t *testing.T) {
	cl := newCLI(t)
	if code := cl.run(context.Background(), "tui", "--builtin-abusers", "0.02"); code != exitOK || cl.tuiOpts.Abusers != 0.02 {
		t.Fatalf("exit %d, abusers %v, stderr %q", code, cl.tuiOpts.Abusers, cl.stderr.String())
	}
	cl = newCLI(t)
	if code := cl.run(context.Background()); code != exitOK || cl.tuiOpts.Abusers != 0 {
		t.Errorf("default: exit %d, abusers %v", code, cl.tuiOpts.Abusers)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--builtin-abusers", "0.7"}, "--builtin-abusers 0.7: want a share from 0 to 0.5"},
		{[]string{"--builtin-abusers", "0.01", "--data", "users.csv"}, "--builtin-abusers applies to the built-in shop, not --data or --log"},
	} {
		cl := newCLI(t)
		if code := cl.run(context.Background(), append([]string{"tui"}, c.args...)...); code != exitUsage || !strings.Contains(cl.stderr.String(), c.want) {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, cl.stderr.String())
		}
	}
}

// TestTUIBuiltinUsersSizesTheShop checks that --builtin-users reaches the
// TUI's source and that a size out of range is refused with exit code 2.
func TestTUIBuiltinUsersSizesTheShop(t *testing.T) {
	cl := newCLI(t)
	if code := cl.run(context.Background(), "tui", "--builtin-users", "1000000", "--builtin-seed", "7"); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, cl.stderr.String())
	}
	if src := cl.tuiOpts.Source; src.Kind != "builtin" || src.Users != 1_000_000 || src.DataSeed != 7 {
		t.Fatalf("source %+v, want the built-in shop of 1,000,000 users, seed 7", src)
	}
	cl = newCLI(t)
	if code := cl.run(context.Background(), "tui", "--builtin-users", "0"); code != exitUsage {
		t.Fatalf("exit %d for --builtin-users 0, want %d", code, exitUsage)
	}
	if want := "retain: --builtin-users 0: want 1..50000000\n"; cl.stderr.String() != want {
		t.Fatalf("stderr %q, want %q", cl.stderr.String(), want)
	}
}
