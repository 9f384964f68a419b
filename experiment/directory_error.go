package experiment

import "syscall"

// DirectoryError is a folder named where a file is to be read: "PATH: is
// a directory, not a file". It is an ErrNotRegularFile and a
// syscall.EISDIR, and carries the path so that an interface can word it
// in another language.
type DirectoryError struct{ Path string }

func (e *DirectoryError) Error() string { return e.Path + ": is a directory, not a file" }

// Is makes errors.Is match ErrNotRegularFile and syscall.EISDIR.
func (e *DirectoryError) Is(target error) bool {
	return target == ErrNotRegularFile || target == syscall.EISDIR
}
