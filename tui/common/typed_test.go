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

// TestTypedFormatCharactersNeverReachTheValue: the field drops control
// characters but kept bidi controls and zero-width characters, which it
// drew and the screens echoed (a search's "no shown user's id is or
// starts with …" reversed by U+202E). Typed or pasted, they are dropped,
// as ESC is; CJK is kept.
func TestTypedFormatCharactersNeverReachTheValue(t *testing.T) {
	in := NewTextInput(New("en"), "> ")
	in.Focus()
	for _, text := range []string{"a", "\u202e", "b\u200b客", "\u2066\u2069"} {
		in, _ = TypeKey(in, tea.KeyPressMsg{Code: tea.KeyExtended, Text: text})
	}
	in, _ = Paste(in, tea.PasteMsg{Content: "\ufeffc\u202ed"})
	if got, want := in.Value(), "ab客cd"; got != want {
		t.Errorf("value %q, want %q", got, want)
	}
	if v := in.View(); strings.ContainsAny(v, "\u202e\u200b\u2066\u2069\ufeff") {
		t.Errorf("the field shows format characters: %q", v)
	}
	// A value set by the program is read through Typed, which drops them.
	in.SetValue("x\u202ey\u200b")
	if got, want := Typed(in), "xy"; got != want {
		t.Errorf("Typed %q, want %q", got, want)
	}
	// Keys without text (arrows, backspace) still reach the field.
	in, _ = TypeKey(in, tea.KeyPressMsg{Code: tea.KeyBackspace})
	if got, want := in.Value(), "x\u202ey"; got != want {
		t.Errorf("after backspace %q, want %q", got, want)
	}
}
