package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retainlab/retain/tui/exporter"
	"github.com/retainlab/retain/tui/screentest"
)

// TestServedExportIntoFullFolderShowsInErrorPanel: with the server's
// export folder at its bound (--max-export-dir-bytes), x on the Users
// screen writes no file and the error panel says why and what to do;
// esc dismisses it.
func TestServedExportIntoFullFolderShowsInErrorPanel(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "earlier.csv"), make([]byte, 4096), 0o600); err != nil {
		t.Fatal(err)
	}
	opts := textbookOptions()
	opts.Served, opts.ExportDir = true, dir
	opts.ExportFolder = exporter.NewFolder(dir, 4096)
	m := analysedModel(t, opts, 120, 40, 2)
	m = pressAll(t, m, "5", "x")
	screentest.MustContain(t, screen(m), "Error", "the server's export folder holds 4 KiB",
		"ask the server's operator to make room", "✗ export refused: the server's export folder is full")
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the export folder, want only the one there before", len(entries))
	}
	m = pressAll(t, m, "esc")
	if strings.Contains(screen(m), "ask the server's operator") {
		t.Errorf("esc left the error panel:\n%s", screen(m))
	}
}
