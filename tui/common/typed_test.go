package common

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestServedFieldReadsNoClipboardOfTheServer: ctrl+v in a text field ran
// the field's paste, which reads the clipboard of the machine the program
// runs on (xclip, xsel, wl-paste or pbpaste): on a served session, the
// server's, so a session could read what the server's operator had
// copied. A served session's fields now paste nothing on ctrl+v; the
// user's terminal still pastes the user's own clipboard as typing.
func TestServedFieldReadsNoClipboardOfTheServer(t *testing.T) {
	c := New("en")
	c.Served = true
	in := NewTextInput(c, "> ")
	in.Focus()
	in.SetValue("ab")
	in, cmd := in.Update(tea.KeyPressMsg{Code: 'v', Mod: tea.ModCtrl})
	if cmd != nil {
		if msg := cmd(); strings.Contains(strings.ToLower(fmt.Sprintf("%T", msg)), "paste") {
			t.Fatalf("ctrl+v on a served session read the server's clipboard: %T %v", msg, msg)
		}
	}
	if got := in.Value(); got != "ab" {
		t.Errorf("ctrl+v changed the field to %q", got)
	}
	local := NewTextInput(New("en"), "> ")
	if !local.KeyMap.Paste.Enabled() {
		t.Error("the local TUI lost ctrl+v, which pastes its own user's clipboard")
	}
}

// TestTypedControlCharactersNeverReachTheValue: whatever a client sends as
// typing or a paste, a field's value holds no control character, so a
// screen that echoes it cannot drive the client's terminal.
func TestTypedControlCharactersNeverReachTheValue(t *testing.T) {
	in := NewTextInput(New("en"), "> ")
	in.Focus()
	const payload = "\x1b]0;pwned\x07\x1b[2J\u009b31mK11"
	in, _ = in.Update(tea.KeyPressMsg{Code: tea.KeyExtended, Text: payload})
	in, _ = in.Update(tea.PasteMsg{Content: "," + payload})
	if got, want := Typed(in), "]0;pwned[2J31mK11,]0;pwned[2J31mK11"; got != want {
		t.Errorf("typed %q, want %q", got, want)
	}
	if v := in.View(); strings.Contains(v, "\x1b]0;") || strings.Contains(v, "\x1b[2J") || strings.ContainsRune(v, '\u009b') {
		t.Errorf("the field shows the control sequences: %q", v)
	}
}
