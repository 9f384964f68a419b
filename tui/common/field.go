package common

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Field is a one-line text field that opens on a current value shown
// selected, as a spreadsheet cell does: the first character typed, or a
// paste, replaces the value, while any other key (←/→, home/end,
// backspace, ctrl+u…) ends the selection and edits the value from there.
// Every screen's field that opens on a value works so: a field that put
// the cursor after the value took a 5 typed into a batch size of 32 as
// 325. HelpKeys says so in the footer while the value is selected.
//
// A field that opens on text to go on from (a folder to name a file in, a
// list ending in ", ") opens with Continue: the cursor after it, nothing
// selected.
type Field struct {
	textinput.Model
	selected bool
}

// NewField returns a field with NewTextInput's settings, its prompt before
// it.
func NewField(c Common, prompt string) Field {
	return Field{Model: NewTextInput(c, prompt)}
}

// Open focuses f on value, selected (an empty value selects nothing).
func (f *Field) Open(value string) tea.Cmd {
	f.SetValue(value)
	f.CursorEnd()
	f.selected = value != ""
	return f.Focus()
}

// Continue focuses f on text to go on from: the cursor after it, nothing
// selected.
func (f *Field) Continue(text string) tea.Cmd {
	f.SetValue(text)
	f.CursorEnd()
	f.selected = false
	return f.Focus()
}

// Selected reports whether f's value is still the one it opened on,
// selected: the next character typed replaces it.
func (f Field) Selected() bool { return f.selected }

// Key hands a key to the field as TypeKey does. While the value is
// selected a typed character replaces it; any other key ends the
// selection and acts on the value (backspace deletes its last character).
// A key whose text is only control or format characters types nothing and
// leaves the selection as it was.
func (f Field) Key(k tea.KeyPressMsg) (Field, tea.Cmd) {
	if f.selected && k.Text != "" && !f.editKey(k) {
		if PastedText(k.Text) == "" {
			return f, nil
		}
		f.SetValue("")
	}
	f.selected = false
	var cmd tea.Cmd
	f.Model, cmd = TypeKey(f.Model, k)
	return f, cmd
}

// editKey reports whether k is one of the field's own editing keys
// (moving, deleting, completing) rather than a character to type.
func (f Field) editKey(k tea.KeyPressMsg) bool {
	m := f.KeyMap
	return key.Matches(k, m.CharacterForward, m.CharacterBackward, m.WordForward, m.WordBackward,
		m.DeleteWordBackward, m.DeleteWordForward, m.DeleteAfterCursor, m.DeleteBeforeCursor,
		m.DeleteCharacterBackward, m.DeleteCharacterForward, m.LineStart, m.LineEnd, m.Paste,
		m.AcceptSuggestion, m.NextSuggestion, m.PrevSuggestion)
}

// Paste inserts a paste's text as Paste does; it replaces a selected
// value.
func (f Field) Paste(msg tea.PasteMsg) (Field, tea.Cmd) {
	return f.paste(PastedText(msg.Content))
}

// PasteList inserts a paste as PasteList does (a column of ids is a list
// of them); it replaces a selected value.
func (f Field) PasteList(msg tea.PasteMsg) (Field, tea.Cmd) {
	return f.paste(PastedList(msg.Content))
}

func (f Field) paste(text string) (Field, tea.Cmd) {
	if text == "" {
		return f, nil
	}
	if f.selected {
		f.SetValue("")
		f.selected = false
	}
	var cmd tea.Cmd
	f.Model, cmd = f.Model.Update(tea.PasteMsg{Content: text})
	return f, cmd
}

// Update hands f any message: keys through Key, pastes through Paste, the
// rest to the text field.
func (f Field) Update(msg tea.Msg) (Field, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return f.Key(msg)
	case tea.PasteMsg:
		return f.Paste(msg)
	}
	var cmd tea.Cmd
	f.Model, cmd = f.Model.Update(msg)
	return f, cmd
}

// Drops reports whether msg is a typed character f would drop, being at
// its character limit (IntoFullField); a selected value is replaced, so
// nothing is dropped.
func (f Field) Drops(msg tea.Msg) bool {
	return !f.selected && IntoFullField(f.Model, msg)
}

// Typed is the text in f, made safe for the terminal (Typed).
func (f Field) Typed() string { return Typed(f.Model) }

// View is the field with its prompt; a selected value is drawn in
// reverse video, and the blanks after it (a field with a width pads its
// value) are not.
func (f Field) View() string {
	if !f.selected {
		return f.Model.View()
	}
	m := f.Model
	st := m.Styles()
	st.Focused.Text = st.Focused.Text.Reverse(true)
	m.SetStyles(st)
	w, vw := m.Width(), ansi.StringWidth(m.Value())
	if w <= 0 || vw > w {
		return m.View()
	}
	m.SetWidth(0)
	return m.View() + strings.Repeat(" ", w-vw)
}

// InlineView is f's view for a field with more text after it on its
// line: a field with a width pads a value shorter than the width with
// blanks, which would push that text to the line's end. A longer value
// scrolls in the width as in View.
func (f Field) InlineView() string {
	if ansi.StringWidth(f.Value()) <= f.Width() {
		f.SetWidth(0)
	}
	return f.View()
}

// HelpKeys are the footer's words for f while its value is selected: a
// typed value replaces it, ←/→ keep it to edit. None once a key has ended
// the selection, or while f is not focused.
func (f Field) HelpKeys(c Common) []key.Binding {
	if !f.selected || !f.Focused() {
		return nil
	}
	return []key.Binding{
		key.NewBinding(key.WithKeys("type"), key.WithHelp(c.T("type", "输入"), c.T("to replace", "即替换"))),
		key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", c.T("to edit", "在原值上修改"))),
	}
}
