package tui

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/datascreen"
	"github.com/retainlab/retain/tui/screentest"
)

// TestColumnChooserClearsTheStaleError: a file that failed to load left
// its error panel under the column chooser opened for the next file, so
// two files were named on one screen (review34 #6). The chooser opens
// alone now; esc on it shows the new file's own error.
func TestColumnChooserClearsTheStaleError(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.csv", "customer,date\nC1\n")
	ragged := writeFile(t, dir, "ragged.csv", "a,b,churn\n1,2,yes\n3,4,no\n")
	m := loadedModel(t, textbookOptions(), 100, 30)
	m, cmd := update(t, m, datascreen.OpenMsg{Src: experiment.Source{Kind: "log", Path: bad}})
	m, _ = update(t, m, cmd())
	if m.err == nil || !strings.Contains(screen(m), "bad.csv") {
		t.Fatalf("bad.csv gave no error panel:\n%s", screen(m))
	}
	m, cmd = update(t, m, datascreen.OpenMsg{Src: experiment.Source{Kind: "log", Path: ragged}})
	m, _ = update(t, m, cmd())
	view := screen(m)
	screentest.MustContain(t, view, "Columns of ragged.csv")
	if m.err != nil || strings.Contains(view, "bad.csv") {
		t.Fatalf("the chooser for ragged.csv shows bad.csv's error (%v):\n%s", m.err, view)
	}
	m, cmd = update(t, m, screentest.Press("esc"))
	if cmd == nil {
		t.Fatal("esc on the chooser sent nothing")
	}
	m, _ = update(t, m, cmd())
	if view := screen(m); !strings.Contains(view, "ragged.csv") || strings.Contains(view, "bad.csv") {
		t.Errorf("esc on the chooser: the error is not ragged.csv's own:\n%s", view)
	}
}
