package experiment

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// ErrNotRegularFile is returned for a destination that exists but is not a
// regular file (a directory, a device, a named pipe, a symbolic link…):
// writing a file never replaces one of those.
var ErrNotRegularFile = errors.New("not a regular file")

// WriteFileAtomic writes a file through write so that path holds either its
// old content or the complete new one, never a part: the bytes go to a
// temporary file in the same directory, which is flushed to disk and then
// renamed over path. On any error the temporary file is removed and path is
// left as it was. A path that exists but is not a regular file is refused
// with ErrNotRegularFile.
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	r, err := PrepareFile(context.Background(), path, write)
	if err != nil {
		return err
	}
	if err := r.Commit(); err != nil {
		return err
	}
	r.Keep()
	return nil
}

// Replacement is the complete new content of a file, written and flushed to
// disk beside it, that PrepareFile made. Commit puts it in place; until Keep
// or Undo the previous content stays restorable. Discard abandons a
// replacement that was not committed.
type Replacement struct {
	path, dir, base string
	f               *os.File // the temporary file, open until Commit
	anonymous       bool     // f has no name yet (Linux O_TMPFILE)
	tmp             string   // f's name when it has one
	prev            string   // the previous content, after Commit
	state           replacementState
}

type replacementState int

const (
	prepared replacementState = iota
	committed
	finished
)

// PrepareFile writes the new content of path through write into a
// temporary file of path's directory and flushes it to disk, without
// touching path. It stops with ctx's error as soon as ctx is done (between
// two writes), removing what it wrote. Where the system allows (Linux), the
// temporary file has no name until Commit, so a killed process leaves
// nothing behind; elsewhere its name is ".NAME.tmp-PID-N", and the stale
// temporary files of path left by dead processes are removed first.
func PrepareFile(ctx context.Context, path string, write func(io.Writer) error) (_ *Replacement, err error) {
	wrap := func(err error) error { return &WriteError{Path: path, Err: err} }
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	perm, exists, err := replaceableMode(path)
	if err != nil {
		return nil, wrap(err)
	}
	if err := ctx.Err(); err != nil {
		return nil, wrap(err)
	}
	removeStale(dir, base)
	r := &Replacement{path: path, dir: dir, base: base}
	// A new file is made 0666 less the umask, as a shell's > makes it; a
	// file replaced keeps its mode, set before any byte is written (it was
	// made 0644 whatever the umask and the mode of the file it replaced).
	if r.f, r.anonymous, r.tmp, err = createTemp(dir, base, 0o666); err != nil {
		return nil, wrap(dirError(path, err))
	}
	defer func() {
		if err != nil {
			r.Discard()
		}
	}()
	if exists {
		if err := r.f.Chmod(perm); err != nil {
			return nil, wrap(err)
		}
	}
	buf := bufio.NewWriter(ctxWriter{ctx, r.f})
	if err := write(buf); err != nil {
		return nil, wrap(err)
	}
	if err := buf.Flush(); err != nil {
		return nil, wrap(err)
	}
	if err := r.f.Sync(); err != nil {
		return nil, wrap(err)
	}
	if err := ctx.Err(); err != nil {
		return nil, wrap(err)
	}
	return r, nil
}

// Commit puts the new content in place: path holds it from now on. The
// previous content, if any, is kept aside under ".NAME.prev-PID-N" until
// Keep or Undo.
func (r *Replacement) Commit() (err error) {
	wrap := func(err error) error { return &WriteError{Path: r.path, Err: err} }
	if r.state != prepared {
		return wrap(errors.New("replacement already committed or discarded"))
	}
	defer func() {
		if err != nil {
			r.Discard()
		}
	}()
	if err := checkReplaceable(r.path); err != nil {
		return wrap(err)
	}
	if r.anonymous {
		name, err := linkTemp(r.f, r.dir, r.base)
		if err != nil {
			return wrap(err)
		}
		r.tmp, r.anonymous = name, false
	}
	if err := r.f.Close(); err != nil {
		return wrap(err)
	}
	prev, moved, err := keepPrevious(r.path, r.dir, r.base)
	if err != nil {
		return wrap(err)
	}
	if err := os.Rename(r.tmp, r.path); err != nil {
		if moved { // the previous file was renamed aside: put it back
			_ = os.Rename(prev, r.path)
		} else if prev != "" {
			_ = os.Remove(prev)
		}
		return wrap(err)
	}
	forgetTemp(r.tmp)
	r.prev, r.state = prev, committed
	syncDir(r.dir)
	return nil
}

// Path is the file the replacement is for.
func (r *Replacement) Path() string { return r.path }

// Keep makes a committed replacement final, dropping the previous content.
func (r *Replacement) Keep() {
	if r.state != committed {
		return
	}
	if r.prev != "" {
		_ = os.Remove(r.prev)
	}
	r.state = finished
}

// Undo takes a committed replacement back: path holds its previous content
// again, or no longer exists if it did not before.
func (r *Replacement) Undo() error {
	if r.state != committed {
		return nil
	}
	r.state = finished
	var err error
	if r.prev != "" {
		err = os.Rename(r.prev, r.path)
	} else {
		err = os.Remove(r.path)
	}
	syncDir(r.dir)
	if err != nil {
		return fmt.Errorf("restoring %s: %w", r.path, err)
	}
	return nil
}

// Discard abandons a replacement that was not committed, removing its
// temporary file.
func (r *Replacement) Discard() {
	if r.state != prepared {
		return
	}
	r.state = finished
	r.f.Close() // may already be closed; the removal is what matters
	if r.tmp != "" {
		_ = os.Remove(r.tmp)
		forgetTemp(r.tmp)
	}
}

// checkReplaceable refuses a path that exists but is not a regular file.
func checkReplaceable(path string) error {
	_, _, err := replaceableMode(path)
	return err
}

// replaceableMode refuses a path that exists but is not a regular file,
// and returns the permission bits of the one that exists (exists true).
func replaceableMode(path string) (perm fs.FileMode, exists bool, err error) {
	st, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, false, nil
	}
	if errors.Is(err, syscall.ENOTDIR) { // a file where a directory of the path should be
		return 0, false, dirError(path, err)
	}
	if err != nil {
		return 0, false, err
	}
	if !st.Mode().IsRegular() {
		return 0, false, &NotRegularError{Mode: st.Mode()}
	}
	return st.Mode().Perm(), true, nil
}

// describeMode names the kind of a file that is not a regular one.
func describeMode(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// DescribeNonRegular names what kind of file path is when it exists and is
// not a regular file ("a directory", "a device", …), else "".
func DescribeNonRegular(path string) string {
	st, err := os.Lstat(path)
	if err != nil || st.Mode().IsRegular() {
		return ""
	}
	return describeMode(st.Mode())
}

// ctxWriter stops writing once its context is done.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// syncDir flushes a directory entry after a rename so the new name survives
// a crash. Some systems cannot sync directories; the file itself is already
// safe then, so failures are ignored.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	d.Close()
}
