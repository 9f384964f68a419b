package common

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// lineEnds are the line breaks of a paste: LF, CR (what most terminals
// send for a pasted line end), CR LF, and the Unicode line and paragraph
// separators.
const lineEnds = "\r\n\u2028\u2029"

// breaks are the runs of line breaks and tabs inside a paste: each run
// (CR LF, a blank line, an empty spreadsheet cell) is one break.
var breaks = regexp.MustCompile("[\t" + lineEnds + "]+")

// PastedText is the text of a paste as a one-line field takes it: escape
// sequences (colours copied from a terminal, a title or clipboard request)
// are dropped whole rather than left as "[31m"; line breaks at either end
// (a copied line's own) are dropped, and each run of line breaks or tabs
// inside becomes a space, so a multi-line paste reads as one line with all
// its text; any other control character is dropped, and so is every
// format character (bidi controls, zero-width characters: typedText).
func PastedText(s string) string { return pasted(s, " ") }

// PastedList is PastedText for a field that takes a comma-separated list
// (the ids of items to leave out): each run of line breaks or tabs inside
// the paste separates two entries with ", ", so a column or a row of ids
// copied from a spreadsheet is a list of those ids.
func PastedList(s string) string { return pasted(s, ", ") }

func pasted(s, sep string) string {
	s = ansi.Strip(strings.ToValidUTF8(s, ""))
	s = breaks.ReplaceAllLiteralString(strings.Trim(s, lineEnds), sep)
	return typedText(strings.Map(func(r rune) rune {
		if isControl(r) {
			return -1
		}
		return r
	}, s))
}

// TypeKey hands a key pressed in a field to it, without the format
// characters of its text (typedText): the field drops control characters
// itself but keeps bidi controls and zero-width characters, which it
// would then draw and the screens echo. A key whose text is only such
// characters types nothing. Screens hand the keys a focused field takes
// to it through Field.Key, which types them through TypeKey, as they hand
// it pastes through Field.Paste.
func TypeKey(in textinput.Model, k tea.KeyPressMsg) (textinput.Model, tea.Cmd) {
	if k.Text != "" {
		if k.Text = typedText(k.Text); k.Text == "" {
			return in, nil
		}
	}
	return in.Update(k)
}

// IntoFullField reports whether msg is a typed character that in, at its
// character limit already, would drop: a screen can then skip the key
// and the redraw it would cost.
func IntoFullField(in textinput.Model, msg tea.Msg) bool {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || k.Text == "" || k.Mod&^tea.ModShift != 0 || in.CharLimit <= 0 {
		return false
	}
	return utf8.RuneCountInString(in.Value()) >= in.CharLimit
}

// Paste inserts the text of a bracketed paste (tea.PasteMsg: the user's
// terminal pasting the user's own clipboard, or the root's ctrl+v handing
// over the local clipboard's text) at in's cursor, as PastedText makes it
// and within in's character limit. Screens hand a paste to the focused
// field through it, in served sessions too: the text comes from the
// client's terminal, not the server's clipboard (which the root's ctrl+v
// does not read there).
func Paste(in textinput.Model, msg tea.PasteMsg) (textinput.Model, tea.Cmd) {
	return in.Update(tea.PasteMsg{Content: PastedText(msg.Content)})
}

// PasteList is Paste for a field that takes a comma-separated list
// (PastedList).
func PasteList(in textinput.Model, msg tea.PasteMsg) (textinput.Model, tea.Cmd) {
	return in.Update(tea.PasteMsg{Content: PastedList(msg.Content)})
}
