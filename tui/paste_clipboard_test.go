package tui

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/common"
)

// ctrlV is the key ctrl+v as the terminal sends it.
var ctrlV = tea.KeyPressMsg{Code: 'v', Mod: tea.ModCtrl}

// clipboardPaste presses ctrl+v in m's open field with clipboard holding
// text, and hands the field what that reads, as the program would.
func clipboardPaste(t *testing.T, m Model, text string) Model {
	t.Helper()
	m.opts.Clipboard = func() (string, error) { return text, nil }
	m, cmd := update(t, m, ctrlV)
	if cmd == nil {
		t.Fatal("ctrl+v read no clipboard")
	}
	msg := cmd()
	if p, ok := msg.(tea.PasteMsg); !ok || p.Content != text {
		t.Fatalf("ctrl+v gave %T %#v, want the clipboard's text as a tea.PasteMsg", msg, msg)
	}
	m, cmd = update(t, m, msg)
	return driveCmd(t, m, cmd)
}

// TestCtrlVPastesTheClipboardAsAPaste: ctrl+v in a local session's field
// ran the field's own paste (bubbles' textinput reads the clipboard into
// its unexported pasteMsg), which drops an escape sequence's ESC only: a
// colour copied from a terminal left "[31m" in the field. The root now
// reads the clipboard itself and hands its text to the field as a
// bracketed paste (tea.PasteMsg), so every field takes it as it takes a
// paste: one line, escape sequences dropped whole, line ends dropped or
// made separators, at most 4,096 characters.
func TestCtrlVPastesTheClipboardAsAPaste(t *testing.T) {
	base := pasteFixture(t, false)
	for _, c := range pasteCases() {
		t.Run(c.name, func(t *testing.T) {
			c.checkPasted(t, clipboardPaste(t, c.open(t, base), c.paste))
		})
	}
	t.Run("4,096 characters", func(t *testing.T) {
		m := clearField(t, drive(t, base, "1", "o"))
		m = clipboardPaste(t, m, strings.Repeat("p", 5000))
		if got := m.dataScr.PromptValue(); got != strings.Repeat("p", common.FieldCharLimit) {
			t.Errorf("the field holds %d characters, want %d", len(got), common.FieldCharLimit)
		}
	})
	t.Run("no clipboard", func(t *testing.T) {
		m := drive(t, base, "5", "/")
		m.opts.Clipboard = func() (string, error) { return "", errors.New("no clipboard utilities available") }
		m, cmd := update(t, m, ctrlV)
		m, _ = update(t, m, cmd())
		if want := "ctrl+v could not read the clipboard: paste with your terminal's paste key"; m.notice != want || !m.editing() {
			t.Errorf("notice %q, editing %v; want %q in the open field", m.notice, m.editing(), want)
		}
	})
}

// TestServedCtrlVReadsNoClipboard: a served session's ctrl+v reads no
// clipboard (the machine's is the server's) and leaves the field as it
// was; outside a field ctrl+v reads none either.
func TestServedCtrlVReadsNoClipboard(t *testing.T) {
	read := 0
	clip := func() (string, error) { read++; return "server secret", nil }
	served := pasteFixture(t, true)
	served.opts.Clipboard = clip
	m := drive(t, served, "5", "/")
	m, cmd := update(t, m, ctrlV)
	if cmd != nil {
		cmd()
	}
	if got := screen(m); read > 0 || !hasLine(got, "Find id:") {
		t.Errorf("a served ctrl+v read the clipboard %d times; the field:\n%s", read, got)
	}
	local := pasteFixture(t, false)
	local.opts.Clipboard = clip
	if _, cmd := update(t, drive(t, local, "5"), ctrlV); cmd != nil {
		cmd()
	}
	if read > 0 {
		t.Errorf("ctrl+v outside a field read the clipboard")
	}
}
