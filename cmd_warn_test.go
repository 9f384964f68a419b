package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWarnLowercase: api's warning of a token file other users may read
// starts "warning: " as every other warning of the CLI does, so a script's
// grep '^warning:' sees it (it was "Warning: ", as serve's were).
func TestWarnLowercase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "api.token")
	if err := os.WriteFile(path, []byte("0123456789abcdef0123456789abcdef\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	c := newCLI(t)
	o := &apiOptions{tokenFile: path}
	if _, err := o.readToken(c.app); err != nil {
		t.Fatal(err)
	}
	want := "warning: the token file " + path + " is readable by other users (mode -rw-r--r--); chmod 600 it\n"
	if got := c.stderr.String(); got != want {
		t.Errorf("stderr %q, want %q", got, want)
	}
}
