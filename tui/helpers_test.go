package tui

import (
	"context"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// press builds the message a key press sends ("q", "space", "ctrl+c", …).
func press(k string) tea.KeyPressMsg {
	switch k {
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
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
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(k)
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

// typeText sends each rune of s as a key press.
func typeText(m tea.Model, s string) tea.Model {
	for _, r := range s {
		m, _ = m.Update(press(string(r)))
	}
	return m
}

func osOpen(p string) (io.ReadCloser, error) { return os.Open(p) }

// textbookOptions opens the 100-user textbook data, which trains in
// milliseconds.
func textbookOptions() Options {
	return Options{Source: experiment.Source{Kind: "textbook"}, Config: experiment.DefaultConfig(), Open: osOpen}
}

// loadedModel returns a root model at w×h with its initial data loaded
// (the load Cmd is run synchronously, as the program would run it).
func loadedModel(t *testing.T, opts Options, w, h int) Model {
	t.Helper()
	m := NewModel(opts)
	tm, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	tm, _ = tm.Update(tm.(Model).Init()())
	m = tm.(Model)
	if m.data == nil {
		t.Fatalf("initial load failed: %v", m.err)
	}
	return m
}

// update sends msg and returns the root model and Cmd.
func update(t *testing.T, m Model, msg tea.Msg) (Model, tea.Cmd) {
	t.Helper()
	tm, cmd := m.Update(msg)
	return tm.(Model), cmd
}

// screen renders the root view without styling.
func screen(m Model) string { return ansi.Strip(m.View().Content) }

func mustContain(t *testing.T, view string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(view, p) {
			t.Fatalf("view lacks %q:\n%s", p, view)
		}
	}
}

type engineProgress = engine.Progress

var contextCanceled = context.Canceled

func stripped(s string) string { return ansi.Strip(s) }

func itoa(n int) string { return strconv.Itoa(n) }
