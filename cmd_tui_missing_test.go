package main

import (
	"context"
	"path/filepath"
	"testing"
)

// TestTUIOpensOnAMissingFile: a missing --data or --log file was refused
// in English before the TUI opened, even under --lang zh, while a
// malformed one opened the TUI with the error panel in the session's
// language (review29 #3). Both now open the TUI, whose failed first load
// names the file (tui's TestGoldenFailedStartingLoad shows the panel).
func TestTUIOpensOnAMissingFile(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.csv")
	for _, args := range [][]string{
		{"--lang", "zh", "--data", missing},
		{"tui", "--data", missing},
		{"--lang", "zh", "--log", missing},
	} {
		c := newCLI(t)
		if code := c.run(context.Background(), args...); code != exitOK {
			t.Errorf("%v: exit %d, stderr %q; want the TUI opened", args, code, c.stderr.String())
			continue
		}
		if c.tuiOpts == nil || c.tuiOpts.Source.Path != missing {
			t.Errorf("%v: the TUI was not opened on %s: %+v", args, missing, c.tuiOpts)
		}
	}
}
