package exporter

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestCreateNewNeverReplacesAFile(t *testing.T) {
	dir := t.TempDir()
	taken := filepath.Join(dir, "out-1.csv")
	if err := os.WriteFile(taken, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "target")
	if err := os.WriteFile(target, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, filepath.Join(dir, "out-2.csv")); err != nil {
		t.Fatal(err)
	}
	name, err := CreateNew(dir, "out", ".csv", func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err })
	if err != nil || name != "out-3.csv" {
		t.Fatalf("createNew: %q, %v; want out-3.csv", name, err)
	}
	for _, p := range []string{taken, target} {
		if b, _ := os.ReadFile(p); string(b) != "keep" {
			t.Errorf("%s was replaced: %q", p, b)
		}
	}
	_, err = CreateNew(filepath.Join(dir, "missing"), "out", ".csv", func(io.Writer) error { return nil })
	if want := "cannot create a file in the export folder: no such file or directory"; err == nil || err.Error() != want {
		t.Errorf("missing folder: %v, want %q", err, want)
	}
}
