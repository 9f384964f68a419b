//go:build !linux

package experiment

import (
	"errors"
	"os"
)

// openAnonymous returns nil: only Linux has unnamed files (O_TMPFILE).
func openAnonymous(string) *os.File { return nil }

// linkAnonymous is never called where openAnonymous returns nil.
func linkAnonymous(*os.File, string) error { return errors.ErrUnsupported }
