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
// the file at its path (after symbolic links), whether the path itself
// was a symbolic link, and the path the file is opened by (the path, or
// where its link led then). openFile and stat open and fstat a file (tests
// replace them).
type servedFile struct {
	target   os.FileInfo
	symlink  bool
	openPath string
	openFile func(path string, flag int, perm fs.FileMode) (*os.File, error)
	stat     func(f *os.File) (fs.FileInfo, error)
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
	f := &servedFile{target: target, symlink: link.Mode()&os.ModeSymlink != 0, openPath: path,
		openFile: os.OpenFile, stat: (*os.File).Stat}
	if f.symlink {
		if f.openPath, err = filepath.EvalSymlinks(path); err != nil {
			return nil
		}
	}
	return f
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

// open opens the served file and returns it only if it is the file
// identified. Checking the path before and after opening it left a race
// (review36 #4): a symbolic link swapped in between the check and the open
// and swapped out again made a session read any file the server can read.
// So the last component of the path is not followed if it is a symbolic
// link (O_NOFOLLOW: opened where a link led at the start when the served
// path was one), a named pipe or device put there is not waited on
// (O_NONBLOCK, which a regular file ignores), and the file opened is
// compared, by its device and inode (fstat), with the one identified:
// whatever path led to it, no other file is returned.
func (f *servedFile) open() (*os.File, error) {
	flag := os.O_RDONLY | oNoFollow
	if f.target.Mode().IsRegular() {
		flag |= oNonBlock
	}
	file, err := f.openFile(f.openPath, flag, 0)
	if isSymlinkRefused(err) {
		return nil, errNotServedFile // a symbolic link now
	}
	if err != nil {
		return nil, err
	}
	info, err := f.stat(file)
	if err == nil && (!os.SameFile(f.target, info) || info.Mode().Type() != f.target.Mode().Type()) {
		err = errNotServedFile
	}
	if err != nil {
		file.Close()
		return nil, err
	}
	return file, nil
}

// servedOpener opens path when a session asks for name, and refuses every
// other name (every name when name is ""). Its errors name the file by
// name only: "users.csv: no such file or directory". The file identified
// is opened only as itself (servedFile.open); open opens a path that
// could not be identified (a test's made-up one).
func servedOpener(open experiment.Opener, name, path string, file *servedFile) experiment.Opener {
	return func(asked string) (io.ReadCloser, error) {
		if name == "" || asked != name {
			return nil, fmt.Errorf("%s: %w", asked, errOpenOverSSH)
		}
		if file == nil {
			r, err := open(path)
			if err != nil {
				return nil, withoutPath(err, name, path)
			}
			return r, nil
		}
		// The path is checked first for the error a session reads
		// (the file is gone, or replaced); the file opened is what
		// is trusted.
		if err := file.check(path); err != nil {
			return nil, withoutPath(err, name, path)
		}
		r, err := file.open()
		if err != nil {
			return nil, withoutPath(err, name, file.openPath)
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
