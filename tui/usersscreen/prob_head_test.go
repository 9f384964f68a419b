package usersscreen

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// TestProbabilityColumnNamesItsClass: on online_shoppers the column was
// headed with a bare "P" at 80×24 (review 12, finding 13), "P(TRUE)" being
// one cell too wide for it. The column now widens to its heading.
func TestProbabilityColumnNamesItsClass(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sessions.csv")
	b := []byte("pages,bounce,Revenue\n")
	for i := range 120 {
		b = fmt.Appendf(b, "%d,%.2f,%s\n", i%17, float64(i%9)/10, []string{"FALSE", "TRUE"}[(i*7)%5/4])
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := experiment.Load(experiment.Source{Kind: "csv", Path: path, Label: "Revenue"}, screentest.Open)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 1
	e, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Trainer.Run(t.Context()); err != nil {
		t.Fatal(err)
	}
	s := New(screentest.Common("en", 80, 24))
	s.SetSize(80, 24)
	s = runCmds(t, s, s.SetRun(common.Run{Number: 1, Exp: e, History: e.Trainer.History()}))
	head := strings.Fields(ansi.Strip(s.tableLines(80, 5)[0]))
	if len(head) < 3 || head[2] != "P(TRUE)" {
		t.Fatalf("table header %q, want P(TRUE) third", head)
	}
}
