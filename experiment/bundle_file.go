package experiment

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes a file through write so that path holds either its
// old content or the complete new one, never a part: the bytes go to a
// temporary file in the same directory, which is flushed to disk and then
// renamed over path. On any error the temporary file is removed and path is
// left as it was.
func WriteFileAtomic(path string, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("experiment: writing %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close() // may already be closed; the removal is what matters
			os.Remove(tmp.Name())
		}
	}()
	buf := bufio.NewWriter(tmp)
	if err := write(buf); err != nil {
		return fmt.Errorf("experiment: writing %s: %w", path, err)
	}
	if err := buf.Flush(); err != nil {
		return fmt.Errorf("experiment: writing %s: %w", path, err)
	}
	// CreateTemp makes the file private (0600); a saved model is an
	// ordinary document.
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("experiment: writing %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("experiment: writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("experiment: writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("experiment: writing %s: %w", path, err)
	}
	syncDir(dir)
	return nil
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
