package main

import (
	"context"
	"strings"
	"testing"
)

// TestLangHelpSaysTUIOnly: --lang is a flag of the terminal UI (retain,
// retain tui, retain serve), and its help says so, since the other
// commands refuse it.
func TestLangHelpSaysTUIOnly(t *testing.T) {
	want := "language of the terminal UI, every screen: en or zh (default: from LC_ALL, LC_MESSAGES or LANG, else en); " +
		"the other commands write English and take no --lang"
	for _, cmd := range [][]string{{"--help"}, {"tui", "--help"}, {"serve", "--help"}} {
		c := newCLI(t)
		if code := c.run(context.Background(), cmd...); code != exitOK {
			t.Fatalf("%v: exit %d, %s", cmd, code, c.stderr)
		}
		if !strings.Contains(strings.Join(strings.Fields(c.stdout.String()), " "), want) {
			t.Errorf("%v: the help lacks %q:\n%s", cmd, want, c.stdout)
		}
	}
	c := newCLI(t)
	if code := c.run(context.Background(), "eval", "--lang", "zh"); code != exitUsage ||
		c.stderr.String() != "retain: unknown flag: --lang: retain eval writes English and takes no --lang; "+
			"--lang sets the language of the terminal UI: retain --lang zh, retain tui --lang zh or retain serve --lang zh\n"+
			"Run 'retain eval --help' for usage.\n" {
		t.Errorf("eval --lang zh: exit %d, %s", code, c.stderr)
	}
}
