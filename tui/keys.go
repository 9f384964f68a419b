package tui

import (
	"charm.land/bubbles/v2/key"
	"github.com/retainlab/retain/tui/common"
)

// helpKeys joins the current screen's keys with the global ones, so the
// footer shows exactly what works now.
type helpKeys struct {
	screen  [][]key.Binding // the screen's groups; the first is its short help
	global  common.KeyMap
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
		append([]key.Binding{g.NextTab, g.PrevTab}, g.TabKeys()...),
		[]key.Binding{g.Dismiss, g.Help, g.Quit})
}
