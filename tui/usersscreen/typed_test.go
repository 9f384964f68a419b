package usersscreen

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestSearchEchoesTypedTextTerminalSafe: the Users screen echoes a search
// ("searching for …", "no shown user's id is or starts with …"); control
// sequences typed into it are dropped before they are echoed.
func TestSearchEchoesTypedTextTerminalSafe(t *testing.T) {
	s := syntheticScreen(200, 120, 30)
	s = pressAll(t, s, "/")
	s, _ = s.step(tea.KeyPressMsg{Code: tea.KeyExtended, Text: "\x1b]0;pwned\x07\x1b[2J\u009b31mnobody"})
	s, cmd := press(s, "enter")
	leaks := func(v string) bool {
		return strings.Contains(v, "\x1b]0;") || strings.Contains(v, "\x1b[2J") || strings.ContainsRune(v, '\u009b')
	}
	if v := s.View(); leaks(v) || !strings.Contains(view(s), "searching for ]0;pwned[2J31mnobody…") {
		t.Errorf("while searching:\n%q", v)
	}
	s = runCmds(t, s, cmd)
	if v := s.View(); leaks(v) || !strings.Contains(view(s), "no shown user's id is or starts with ]0;pwned[2J31mnobody") {
		t.Errorf("after the search:\n%q", v)
	}
}
