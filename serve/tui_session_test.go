package serve

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/internal/shareddata"
	"github.com/retainlab/retain/tui"
)

// servedTelco writes the first rows of the telco data set to a served file.
func servedTelco(t *testing.T, dir string) string {
	t.Helper()
	all, err := os.ReadFile("../../shared/datasets/telco_churn/WA_Fn-UseC_-Telco-Customer-Churn.csv")
	if err != nil {
		shareddata.Missing(t, "../../shared/datasets/telco_churn/WA_Fn-UseC_-Telco-Customer-Churn.csv", err)
	}
	lines := bytes.SplitAfterN(all, []byte("\n"), 302)
	path := filepath.Join(dir, "served.csv")
	if err := os.WriteFile(path, bytes.Join(lines[:301], nil), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// waitScreen waits until the session's output, without escape sequences,
// holds s at least n times.
func (tm *term) waitScreen(t *testing.T, s string, n int) {
	t.Helper()
	if !tm.out.waitUntil(func(out string) bool { return strings.Count(ansi.Strip(out), s) >= n }, waitLimit) {
		t.Fatalf("the screen never showed %q %d times; it showed %q", s, n, ansi.Strip(tm.out.String()))
	}
}

// waitAny waits until ok accepts the session's output without escape
// sequences.
func (tm *term) waitAny(t *testing.T, what string, ok func(screen string) bool) {
	t.Helper()
	if !tm.out.waitUntil(func(out string) bool { return ok(ansi.Strip(out)) }, waitLimit) {
		t.Fatalf("the screen never showed %s; it showed %q", what, ansi.Strip(tm.out.String()))
	}
}

func (tm *term) send(t *testing.T, keys string) {
	t.Helper()
	if _, err := tm.stdin.Write([]byte(keys)); err != nil {
		t.Fatal(err)
	}
}

// openServed starts a server whose sessions run the TUI on opts and opens
// one as "mallory", once the served file's name is on screen.
func openServed(t *testing.T, opts tui.Options) *term {
	t.Helper()
	f := start(t, Config{App: func(SessionInfo) tea.Model { return tui.NewModel(opts) }})
	tm := f.openTerm(t, "mallory", "xterm-256color", nil)
	tm.waitScreen(t, "served.csv", 1)
	return tm
}

// TestServedSessionWritesAndListsNothing drives the real TUI over SSH as
// a hostile user: it asks to open other data and to export to an absolute
// path, a ../ path and the served file itself. Nothing may be written and
// no name of the server's may appear.
func TestServedSessionWritesAndListsNothing(t *testing.T) {
	dir := t.TempDir()
	served := servedTelco(t, dir)
	before, err := os.ReadFile(served)
	if err != nil {
		t.Fatal(err)
	}
	secrets := filepath.Join(dir, "secrets")
	if err := os.Mkdir(secrets, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(secrets, "zebra-4417-private.key"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	cwd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	absolute := filepath.Join(dir, "absolute.csv")
	dotdot, err := filepath.Rel(cwd, filepath.Join(dir, "dotdot.csv"))
	if err != nil || !strings.HasPrefix(dotdot, "../") {
		t.Fatalf("no ../ path to the temporary folder: %q, %v", dotdot, err)
	}

	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 2
	opts := tui.Options{
		Source: experiment.Source{Kind: "csv", Path: served}, Config: cfg, Served: true,
		Open: func(p string) (io.ReadCloser, error) {
			if p == served {
				return os.Open(p)
			}
			return nil, fmt.Errorf("%s: opening files is disabled over SSH", p)
		},
	}
	tm := openServed(t, opts)

	// No path prompt opens: g says why (o reloads the served file), so
	// what a hostile user types next is never read as a path, nor listed
	// the way tab used to complete one.
	tm.send(t, "g")
	tm.waitScreen(t, "a served session opens no other file", 1)

	// Train two epochs, then look at the users.
	tm.send(t, "3s5")
	tm.waitScreen(t, "of 300 users", 1)
	// exportShown counts the marks of an export shown or asked for.
	prompts := func(s string) int { return strings.Count(s, "Export to CSV:") }
	exportShown := func(s string) int { return strings.Count(s, "users below to copy") + prompts(s) }
	for i, target := range []string{absolute, dotdot, served} {
		// The renderer may draw one export's lines more than once, so
		// the wait looks for a mark newer than the count before this x.
		screen := ansi.Strip(tm.out.String())
		shown, asked := exportShown(screen), prompts(screen)
		tm.send(t, "x")
		tm.waitAny(t, "the export", func(s string) bool { return exportShown(s) > shown })
		// A session that asks for a path gets the hostile one; the keys
		// go alone, so the esc below arrives on its own (an esc read with
		// other keys may be held as the start of a sequence).
		if prompts(ansi.Strip(tm.out.String())) > asked {
			tm.send(t, "\x15"+target+"\r")
		}
		// The list's footer replaces the export's when the export closes:
		// a line that changes in both directions, so it is drawn again
		// however the keys fall into frames.
		n := strings.Count(ansi.Strip(tm.out.String()), "b risk band")
		tm.send(t, "\x1b")
		tm.waitAny(t, "the end of the export", func(s string) bool {
			return strings.Count(s, "b risk band") > n || strings.Count(s, "✓ wrote")+strings.Count(s, "✗ export failed") > i
		})
	}
	// The last key was handled once the next export shows.
	last := exportShown(ansi.Strip(tm.out.String()))
	tm.send(t, "x")
	tm.waitAny(t, "the export", func(s string) bool { return exportShown(s) > last })

	screen := ansi.Strip(tm.out.String())
	if !strings.Contains(screen, "customerID,probability_Churn_Yes,predicted_Churn,reason_1,reason_2,reason_3") {
		t.Error("the export was not shown on screen")
	}
	if !strings.Contains(tm.out.String(), "\x1b]52;c;") {
		t.Error("the export was not sent to the clipboard with OSC 52")
	}
	// Names the test typed itself may be echoed; no other may be shown.
	if strings.Contains(screen, "zebra") {
		t.Error("the session was shown the server's file zebra-4417-private.key")
	}
	if root, err := os.ReadDir("/"); err == nil {
		for _, e := range root {
			if e.IsDir() && !strings.Contains(dir, e.Name()) && strings.Contains(screen, e.Name()+"/") {
				t.Errorf("the session was shown the server's folder /%s/", e.Name())
			}
		}
	}
	for _, p := range []string{absolute, filepath.Join(cwd, dotdot), filepath.Join(cwd, "retain-users.csv")} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("the session wrote %s", p)
		}
	}
	if after, err := os.ReadFile(served); err != nil || !bytes.Equal(after, before) {
		t.Errorf("the served file changed (%v)", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("the folder of the served file holds %d entries, want 2 (served.csv, secrets)", len(entries))
	}
}

// TestServedSessionRefusesAHugeNetwork repeats the attack of 4 December
// 2026 over SSH: 4,096 units in layer 1, then a copy of it (17 million
// parameters; eight such layers took the server from 93 MB to 8.9 GB).
// The Model screen refuses the copy and keeps the network as it was.
// (The refusal itself is tested word for word in tui/modelscreen.)
func TestServedSessionRefusesAHugeNetwork(t *testing.T) {
	served := servedTelco(t, t.TempDir())
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 2
	opts := tui.Options{
		Source: experiment.Source{Kind: "csv", Path: served}, Config: cfg, Served: true,
		Limits: experiment.Limits{MaxParams: 1_000_000, MaxTrainMemory: 256 << 20},
		Open:   func(string) (io.ReadCloser, error) { return os.Open(served) },
	}
	tm := openServed(t, opts)
	// The summary counts the loaded data's inputs before any edit.
	tm.send(t, "2")
	tm.waitScreen(t, "Limit: 1,000,000 params · 256 MiB to", 1)
	tm.send(t, "\r\x154096\r")
	// (42·4096) + (4097·32) + 33: the renderer draws only what changed.
	tm.waitScreen(t, "303,169", 1)
	tm.send(t, "a")
	tm.waitAny(t, "the refusal", func(s string) bool {
		return strings.Contains(s, "refused: the network would have") && strings.Contains(s, "1,000,000")
	})
	if strings.Contains(ansi.Strip(tm.out.String()), "dense_3") {
		t.Error("the refused layer was added")
	}
}
