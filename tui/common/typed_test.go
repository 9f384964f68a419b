package common

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestFieldReadsNoClipboardItself: ctrl+v in a text field ran the
// field's paste, which reads the clipboard of the machine the program
// runs on (xclip, xsel, wl-paste or pbpaste): on a served session, the
// server's, so a session could read what the server's operator had
// copied; locally, into the field with an escape sequence's remains
// ("[31m"). No field reads the clipboard itself now, served or not: the
// root's ctrl+v reads the local one and hands it over as a paste (tui's
// TestCtrlVPastesTheClipboardAsAPaste).
func TestFieldReadsNoClipboardItself(t *testing.T) {
	for _, served := range []bool{true, false} {
		c := New("en")
		c.Served = served
		in := NewTextInput(c, "> ")
		in.Focus()
		in.SetValue("ab")
		in, cmd := in.Update(tea.KeyPressMsg{Code: 'v', Mod: tea.ModCtrl})
		if cmd != nil {
			if msg := cmd(); strings.Contains(strings.ToLower(fmt.Sprintf("%T", msg)), "paste") {
				t.Fatalf("served %v: ctrl+v read the clipboard: %T %v", served, msg, msg)
			}
		}
		if got := in.Value(); got != "ab" {
			t.Errorf("served %v: ctrl+v changed the field to %q", served, got)
		}
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
