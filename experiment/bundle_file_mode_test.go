//go:build unix

package experiment

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// withUmask runs f with the process's umask set to mask. Not parallel: the
// umask is the whole process's.
func withUmask(t *testing.T, mask int, f func()) {
	t.Helper()
	old := syscall.Umask(mask)
	defer syscall.Umask(old)
	f()
}

// TestWrittenFileMode: a new file is made 0666 less the umask, as a
// shell's > makes it (the expected modes worked out by hand: 0666 &^ 077 =
// 0600, &^ 022 = 0644, &^ 002 = 0664), and a file replaced keeps its own
// mode whatever the umask. Every file was made 0644: umask 077 and a
// chmod 640 were undone by each write.
func TestWrittenFileMode(t *testing.T) {
	for _, tc := range []struct {
		umask int
		want  fs.FileMode
	}{{0o077, 0o600}, {0o022, 0o644}, {0o002, 0o664}} {
		withUmask(t, tc.umask, func() {
			path := filepath.Join(t.TempDir(), "contacts.csv")
			if err := WriteFileAtomic(path, writeString("id\n")); err != nil {
				t.Fatal(err)
			}
			// A shell's > under the same umask, beside it.
			shell := filepath.Join(filepath.Dir(path), "shell.txt")
			if err := os.WriteFile(shell, nil, 0o666); err != nil {
				t.Fatal(err)
			}
			if got, ref := mode(t, path), mode(t, shell); got != tc.want || ref != tc.want {
				t.Errorf("umask %03o: new file mode %03o (a shell's %03o), want %03o", tc.umask, got, ref, tc.want)
			}
		})
	}
	for _, tc := range []struct {
		umask int
		old   fs.FileMode
	}{{0o022, 0o640}, {0o077, 0o604}, {0o022, 0o600}, {0o000, 0o644}} {
		withUmask(t, tc.umask, func() {
			path := filepath.Join(t.TempDir(), "scores.csv")
			if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(path, tc.old); err != nil {
				t.Fatal(err)
			}
			if err := WriteFileAtomic(path, writeString("new")); err != nil {
				t.Fatal(err)
			}
			if got := mode(t, path); got != tc.old {
				t.Errorf("umask %03o: replacing a %03o file left it %03o", tc.umask, tc.old, got)
			}
		})
	}
}

func mode(t *testing.T, path string) fs.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}
