package usersscreen

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/retainlab/retain/tui/screentest"
)

func TestServedExportGoesToTheExportFolderUnderNewNames(t *testing.T) {
	dir := t.TempDir()
	s := New(screentest.Common("en", 120, 40))
	s.SetServed(true, dir)
	s.SetSize(120, 40)
	s = runCmds(t, s, s.SetRun(screentest.TextbookRun(t)))
	if h := s.keyMap().Export.Help(); h.Desc != "export CSV to the server's folder" {
		t.Errorf("the x key says %q", h.Desc)
	}
	s = pressAll(t, s, "x")
	if s.Editing() {
		t.Fatal("x opened a prompt on a served session")
	}
	s = pressAll(t, s, "x")
	name := regexp.MustCompile(`✓ saved 100 users to the server: (retain-users-\d{8}-\d{6}-\d+\.csv)`)
	got := name.FindStringSubmatch(view(s))
	if got == nil {
		t.Fatalf("no export message:\n%s", view(s))
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

func TestServedShowsTheExport(t *testing.T) {
	s := New(screentest.Common("en", 120, 40))
	s.SetServed(true, "")
	s.SetSize(120, 40)
	s = runCmds(t, s, s.SetRun(screentest.TextbookRun(t)))
	s = pressAll(t, s, "x")
	screentest.MustContain(t, view(s), "Export · 100 users", "100 users below to copy", "user_id,probability_purchases_next_30d_yes,predicted_purchases_next_30d,reason_1")
	if text := s.out.Text(); !strings.Contains(text, "\n") || text[len(text)-1] != '\n' {
		t.Error("the export text is not the CSV")
	}
	s = pressAll(t, s, "esc")
	if s.out.Showing() || s.Editing() {
		t.Fatal("esc did not close the export")
	}
}
