package common

import "charm.land/bubbles/v2/key"

// KeyMap holds the keys that work on every screen.
type KeyMap struct {
	NextTab key.Binding
	PrevTab key.Binding
	Data    key.Binding
	Model   key.Binding
	Train   key.Binding
	// Evaluate, Users, Walk, Runs and Map open the analysis screens.
	Evaluate key.Binding
	Users    key.Binding
	Walk     key.Binding
	Runs     key.Binding
	Map      key.Binding
	Dismiss  key.Binding
	Help     key.Binding
	Quit     key.Binding
}

// DefaultKeyMap returns the global keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		NextTab:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next screen")),
		PrevTab:  key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous screen")),
		Data:     key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "data")),
		Model:    key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "model")),
		Train:    key.NewBinding(key.WithKeys("3"), key.WithHelp("3", "train")),
		Evaluate: key.NewBinding(key.WithKeys("4"), key.WithHelp("4", "evaluate")),
		Users:    key.NewBinding(key.WithKeys("5"), key.WithHelp("5", "users")),
		Walk:     key.NewBinding(key.WithKeys("6"), key.WithHelp("6", "walkthrough")),
		Runs:     key.NewBinding(key.WithKeys("7"), key.WithHelp("7", "runs")),
		Map:      key.NewBinding(key.WithKeys("8"), key.WithHelp("8", "decision map")),
		Dismiss:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "dismiss error")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

// TabKeys returns the number key of every tab, in tab order.
func (k KeyMap) TabKeys() []key.Binding {
	all := []key.Binding{k.Data, k.Model, k.Train, k.Evaluate, k.Users, k.Walk, k.Runs, k.Map}
	return all
}
