package main

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/retainlab/retain/experiment"
)

// servedAndSecret writes the served file users.csv and a secret file
// beside it in a new folder and returns their paths.
func servedAndSecret(t *testing.T) (path, secret string) {
	t.Helper()
	dir := t.TempDir()
	path, secret = filepath.Join(dir, "users.csv"), filepath.Join(dir, "secret.csv")
	if err := os.WriteFile(path, []byte("id,churn\nserved,0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(secret, []byte("id,churn\nSECRET,0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, secret
}

// swapIn puts a symbolic link to secret at path, keeping the served file
// under a second name, and returns what puts it back.
func swapIn(t *testing.T, path, secret string) (restore func()) {
	t.Helper()
	kept := path + ".kept"
	if err := os.Link(path, kept); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, path); err != nil {
		t.Fatal(err)
	}
	return func() {
		if err := os.Rename(kept, path); err != nil {
			t.Fatal(err)
		}
	}
}

// TestServedReloadLosesTheSwapRace (review36 #4): the served file's path
// was checked, opened (following links) and checked again, so a symbolic
// link swapped in just before the open and out just after made a session
// read another file. The swap is made here at the moment of the open,
// deterministically, by the opener the served one is built over: the
// session must read the served file or nothing, never the secret. Without the fix it read "SECRET".
func TestServedReloadLosesTheSwapRace(t *testing.T) {
	path, secret := servedAndSecret(t)
	swapping := func(p string) (io.ReadCloser, error) {
		restore := swapIn(t, path, secret)
		defer restore()
		return os.Open(p)
	}
	src, open := servedSource(experiment.Source{Kind: "csv", Path: path}, openWithContext(context.Background(), swapping))
	r, err := open(src.Path)
	if err != nil {
		return // refused: fine
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != "id,churn\nserved,0\n" {
		t.Errorf("the session read %q, not the served file", b)
	}
}

// servedFileOf identifies path as servedSource does.
func servedFileOf(t *testing.T, path string) *servedFile {
	t.Helper()
	f := identify(path)
	if f == nil {
		t.Fatalf("%s not identified", path)
	}
	return f
}

// TestServedOpenRefusesASymlink: a symbolic link at the served path when
// it is opened (after the path was checked) is not followed.
func TestServedOpenRefusesASymlink(t *testing.T) {
	path, secret := servedAndSecret(t)
	file := servedFileOf(t, path)
	file.openFile = func(p string, flag int, perm fs.FileMode) (*os.File, error) {
		restore := swapIn(t, path, secret)
		defer restore()
		return os.OpenFile(p, flag, perm)
	}
	open := servedOpener(nil, "users.csv", path, file)
	r, err := open("users.csv")
	if err == nil {
		r.Close()
		t.Fatal("a symbolic link swapped in at the open was followed")
	}
	if !errors.Is(err, errNotServedFile) {
		t.Errorf("error %v, want errNotServedFile", err)
	}
	// Opened without a swap, the served file opens.
	file.openFile = os.OpenFile
	r, err = open("users.csv")
	if err != nil {
		t.Fatalf("the served file: %v", err)
	}
	r.Close()
}

// TestServedOpenRefusesAnotherOpenedFile: a file opened at the served path
// that is not the one identified (its device and inode differ: another
// file renamed in, a folder of the path swapped) is refused, whatever the
// path said before and after.
func TestServedOpenRefusesAnotherOpenedFile(t *testing.T) {
	path, secret := servedAndSecret(t)
	file := servedFileOf(t, path)
	other, err := os.Stat(secret)
	if err != nil {
		t.Fatal(err)
	}
	file.stat = func(*os.File) (fs.FileInfo, error) { return other, nil }
	open := servedOpener(nil, "users.csv", path, file)
	r, err := open("users.csv")
	if err == nil {
		r.Close()
		t.Fatal("a file other than the served one was returned")
	}
	if !errors.Is(err, errNotServedFile) || err.Error() != "users.csv: "+errNotServedFile.Error() {
		t.Errorf("error %q, want errNotServedFile named by the base name", err)
	}
}
