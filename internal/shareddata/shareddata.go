// Package shareddata decides what a test does when a file of the public data
// sets in ../shared/datasets cannot be opened: the tests may skip only when
// that folder is absent (a checkout without it), and must fail on anything
// else, so that a renamed file, a permission or an I/O error is never read
// as a pass.
package shareddata

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// Missing ends the test tb, whose shared data file path could not be opened
// or read with err: it skips when the shared data sets folder that path lies
// in is absent, and fails otherwise, naming the path and the error.
func Missing(tb testing.TB, path string, err error) {
	tb.Helper()
	dir := Folder(path)
	if _, serr := os.Stat(dir); errors.Is(serr, fs.ErrNotExist) {
		tb.Skipf("the shared data sets folder %s is absent", dir)
		return
	}
	tb.Fatalf("%s: %v (the shared data sets folder %s is present, so this is a failure, not a skip)", path, err, dir)
}

// Need checks that path exists before a test uses it, with Missing's rule
// when it does not.
func Need(tb testing.TB, path string) {
	tb.Helper()
	if _, err := os.Stat(path); err != nil {
		Missing(tb, path, err)
	}
}

// Folder returns the shared/datasets folder that path lies in (the nearest
// ancestor named datasets whose parent is named shared), or path's own folder
// when there is none.
func Folder(path string) string {
	for p := filepath.Clean(path); ; {
		if filepath.Base(p) == "datasets" && filepath.Base(filepath.Dir(p)) == "shared" {
			return p
		}
		up := filepath.Dir(p)
		if up == p {
			return filepath.Dir(filepath.Clean(path))
		}
		p = up
	}
}
