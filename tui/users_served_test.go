package tui

import (
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestServedExportGoesToTheExportFolderUnderNewNames(t *testing.T) {
	dir := t.TempDir()
	opts := textbookOptions()
	opts.Served, opts.ExportDir = true, dir
	m := analysedModel(t, opts, 120, 40, 2)
	m = pressAll(t, m, "5")
	if h := m.usersScr.keyMap().Export.Help(); h.Desc != "export CSV to the server's folder" {
		t.Errorf("the x key says %q", h.Desc)
	}
	m = pressAll(t, m, "x")
	if m.editing() {
		t.Fatal("x opened a prompt on a served session")
	}
	m = pressAll(t, m, "x")
	name := regexp.MustCompile(`✓ wrote 100 users to (retain-users-\d{8}-\d{6}-\d+\.csv) in the server's export folder`)
	got := name.FindStringSubmatch(screen(m))
	if got == nil {
		t.Fatalf("no export message:\n%s", screen(m))
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 2 {
		t.Fatalf("the export folder holds %d files (%v), want 2", len(entries), err)
	}
	f, err := os.Open(filepath.Join(dir, got[1]))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if recs, err := csv.NewReader(f).ReadAll(); err != nil || len(recs) != 101 {
		t.Fatalf("%s: %d lines, %v", got[1], len(recs), err)
	}
}

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
	name, err := createNew(dir, "out", ".csv", func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err })
	if err != nil || name != "out-3.csv" {
		t.Fatalf("createNew: %q, %v; want out-3.csv", name, err)
	}
	for _, p := range []string{taken, target} {
		if b, _ := os.ReadFile(p); string(b) != "keep" {
			t.Errorf("%s was replaced: %q", p, b)
		}
	}
	_, err = createNew(filepath.Join(dir, "missing"), "out", ".csv", func(io.Writer) error { return nil })
	if want := "cannot create a file in the export folder: no such file or directory"; err == nil || err.Error() != want {
		t.Errorf("missing folder: %v, want %q", err, want)
	}
}

func TestServedShowsTheExportAndNeverCompletesPaths(t *testing.T) {
	opts := textbookOptions()
	opts.Served = true
	m := analysedModel(t, opts, 120, 40, 2)
	m = pressAll(t, m, "1", "o", "tab")
	mustContain(t, screen(m), "✗ path completion is off on a served session")
	m = pressAll(t, m, "esc", "5", "x")
	s := screen(m)
	mustContain(t, s, "Export · 100 users", "100 users below to copy", "user_id,probability_purchases_next_30d_yes,reason_1")
	if !strings.Contains(m.usersScr.shown.text, "\n") || m.usersScr.shown.text[len(m.usersScr.shown.text)-1] != '\n' {
		t.Error("the export text is not the CSV")
	}
	m = pressAll(t, m, "esc")
	if m.usersScr.shown != nil || m.editing() {
		t.Fatal("esc did not close the export")
	}
}

// notice is what serve sends before closing an idle session.
type notice string

func (n notice) Notice() string { return string(n) }

func TestNoticeShowsUntilTheNextKey(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 120, 40)
	m, _ = update(t, m, notice("idle for 9m0s: closing in 1m0s unless you press a key"))
	mustContain(t, screen(m), "idle for 9m0s: closing in 1m0s unless you press a key")
	m, _ = update(t, m, press("down"))
	if strings.Contains(screen(m), "closing in") {
		t.Error("the notice outlived a key press")
	}
}
