package main

import (
	"context"
	"strings"
	"testing"
)

// TestLangOnACommandWithoutItSaysWhere: `retain --lang zh train --help`
// said only "unknown flag: --lang" (review29 #9); the refusal now says the
// command writes English and which commands take --lang. Commands that
// take it are unaffected.
func TestLangOnACommandWithoutItSaysWhere(t *testing.T) {
	for name, args := range map[string][]string{"train": {"--lang", "zh", "train", "--help"}, "predict": {"predict", "--lang", "zh"}} {
		c := newCLI(t)
		if code := c.run(context.Background(), args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
		want := "retain: unknown flag: --lang: retain " + name + " writes English and takes no --lang; " +
			"--lang sets the language of the terminal UI: retain --lang zh, retain tui --lang zh or retain serve --lang zh\n"
		if !strings.HasPrefix(c.stderr.String(), want) {
			t.Errorf("%v: stderr %q, want it to start %q", args, c.stderr.String(), want)
		}
	}
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--no-such-flag"); code != exitUsage || strings.Contains(c.stderr.String(), "--lang") {
		t.Errorf("another unknown flag: exit %d, stderr %q", code, c.stderr.String())
	}
}
