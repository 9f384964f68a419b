package walktab

import (
	"charm.land/bubbles/v2/key"

	"github.com/retainlab/retain/tui/walkthrough"
)

// keyMap returns the walkthrough's keys for the current step with their
// help in the interface's language; which keys work is the walkthrough's
// to say.
func (w Model) keyMap() walkthrough.KeyMap {
	km := w.model.KeyMap()
	label := func(b *key.Binding, keys, en, zh string) {
		b.SetHelp(keys, w.T(en, zh))
	}
	label(&km.Next, w.T("→/space", "→/空格"), "next step", "下一步")
	label(&km.Back, "←", "back", "上一步")
	label(&km.Up, "↑", "previous neuron", "上一个神经元")
	label(&km.Down, "↓", "next neuron", "下一个神经元")
	label(&km.Layer, "tab/t", "next layer", "下一层")
	label(&km.PrevCol, "[", "previous weight", "上一个权重")
	label(&km.NextCol, "]", "next weight", "下一个权重")
	label(&km.First, "g", "first step", "回到第一步")
	label(&km.PageUp, "pgup", "scroll up", "向上翻页")
	label(&km.PageDown, "pgdn", "scroll down", "向下翻页")
	return km
}
