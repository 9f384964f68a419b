//go:build !linux

package experiment

import (
	"errors"
	"io/fs"
	"os"
)

// openAnonymous returns nil: only Linux has unnamed files (O_TMPFILE).
func openAnonymous(string, fs.FileMode) *os.File { return nil }

// linkAnonymous is never called where openAnonymous returns nil.
func linkAnonymous(*os.File, string) error { return errors.ErrUnsupported }
