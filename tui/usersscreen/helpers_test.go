package usersscreen

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/exporter"
	"github.com/retainlab/retain/tui/screentest"
)

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
	return runCmds(t, s, s.SetRun(screentest.TextbookRun(t)))
}

// runCmds runs cmd and every Cmd the screen's answers lead to, in order,
// as the program would.
func runCmds(t *testing.T, s Model, cmd tea.Cmd) Model {
	t.Helper()
	screentest.Drain(cmd, func(msg tea.Msg) (tea.Cmd, bool) {
		switch msg.(type) {
		case ReadyMsg, ExplainMsg, SweepMsg, WhatIfExplainMsg, FilterMsg, FindMsg, exporter.ProgressMsg, exporter.DoneMsg:
			var next tea.Cmd
			s, next = s.step(msg)
			return next, true
		}
		return nil, false
	})
	return s
}

// pressAll presses keys one by one, running the Cmds each leads to.
func pressAll(t *testing.T, s Model, keys ...string) Model {
	t.Helper()
	for _, k := range keys {
		var cmd tea.Cmd
		s, cmd = s.step(screentest.Press(k))
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

// searchPrefix moves the cursor to the next shown user, from position
// from and wrapping around, whose id starts with query (ignoring case),
// as the screen's search does in its Cmd. It reports whether one does.
func (l *userList) searchPrefix(query string, from int) bool {
	i := findPrefix(l.users, l.shown, query, from)
	if i < 0 {
		return false
	}
	l.cursor = i
	l.scroll()
	return true
}
