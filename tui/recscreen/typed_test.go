package recscreen

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/screentest"
)

// typedPayload is typing that would drive the client's terminal if it
// were echoed as sent: a window title (OSC 0), a screen clear (CSI 2J)
// and a colour through the one-byte C1 CSI.
const typedPayload = "\x1b]0;pwned\x07\x1b[2J\u009b31mZZ9"

// leaksPayload reports whether view carries any of typedPayload's
// control sequences.
func leaksPayload(view string) bool {
	return strings.Contains(view, "\x1b]0;") || strings.Contains(view, "\x1b[2J") || strings.ContainsRune(view, '\u009b')
}

// TestTypedItemIdsAreEchoedTerminalSafe: the ids typed to leave items out
// are echoed on the settings line, as typed and again as "no item …";
// control sequences among them are dropped before they are echoed, so the
// line shows what is left of them and drives nothing.
func TestTypedItemIdsAreEchoedTerminalSafe(t *testing.T) {
	s := ready(t, screentest.Common("en", 160, 30))
	s = press(s, "i")
	s, _ = feed(s, tea.KeyPressMsg{Code: tea.KeyExtended, Text: "K11," + typedPayload})
	if leaksPayload(s.View()) {
		t.Fatalf("the field echoes the control sequences:\n%q", s.View())
	}
	s = press(s, "enter")
	const left = "]0;pwned[2J31mZZ9"
	if !slices.Equal(s.exclude, []string{"K11", left}) {
		t.Fatalf("left out %q, want [K11 %s]", s.exclude, left)
	}
	if leaksPayload(s.View()) {
		t.Errorf("the settings line echoes the control sequences:\n%q", s.View())
	}
	if v := ansiFree(s.View()); !strings.Contains(v, "without K11, "+left+" (i; no item "+left+")") {
		t.Errorf("the settings line does not say what is left out:\n%s", v)
	}
	// A refused cutoff quotes what was typed.
	s = press(s, "c")
	s = typeText(s, "")
	s, _ = feed(s, tea.KeyPressMsg{Code: tea.KeyExtended, Text: typedPayload})
	s = press(s, "enter")
	if !strings.Contains(ansiFree(s.View()), `"]0;pwned[2J31mZZ9" is not a date as YYYY-MM-DD`) || leaksPayload(s.View()) {
		t.Errorf("the refused cutoff:\n%q", s.View())
	}
}
