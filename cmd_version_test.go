package main

import (
	"context"
	"runtime/debug"
	"strings"
	"testing"
)

// TestDescribeBuild: the version line names the module version, the commit
// (cut to 12 hex digits) with its time and whether it was modified, and Go.
func TestDescribeBuild(t *testing.T) {
	bi := &debug.BuildInfo{GoVersion: "go1.25.4", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "76cea74a1b2c3d4e5f60718293a4b5c6d7e8f901"},
		{Key: "vcs.time", Value: "2026-12-05T09:50:19Z"},
		{Key: "vcs.modified", Value: "true"},
	}}
	if got, want := describeBuild(bi), "(devel), commit 76cea74a1b2c of 2026-12-05T09:50:19Z, modified, go1.25.4"; got != want {
		t.Errorf("describeBuild = %q, want %q", got, want)
	}
	bi = &debug.BuildInfo{GoVersion: "go1.25.4", Main: debug.Module{Version: "v1.2.0"}}
	if got, want := describeBuild(bi), "v1.2.0, go1.25.4"; got != want {
		t.Errorf("describeBuild = %q, want %q", got, want)
	}
}

// TestVersionFlag: retain --version prints one line on stdout and exits 0.
func TestVersionFlag(t *testing.T) {
	c := newCLI(t)
	if code := c.run(context.Background(), "--version"); code != exitOK {
		t.Fatalf("--version: exit %d, %s", code, c.stderr.String())
	}
	out := c.stdout.String()
	if !strings.HasPrefix(out, "retain ") || strings.Count(out, "\n") != 1 || c.stderr.String() != "" {
		t.Errorf("--version printed %q on stdout and %q on stderr", out, c.stderr.String())
	}
}

// TestUsageHintNamesTheSubcommand: a flag error on a subcommand points at
// that subcommand's help, not the root's.
func TestUsageHintNamesTheSubcommand(t *testing.T) {
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--epochs", "x"); code != exitUsage {
		t.Fatalf("exit %d, want %d: %s", code, exitUsage, c.stderr.String())
	}
	if !strings.HasSuffix(c.stderr.String(), "Run 'retain train --help' for usage.\n") {
		t.Errorf("stderr %q", c.stderr.String())
	}
}
