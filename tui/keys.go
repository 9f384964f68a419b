package tui

import "charm.land/bubbles/v2/key"

// KeyMap holds the keys that work on every screen.
type KeyMap struct {
	NextTab key.Binding
	PrevTab key.Binding
	Data    key.Binding
	Model   key.Binding
	Train   key.Binding
	Dismiss key.Binding
	Help    key.Binding
	Quit    key.Binding
}

// DefaultKeyMap returns the global keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		NextTab: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next screen")),
		PrevTab: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous screen")),
		Data:    key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "data")),
		Model:   key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "model")),
		Train:   key.NewBinding(key.WithKeys("3"), key.WithHelp("3", "train")),
		Dismiss: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "dismiss error")),
		Help:    key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
		Quit:    key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

// helpKeys joins the current screen's keys with the global ones, so the
// footer shows exactly what works now.
type helpKeys struct {
	screen  [][]key.Binding // the screen's groups; the first is its short help
	global  KeyMap
	editing bool // a text field has the keyboard: global keys are off
}

// ShortHelp implements help.KeyMap: the screen's main keys.
func (h helpKeys) ShortHelp() []key.Binding {
	if len(h.screen) > 0 {
		return h.screen[0]
	}
	return nil
}

// globalShort are the global keys the footer always shows on its right,
// so quitting and help are never cut off by a narrow window.
func (h helpKeys) globalShort() []key.Binding {
	if h.editing {
		return nil
	}
	return []key.Binding{h.global.Dismiss, h.global.Help, h.global.Quit}
}

// FullHelp implements help.KeyMap.
func (h helpKeys) FullHelp() [][]key.Binding {
	out := append([][]key.Binding(nil), h.screen...)
	if h.editing {
		return out
	}
	g := h.global
	return append(out,
		[]key.Binding{g.NextTab, g.PrevTab, g.Data, g.Model, g.Train},
		[]key.Binding{g.Dismiss, g.Help, g.Quit})
}
