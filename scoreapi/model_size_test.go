package scoreapi

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
)

// TestLoadModelRefusesDevicesAndHugeFiles (review36 #5): a reload read the
// whole model file before any bound, so a path pointed at /dev/zero grew
// the server without limit (the old code never returns here). A device
// is now refused as not a regular file, and a file over
// experiment.MaxBundleBytes by its size, before it is read (the sparse
// file below takes no disk).
func TestLoadModelRefusesDevicesAndHugeFiles(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, "zero.json")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	huge := filepath.Join(dir, "huge.json")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(experiment.MaxBundleBytes + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, c := range []struct{ path, want string }{
		{zero, "model file " + zero + ": not a regular file (a device, pipe or folder), so not a model file"},
		// 256 MiB + 1 = 268,435,457 bytes.
		{huge, "model file " + huge + ": larger than 256 MiB, the most a model file may have (268435457 bytes)"},
	} {
		if _, err := os.Stat(c.path); err != nil {
			t.Skipf("%s: %v", c.path, err)
		}
		_, err := LoadModel(c.path, nil)
		if err == nil || err.Error() != c.want || !errors.Is(err, experiment.ErrBundle) {
			t.Errorf("error %v, want %q", err, c.want)
		}
		if err != nil && strings.Contains(err.Error(), "reading") {
			t.Errorf("%s was read: %v", c.path, err)
		}
	}
}
