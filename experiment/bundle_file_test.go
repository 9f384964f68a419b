package experiment

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// names lists the entries of dir.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func TestWriteFileAtomicRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for path, kind := range map[string]string{fifo: "a named pipe", link: "a symbolic link", sub: "a directory"} {
		err := WriteFileAtomic(path, writeString("model"))
		want := fmt.Sprintf("writing %s: not a regular file: it is %s", path, kind)
		if !errors.Is(err, ErrNotRegularFile) || err.Error() != want {
			t.Errorf("WriteFileAtomic(%s) = %v, want %q", path, err, want)
		}
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the named pipe was replaced: %v %v", st.Mode(), err)
	}
	if got := names(t, dir); !slices.Equal(got, []string{"link", "pipe", "sub"}) {
		t.Errorf("directory holds %v", got)
	}
}

func TestPrepareFileStopsWhenCancelled(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "model.json")
	ctx, cancel := context.WithCancel(context.Background())
	writes := 0
	_, err := PrepareFile(ctx, path, func(w io.Writer) error {
		for range 1000 {
			if _, err := w.Write(make([]byte, 64<<10)); err != nil {
				return err
			}
			writes++
			cancel() // the signal comes during the write
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if writes > 2 {
		t.Errorf("%d writes went through after the cancellation", writes-1)
	}
	if got := names(t, dir); len(got) != 0 {
		t.Errorf("a cancelled write left %v", got)
	}
}

func TestTemporaryFileHasNoNameOnLinux(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("O_TMPFILE is Linux only")
	}
	dir := t.TempDir()
	var during []string
	err := WriteFileAtomic(filepath.Join(dir, "model.json"), func(w io.Writer) error {
		during = names(t, dir)
		return writeString("model")(w)
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(during) != 0 {
		t.Errorf("while writing, the directory shows %v: a killed process would leave it", during)
	}
}

func TestCommitUndoPutsBackThePreviousFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "model.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := PrepareFile(context.Background(), path, writeString("new"))
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Fatalf("after Commit path holds %q", b)
	}
	if err := r.Undo(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("after Undo path holds %q, want the previous content", b)
	}
	fresh := filepath.Join(dir, "fresh.json")
	r, err = PrepareFile(context.Background(), fresh, writeString("new"))
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := r.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := names(t, dir); !slices.Equal(got, []string{"model.json"}) {
		t.Errorf("after Undo the directory holds %v, want only the previous model", got)
	}
}

func TestStaleTemporaryFilesAreRemoved(t *testing.T) {
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skip("cannot run a process to get a dead PID:", err)
	}
	pid := dead.Process.Pid
	dir := t.TempDir()
	files := map[string]bool{ // name: removed by the next write
		fmt.Sprintf(".model.json.tmp-%d-1", pid):         true,
		fmt.Sprintf(".model.json.prev-%d-2", pid):        true,
		fmt.Sprintf(".model.json.tmp-%d-3", os.Getpid()): false, // this process
		".model.json.tmp-1-4":                            false, // init runs
		".model.json.tmp-12345":                          true,  // old-style, two days old
		".model.json.tmp-67890":                          false, // old-style, recent
		fmt.Sprintf(".other.json.tmp-%d-5", pid):         false, // another target
	}
	for name := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-48 * time.Hour)
	if err := os.Chtimes(filepath.Join(dir, ".model.json.tmp-12345"), old, old); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(filepath.Join(dir, "model.json"), writeString("model")); err != nil {
		t.Fatal(err)
	}
	for name, removed := range files {
		_, err := os.Lstat(filepath.Join(dir, name))
		if removed != errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s: removed %v, want %v", name, !removed, removed)
		}
	}
	if got := names(t, dir); !slices.Contains(got, "model.json") || strings.Contains(strings.Join(got, " "), "prev") {
		t.Errorf("directory holds %v", got)
	}
}

// TestWriteFileAtomicNamesTheMissingDirectory writes where no file can be
// made: the error names the user's path and its directory, never the
// temporary file the write tried to create, and errors.Is still sees the
// system's reason (the CLI's exit codes rest on it).
func TestWriteFileAtomicNamesTheMissingDirectory(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	readOnly := filepath.Join(dir, "ro")
	if err := os.Mkdir(readOnly, 0o500); err != nil {
		t.Fatal(err)
	}
	write := func(w io.Writer) error { _, err := io.WriteString(w, "a,b\n"); return err }
	cases := []struct {
		path, want string
		is         error
	}{
		{filepath.Join(dir, "missing", "u.csv"),
			"writing " + filepath.Join(dir, "missing", "u.csv") + ": directory " + filepath.Join(dir, "missing") + " does not exist", os.ErrNotExist},
		{filepath.Join(dir, "missing", "deeper") + "/u.csv",
			"writing " + filepath.Join(dir, "missing", "deeper", "u.csv") + ": directory " + filepath.Join(dir, "missing", "deeper") + " does not exist", os.ErrNotExist},
		{filepath.Join(file, "u.csv"),
			"writing " + filepath.Join(file, "u.csv") + ": " + file + " is not a directory", syscall.ENOTDIR},
	}
	if os.Geteuid() != 0 { // root writes anywhere
		cases = append(cases, struct {
			path, want string
			is         error
		}{filepath.Join(readOnly, "u.csv"),
			"writing " + filepath.Join(readOnly, "u.csv") + ": cannot create a file in directory " + readOnly + ": permission denied", os.ErrPermission})
	}
	for _, c := range cases {
		err := WriteFileAtomic(c.path, write)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: error %v\nwant %s", c.path, err, c.want)
			continue
		}
		var de *DirError
		if !errors.Is(err, c.is) || !errors.As(err, &de) {
			t.Errorf("%s: %v is not %v or not a *DirError", c.path, err, c.is)
		}
		if strings.Contains(err.Error(), ".tmp-") {
			t.Errorf("%s: the error names a temporary file: %v", c.path, err)
		}
	}
	if got := names(t, readOnly); len(got) != 0 {
		t.Errorf("left in the read-only directory: %v", got)
	}
}
