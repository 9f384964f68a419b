//go:build !unix

package main

// Without O_NOFOLLOW the opened file's identity alone keeps another file
// out (servedFile.open).
const (
	oNoFollow = 0
	oNonBlock = 0
)

// isSymlinkRefused reports false: no open is refused for a link here.
func isSymlinkRefused(error) bool { return false }
