package shareddata

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestFolder(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"../../shared/datasets/cdnow/CDNOW_master.txt", "../../shared/datasets"},
		{"../shared/datasets/online_retail/online_retail.parquet", "../shared/datasets"},
		{"/work/shared/datasets", "/work/shared/datasets"},
		{"testdata/x.csv", "testdata"},
	} {
		if got := Folder(tc.in); got != tc.want {
			t.Errorf("Folder(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// recorder is a testing.TB that records whether Skipf or Fatalf was called
// instead of ending the goroutine.
type recorder struct {
	testing.TB
	skipped, failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Skipf(string, ...any)  { r.skipped = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true }

// A missing file skips only when the shared/datasets folder is absent.
func TestMissingSkipsOnlyWithoutTheFolder(t *testing.T) {
	root := t.TempDir()
	absent := filepath.Join(root, "shared", "datasets", "a", "f.csv")
	r := &recorder{TB: t}
	Missing(r, absent, os.ErrNotExist)
	if !r.skipped || r.failed {
		t.Errorf("folder absent: skipped %v failed %v, want a skip", r.skipped, r.failed)
	}
	if err := os.MkdirAll(filepath.Join(root, "shared", "datasets", "a"), 0o755); err != nil {
		t.Fatal(err)
	}
	r = &recorder{TB: t}
	Missing(r, absent, errors.New("renamed"))
	if r.skipped || !r.failed {
		t.Errorf("folder present: skipped %v failed %v, want a failure", r.skipped, r.failed)
	}
}
