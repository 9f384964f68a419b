package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/retainlab/retain/experiment"
)

// errOpenOverSSH is what a remote user reads on asking for another file.
var errOpenOverSSH = errors.New("opening files is disabled over SSH (the server chooses the data)")

// servedSource returns the source and the opener of every session. The
// sessions know the served file by its base name only: the folder it is in
// is the operator's business, as --export-dir's is, and the Data screen
// would show it (and pre-fill the open prompt with it). That name is the
// only one a session may open: a remote user must not read arbitrary files
// of the machine. The file is identified as it is now (servedFile), and a
// reload refuses another one put at its path.
func servedSource(src experiment.Source, open experiment.Opener) (experiment.Source, experiment.Opener) {
	path := src.Path
	if path == "" {
		return src, servedOpener(open, "", "", nil)
	}
	src.Path = filepath.Base(path)
	return src, servedOpener(open, src.Path, path, identify(path))
}

// servedFile is the identity of the served file when the server started:
// the file at its path (after symbolic links) and whether the path itself
// was a symbolic link.
type servedFile struct {
	target  os.FileInfo
	symlink bool
}

// identify returns the identity of the file at path, or nil when it cannot
// be had (runServe has just read the file, so only a test's made-up path).
func identify(path string) *servedFile {
	link, err := os.Lstat(path)
	if err != nil {
		return nil
	}
	target, err := os.Stat(path)
	if err != nil {
		return nil
	}
	return &servedFile{target: target, symlink: link.Mode()&os.ModeSymlink != 0}
}

// errNotServedFile is why a reload is refused when another file is at the
// served file's path.
var errNotServedFile = errors.New("no longer the file the server started with (it was replaced); ask the operator to restart the server")

// check refuses the file now at path unless it is the one identified: the
// same file, reached without a symbolic link when the path was none.
func (f *servedFile) check(path string) error {
	if f == nil {
		return nil
	}
	link, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if link.Mode()&os.ModeSymlink != 0 && !f.symlink {
		return errNotServedFile
	}
	target, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !os.SameFile(f.target, target) {
		return errNotServedFile
	}
	return nil
}

// servedOpener opens path when a session asks for name, and refuses every
// other name (every name when name is ""). Its errors name the file by
// name only: "users.csv: no such file or directory".
func servedOpener(open experiment.Opener, name, path string, file *servedFile) experiment.Opener {
	return func(asked string) (io.ReadCloser, error) {
		if name == "" || asked != name {
			return nil, fmt.Errorf("%s: %w", asked, errOpenOverSSH)
		}
		if err := file.check(path); err != nil {
			return nil, withoutPath(err, name, path)
		}
		r, err := open(path)
		if err != nil {
			return nil, withoutPath(err, name, path)
		}
		// The path is checked again once open: a file swapped in
		// between the check and the open is refused too.
		if err := file.check(path); err != nil {
			r.Close()
			return nil, withoutPath(err, name, path)
		}
		return r, nil
	}
}

// withoutPath returns err as "name: reason", the server's path and folders
// left out of its text (errors.Is and errors.As still see err).
func withoutPath(err error, name, path string) error {
	reason := err
	var pe *fs.PathError
	if errors.As(err, &pe) {
		reason = pe.Err
	}
	msg := strings.ReplaceAll(reason.Error(), path, name)
	if dir := filepath.Dir(path); dir != "." && dir != string(filepath.Separator) {
		msg = strings.ReplaceAll(msg, dir, "")
	}
	return &servedError{msg: name + ": " + msg, err: err}
}

// servedError is an error whose text was rewritten for a session.
type servedError struct {
	msg string
	err error
}

func (e *servedError) Error() string { return e.msg }
func (e *servedError) Unwrap() error { return e.err }
