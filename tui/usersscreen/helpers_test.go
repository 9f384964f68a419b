package usersscreen

import (
	"context"
	"io"
	"os"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// press builds the message a key press sends ("q", "esc", "pgdown", …).
func press(k string) tea.KeyPressMsg {
	switch k {
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	}
	r := []rune(k)
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

func osOpen(p string) (io.ReadCloser, error) { return os.Open(p) }

var (
	textbookOnce sync.Once
	textbookRun  common.Run
	textbookErr  error
)

// trainedRun is run 1: the 100-user textbook data trained for two epochs
// with the default configuration (fixed seed). It is trained once per test
// binary; an ended run is only read.
func trainedRun(t testing.TB) common.Run {
	t.Helper()
	textbookOnce.Do(func() {
		d, err := experiment.Load(experiment.Source{Kind: "textbook"}, osOpen)
		if err != nil {
			textbookErr = err
			return
		}
		cfg := experiment.DefaultConfig()
		cfg.Train.Epochs = 2
		e, err := experiment.New(d, cfg)
		if err != nil {
			textbookErr = err
			return
		}
		if err := e.Trainer.Run(context.Background()); err != nil {
			textbookErr = err
			return
		}
		textbookRun = common.Run{Number: 1, Exp: e, History: e.Trainer.History()}
	})
	if textbookErr != nil {
		t.Fatal(textbookErr)
	}
	return textbookRun
}

// analysed returns the screen at w×h in lang with run 1's users scored and
// the first user's explanation in.
func analysed(t *testing.T, lang string, w, h int) Model {
	t.Helper()
	return analysedWith(t, screentest.Common(lang, w, h))
}

func analysedWith(t *testing.T, c common.Common) Model {
	t.Helper()
	s := New(c)
	s.SetSize(c.Width, c.Height)
	return runCmds(t, s, s.SetRun(trainedRun(t)))
}

// runCmds runs cmd and every Cmd the screen's answers lead to, in order,
// as the program would.
func runCmds(t *testing.T, s Model, cmd tea.Cmd) Model {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case ReadyMsg, ExplainMsg, SweepMsg, ExportProgressMsg, ExportDoneMsg, ExportTextMsg:
			var next tea.Cmd
			s, next = s.step(msg)
			queue = append(queue, next)
		}
	}
	return s
}

// pressAll presses keys one by one, running the Cmds each leads to.
func pressAll(t *testing.T, s Model, keys ...string) Model {
	t.Helper()
	for _, k := range keys {
		var cmd tea.Cmd
		s, cmd = s.step(press(k))
		s = runCmds(t, s, cmd)
	}
	return s
}

// typeText types each rune of text.
func typeText(t *testing.T, s Model, text string) Model {
	t.Helper()
	for _, r := range text {
		s = pressAll(t, s, string(r))
	}
	return s
}

// clear deletes n characters in the open prompt.
func clear(t *testing.T, s Model, n int) Model {
	t.Helper()
	for range n {
		s = pressAll(t, s, "backspace")
	}
	return s
}

// view is the screen without styling.
func view(s Model) string { return ansi.Strip(s.View()) }

func mustContain(t *testing.T, view string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(view, p) {
			t.Fatalf("view lacks %q:\n%s", p, view)
		}
	}
}
