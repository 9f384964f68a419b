package tui

import (
	"context"
	"strconv"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// typeText sends each rune of s as a key press.
func typeText(m tea.Model, s string) tea.Model {
	for _, r := range s {
		m, _ = m.Update(screentest.Press(string(r)))
	}
	return m
}

// textbookOptions opens the 100-user textbook data, which trains in
// milliseconds.
func textbookOptions() Options {
	return Options{Source: experiment.Source{Kind: "textbook"}, Config: experiment.DefaultConfig(), Open: screentest.Open}
}

// loadedModel returns a root model at w×h with its initial data loaded
// (the load Cmd is run synchronously, as the program would run it).
func loadedModel(t testing.TB, opts Options, w, h int) Model {
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
func update(t testing.TB, m Model, msg tea.Msg) (Model, tea.Cmd) {
	t.Helper()
	tm, cmd := m.Update(msg)
	return tm.(Model), cmd
}

// screen renders the root view without styling.
func screen(m Model) string { return ansi.Strip(m.View().Content) }

type engineProgress = engine.Progress

var contextCanceled = context.Canceled

func stripped(s string) string { return ansi.Strip(s) }

func itoa(n int) string { return strconv.Itoa(n) }
