package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/atotto/clipboard"
)

// pasteClipboard is ctrl+v in a text field: it reads the clipboard of the
// machine the TUI runs on, off the UI goroutine, and hands its text to the
// field as the terminal hands a bracketed paste (tea.PasteMsg), so the
// same screens' Paste or PasteList makes it one safe line within the
// field's FieldCharLimit characters. A served session reads none: that
// clipboard is the server's.
func (m *Model) pasteClipboard() tea.Cmd {
	if m.opts.Served {
		return nil
	}
	read := m.opts.Clipboard
	if read == nil {
		read = clipboard.ReadAll
	}
	return func() tea.Msg {
		text, err := read()
		if err != nil {
			return clipboardUnread{}
		}
		return tea.PasteMsg{Content: text}
	}
}

// clipboardUnread says ctrl+v found no clipboard to read (no xclip, xsel
// or wl-paste, say), in the status corner until the next key.
type clipboardUnread struct{}

// Notice implements noticer.
func (clipboardUnread) Notice() string { return clipboardUnread{}.NoticeIn("en") }

// NoticeIn implements langNoticer.
func (clipboardUnread) NoticeIn(lang string) string {
	if lang == "zh" {
		return "ctrl+v 无法读取剪贴板：请用终端的粘贴键"
	}
	return "ctrl+v could not read the clipboard: paste with your terminal's paste key"
}
