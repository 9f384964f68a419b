package common

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// TestPastedText: what a one-line field takes of a bracketed paste. The
// expected texts are written by hand from the rule in PastedText's doc
// (and the README): escape sequences go whole, line breaks at the ends
// go, each run of line breaks or tabs inside becomes one space (CR LF is
// one break), other control characters go.
func TestPastedText(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"plain", "/work/data/orders.csv", "/work/data/orders.csv"},
		{"copied line", "/work/data/orders.csv\n", "/work/data/orders.csv"},
		{"copied lines on Windows", "\r\n12\r\n34\r\n", "12 34"},
		{"colour", "\x1b[1;31m42\x1b[0m", "42"},
		{"title and bell", "a\x1b]0;pwned\x07b", "ab"},
		{"clipboard write", "a\x1b]52;c;cHduZWQ=\x1b\\b", "ab"},
		{"screen clear and newline", "K11,\x1b[2J\nK12", "K11, K12"},
		{"old Mac line ends", "1\r2\r3", "1 2 3"},
		{"terminal's pasted line ends and a blank line", "12\r\r34\r", "12 34"},
		{"tab", "a\tb", "a b"},
		{"tabs and a line end", "a\t\t\nb", "a b"},
		{"line separator", "a\u2028b", "a b"},
		{"C1 and DEL", "a\u0085b\u007fc\x00d", "abcd"},
		{"invalid UTF-8", "a\xffb", "ab"},
		{"CJK", "客户\n编号", "客户 编号"},
		{"bidi and zero-width", "../../etc/passwd\x1b[31m\t~/\u202exx\u2066y\u2069\u200bz\ufeff", "../../etc/passwd ~/xxyz"},
		{"only a line end", "\n", ""},
	} {
		if got := PastedText(c.in); got != c.want {
			t.Errorf("%s: PastedText(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

// TestPastedList: in a list field, each run of line breaks or tabs in a
// paste separates two entries (expected texts by hand, from PastedList's doc).
func TestPastedList(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"K11\nA10\n", "K11, A10"},
		{"K11\r\n\x1b[31mA10\x1b[0m\r\nB20\r\n", "K11, A10, B20"},
		{"K11\tA10", "K11, A10"},
		{"K11\r\rA10\r", "K11, A10"},
		{"K11\t\tA10", "K11, A10"},
		{"K11", "K11"},
	} {
		if got := PastedList(c.in); got != c.want {
			t.Errorf("PastedList(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestPasteIntoAField: a paste goes in at the cursor, made one safe line,
// and the field shows it; in a served session too, where ctrl+v is off.
func TestPasteIntoAField(t *testing.T) {
	for _, served := range []bool{false, true} {
		c := New("en")
		c.Served = served
		in := NewTextInput(c, "Open: ")
		in.SetValue("/data/.csv")
		in.SetCursor(len("/data/"))
		in.Focus()
		in, _ = Paste(in, tea.PasteMsg{Content: "\x1b[32morders\x1b[0m\nlog\n"})
		if got, want := in.Value(), "/data/orders log.csv"; got != want {
			t.Errorf("served %v: value %q, want %q", served, got, want)
		}
		if got, want := ansi.Strip(in.View()), "Open: /data/orders log.csv"; got != want {
			t.Errorf("served %v: view %q, want %q", served, got, want)
		}
		if v := in.View(); strings.Contains(v, "\x1b[32m") {
			t.Errorf("served %v: the field shows the pasted colour: %q", served, v)
		}
	}
}

// TestPasteStopsAtTheCharacterLimit: a paste longer than the room left is
// cut to it, and a full field takes none.
func TestPasteStopsAtTheCharacterLimit(t *testing.T) {
	in := NewTextInput(New("en"), "> ")
	if in.CharLimit != FieldCharLimit {
		t.Fatalf("CharLimit %d, want %d", in.CharLimit, FieldCharLimit)
	}
	in.CharLimit = 8
	in.Focus()
	in.SetValue("ab")
	in, _ = Paste(in, tea.PasteMsg{Content: "\x1b[31m123\n4567\x1b[0m"})
	if got, want := in.Value(), "ab123 45"; got != want {
		t.Errorf("value %q, want %q", got, want)
	}
	in, _ = Paste(in, tea.PasteMsg{Content: "9"})
	if got, want := in.Value(), "ab123 45"; got != want {
		t.Errorf("a full field took a paste: %q", got)
	}
	long := NewTextInput(New("en"), "> ")
	long.Focus()
	long, _ = Paste(long, tea.PasteMsg{Content: strings.Repeat("7", FieldCharLimit+10)})
	if n := len([]rune(long.Value())); n != FieldCharLimit {
		t.Errorf("a long paste left %d characters, want the limit %d", n, FieldCharLimit)
	}
}
