package main

import (
	"runtime/debug"
	"strings"
)

// buildVersion describes the binary for --version: the module version
// ("(devel)" when built from a checkout), the commit and its time when the
// Go toolchain stamped them, "modified" when the checkout had uncommitted
// changes, and the Go version.
func buildVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown build)"
	}
	return describeBuild(bi)
}

// describeBuild is buildVersion on given build information.
func describeBuild(bi *debug.BuildInfo) string {
	parts := []string{bi.Main.Version}
	if parts[0] == "" {
		parts[0] = "(devel)"
	}
	var rev, at, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		c := "commit " + rev
		if at != "" {
			c += " of " + at
		}
		if modified == "true" {
			c += ", modified"
		}
		parts = append(parts, c)
	}
	parts = append(parts, bi.GoVersion)
	return strings.Join(parts, ", ")
}
