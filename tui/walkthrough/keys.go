package walkthrough

import "charm.land/bubbles/v2/key"

// KeyMap holds the walkthrough's keys. Model.KeyMap returns it with each
// binding enabled only when it does something on the current step, so the
// help footer never advertises a dead key.
type KeyMap struct {
	Next     key.Binding // the next step
	Back     key.Binding // the previous step
	Up       key.Binding // the previous neuron of the current layer
	Down     key.Binding // the next neuron of the current layer
	Layer    key.Binding // the next layer
	PrevCol  key.Binding // the previous weight of the chosen neuron
	NextCol  key.Binding // the next weight of the chosen neuron
	First    key.Binding // back to the first step
	PageUp   key.Binding // scroll the explanation up
	PageDown key.Binding // scroll the explanation down
}

// DefaultKeyMap returns the walkthrough's default keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Next:     key.NewBinding(key.WithKeys("right", "l", "space"), key.WithHelp("→/space", "next step")),
		Back:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←", "back")),
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑", "previous neuron")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", "next neuron")),
		Layer:    key.NewBinding(key.WithKeys("tab", "t"), key.WithHelp("tab/t", "next layer")),
		PrevCol:  key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous weight")),
		NextCol:  key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next weight")),
		First:    key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "first step")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup", "scroll up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "f"), key.WithHelp("pgdn", "scroll down")),
	}
}

// ShortHelp implements help.KeyMap: the keys a first-time reader needs.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Back, k.Up, k.Down, k.Layer}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Next, k.Back, k.First},
		{k.Up, k.Down, k.Layer, k.PrevCol, k.NextCol},
		{k.PageUp, k.PageDown},
	}
}
