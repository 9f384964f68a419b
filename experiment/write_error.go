package experiment

import "io/fs"

// WriteError is a file that could not be written (WriteFileAtomic,
// PrepareFile, Replacement.Commit): Path is the file, Err why, so that a
// program can word the failure in another language. Its text is "writing
// PATH: " and Err's; errors.Is and errors.As see Err (a DirError, the
// system's reason) through it.
type WriteError struct {
	Path string
	Err  error
}

// Error says which file could not be written, and why.
func (e *WriteError) Error() string { return "writing " + e.Path + ": " + e.Err.Error() }

// Unwrap returns why the file could not be written.
func (e *WriteError) Unwrap() error { return e.Err }

// NotRegularError is a destination that exists but is not a regular file
// (a directory, a device, …), which a write never replaces: Mode is its
// kind. It is an ErrNotRegularFile.
type NotRegularError struct{ Mode fs.FileMode }

// Error says what kind of file the destination is.
func (e *NotRegularError) Error() string {
	return ErrNotRegularFile.Error() + ": it is " + describeMode(e.Mode)
}

// Is makes errors.Is match ErrNotRegularFile.
func (e *NotRegularError) Is(target error) bool { return target == ErrNotRegularFile }
