//go:build unix

package main

import (
	"errors"
	"syscall"
)

// The flags that open the served file without following a symbolic link
// in its last component, and without waiting on a named pipe
// (servedFile.open).
const (
	oNoFollow = syscall.O_NOFOLLOW
	oNonBlock = syscall.O_NONBLOCK
)

// isSymlinkRefused reports whether err is an open refused with oNoFollow
// because the path is a symbolic link.
func isSymlinkRefused(err error) bool { return errors.Is(err, syscall.ELOOP) }
