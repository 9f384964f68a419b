package common

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func press(f Field, keys ...tea.KeyPressMsg) Field {
	for _, k := range keys {
		f, _ = f.Key(k)
	}
	return f
}

func char(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }

// TestFieldReplacesItsValueOnTheFirstCharacter: review 22 typed 5 into a
// batch size of 32 and got 325. A field opened on a value shows it
// selected: the first character typed (or a paste) replaces it, and the
// rest follow; ←/→, home/end and backspace keep it to edit.
func TestFieldReplacesItsValueOnTheFirstCharacter(t *testing.T) {
	open := func(v string) Field {
		f := NewField(New("en"), "")
		f.Open(v)
		return f
	}
	cases := []struct {
		name string
		keys []tea.KeyPressMsg
		want string
	}{
		{"5", []tea.KeyPressMsg{char('5')}, "5"},
		{"100", []tea.KeyPressMsg{char('1'), char('0'), char('0')}, "100"},
		{"backspace then 4", []tea.KeyPressMsg{{Code: tea.KeyBackspace}, char('4')}, "34"},
		{"left then 1", []tea.KeyPressMsg{{Code: tea.KeyLeft}, char('1')}, "312"},
		{"right then 8", []tea.KeyPressMsg{{Code: tea.KeyRight}, char('8')}, "328"},
		{"home then 1", []tea.KeyPressMsg{{Code: tea.KeyHome}, char('1')}, "132"},
		{"ctrl+u then 7", []tea.KeyPressMsg{{Code: 'u', Mod: tea.ModCtrl}, char('7')}, "7"},
		// A bidi control types nothing, so it replaces nothing either.
		{"U+202E then 6", []tea.KeyPressMsg{{Code: '\u202e', Text: "\u202e"}, char('6')}, "6"},
	}
	for _, c := range cases {
		f := press(open("32"), c.keys...)
		if got := f.Value(); got != c.want {
			t.Errorf("32, %s: %q, want %q", c.name, got, c.want)
		}
		if f.Selected() {
			t.Errorf("32, %s: still selected", c.name)
		}
	}
	f, _ := open("retain-users.csv").Paste(tea.PasteMsg{Content: "out.csv\n"})
	if got := f.Value(); got != "out.csv" {
		t.Errorf("a paste over the selected value: %q, want out.csv", got)
	}
	if f, _ := open("32").Paste(tea.PasteMsg{Content: "\x1b[31m"}); f.Value() != "32" || !f.Selected() {
		t.Errorf("a paste of nothing left %q (selected %v), want 32 still selected", f.Value(), f.Selected())
	}
	if f := open(""); f.Selected() {
		t.Error("an empty value is selected")
	}
	f = NewField(New("en"), "")
	f.Continue("data/")
	if f = press(f, char('x')); f.Value() != "data/x" {
		t.Errorf("a field continued from data/ holds %q after x, want data/x", f.Value())
	}
}

// TestFieldDrawsItsSelection: the selected value is in reverse video
// and the blanks of the field's width after it are not; the footer's
// words are there only while it is selected, in either language.
func TestFieldDrawsItsSelection(t *testing.T) {
	for _, c := range []struct{ lang, want string }{
		{"en", "type to replace ←/→ to edit"},
		{"zh", "输入 即替换 ←/→ 在原值上修改"},
	} {
		f := NewField(New(c.lang), "Value: ")
		f.SetWidth(8)
		f.Open("32")
		v := f.View()
		if !strings.Contains(v, "\x1b[7m32") {
			t.Errorf("%s: the selected value is not in reverse video: %q", c.lang, v)
		}
		if got := ansi.Strip(v); got != "Value: 32       " {
			t.Errorf("%s: the field reads %q, want the prompt, 32, the cursor and 6 blanks", c.lang, got)
		}
		if got := ansi.StringWidth(ansi.Strip(f.Model.View())); got != ansi.StringWidth(ansi.Strip(v)) {
			t.Errorf("%s: selected, the field is %d cells wide, not %d", c.lang, ansi.StringWidth(ansi.Strip(v)), got)
		}
		var words []string
		for _, b := range f.HelpKeys(New(c.lang)) {
			words = append(words, b.Help().Key, b.Help().Desc)
		}
		if got := strings.Join(words, " "); got != c.want {
			t.Errorf("%s: footer %q, want %q", c.lang, got, c.want)
		}
		f = press(f, tea.KeyPressMsg{Code: tea.KeyEnd})
		if strings.Contains(f.View(), "\x1b[7m32") || len(f.HelpKeys(New(c.lang))) != 0 {
			t.Errorf("%s: end left the value selected: %q", c.lang, f.View())
		}
	}
}
