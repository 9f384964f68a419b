package experiment

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Temporary files are named ".NAME.tmp-PID-N" (new content) and
// ".NAME.prev-PID-N" (previous content kept for Undo), so that a later
// write can tell whether their writer still runs.

// legacyTempAge is how old a temporary file without a PID in its name (from
// earlier versions) must be before a write of the same target removes it.
const legacyTempAge = 24 * time.Hour

// temps records the named temporary files this process is writing, so that
// AbandonWrites can remove them when the process must stop at once.
var temps struct {
	sync.Mutex
	names     map[string]bool
	abandoned bool
}

// errAbandoned is returned by writes started after AbandonWrites.
var errAbandoned = errors.New("the process is stopping")

// AbandonWrites removes the named temporary files of the writes in
// progress and makes every later write fail, for a process that is about to
// exit on a signal without waiting for its writes to wind down. Committed
// replacements are not touched.
func AbandonWrites() {
	temps.Lock()
	defer temps.Unlock()
	temps.abandoned = true
	for name := range temps.names {
		_ = os.Remove(name)
	}
	temps.names = nil
}

// createTemp opens a new temporary file in dir for base, of mode perm less
// the umask: an anonymous one where the system supports it, else a named
// one that AbandonWrites knows.
func createTemp(dir, base string, perm fs.FileMode) (f *os.File, anonymous bool, name string, err error) {
	temps.Lock()
	defer temps.Unlock()
	if temps.abandoned {
		return nil, false, "", errAbandoned
	}
	if f := openAnonymous(dir, perm); f != nil {
		return f, true, "", nil
	}
	for range 100 {
		name = tempName(dir, base, "tmp")
		f, err = os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, false, "", err
		}
		rememberLocked(name)
		return f, false, name, nil
	}
	return nil, false, "", fmt.Errorf("cannot find a free temporary name in %s", dir)
}

// DirError is a write refused because no file can be made in the
// destination's directory: it does not exist, is not a directory, or
// refuses new files. It names the directory the user gave, not the
// temporary file the write tried to create in it; errors.Is sees the
// system's reason (fs.ErrNotExist, fs.ErrPermission, …) through it.
type DirError struct {
	// Path is the file being written, Dir its directory (the part of the
	// path that is missing or not a directory) and Err the system's reason.
	Path, Dir string
	Err       error
}

// Error says what is wrong with the directory, in words.
func (e *DirError) Error() string {
	switch {
	case errors.Is(e.Err, fs.ErrNotExist):
		return fmt.Sprintf("directory %s does not exist", e.Dir)
	case errors.Is(e.Err, syscall.ENOTDIR):
		return fmt.Sprintf("%s is not a directory", e.Dir)
	}
	return fmt.Sprintf("cannot create a file in directory %s: %v", e.Dir, e.Err)
}

// Unwrap returns the file system's error.
func (e *DirError) Unwrap() error { return e.Err }

// dirError turns the failure to make a file at path (its temporary file,
// or the check of path itself) into a DirError naming path's directory;
// other errors are returned as they are.
func dirError(path string, err error) error {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return err
	}
	return &DirError{Path: path, Dir: filepath.Dir(path), Err: pe.Err}
}

// linkTemp gives an anonymous temporary file a temporary name in dir.
func linkTemp(f *os.File, dir, base string) (string, error) {
	temps.Lock()
	defer temps.Unlock()
	if temps.abandoned {
		return "", errAbandoned
	}
	for range 100 {
		name := tempName(dir, base, "tmp")
		err := linkAnonymous(f, name)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		rememberLocked(name)
		return name, nil
	}
	return "", fmt.Errorf("cannot find a free temporary name in %s", dir)
}

// keepPrevious sets the current content of path aside under a ".prev"
// name: a hard link, so that path never disappears, or a rename where hard
// links are not supported (moved is then true). prev is "" when path does
// not exist.
func keepPrevious(path, dir, base string) (prev string, moved bool, err error) {
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return "", false, nil
	}
	for range 100 {
		prev = tempName(dir, base, "prev")
		err = os.Link(path, prev)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err == nil {
			return prev, false, nil
		}
		if err = os.Rename(path, prev); err != nil {
			return "", false, err
		}
		return prev, true, nil
	}
	return "", false, fmt.Errorf("cannot find a free temporary name in %s", dir)
}

func rememberLocked(name string) {
	if temps.names == nil {
		temps.names = map[string]bool{}
	}
	temps.names[name] = true
}

// forgetTemp drops a temporary file that was renamed or removed.
func forgetTemp(name string) {
	temps.Lock()
	delete(temps.names, name)
	temps.Unlock()
}

func tempName(dir, base, kind string) string {
	return filepath.Join(dir, fmt.Sprintf(".%s.%s-%d-%d", base, kind, os.Getpid(), rand.Uint32()))
}

// removeStale removes the temporary files of base in dir whose writer is
// gone: a PID in the name that no longer runs, or, for names without one,
// older than legacyTempAge. A ".prev" file of a dead writer whose target
// no longer exists is the only copy of the previous content: it is put
// back instead. Errors are ignored: this is housekeeping.
func removeStale(dir, base string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	target := filepath.Join(dir, base)
	for _, e := range entries {
		name := e.Name()
		var rest string
		var prev bool
		switch {
		case strings.HasPrefix(name, "."+base+".tmp-"):
			rest = strings.TrimPrefix(name, "."+base+".tmp-")
		case strings.HasPrefix(name, "."+base+".prev-"):
			rest, prev = strings.TrimPrefix(name, "."+base+".prev-"), true
		default:
			continue
		}
		full := filepath.Join(dir, name)
		if !staleTemp(rest, e) {
			continue
		}
		if prev {
			if _, err := os.Lstat(target); errors.Is(err, fs.ErrNotExist) {
				_ = os.Rename(full, target)
				continue
			}
		}
		_ = os.Remove(full)
	}
}

// staleTemp reports whether a temporary file whose name ends in rest
// ("PID-N", or anything for older versions) was left by a dead writer.
func staleTemp(rest string, e fs.DirEntry) bool {
	pidText, n, ok := strings.Cut(rest, "-")
	pid, err := strconv.Atoi(pidText)
	if ok && err == nil && pid > 0 && isDigits(n) {
		return pid != os.Getpid() && !processAlive(pid)
	}
	info, err := e.Info()
	return err == nil && e.Type().IsRegular() && time.Since(info.ModTime()) > legacyTempAge
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
