package tui

import tea "charm.land/bubbletea/v2"

// Model is the root model of the TUI.
type Model struct {
	opts Options
}

// NewModel returns the root model; serve builds one per SSH session.
func NewModel(opts Options) Model { return Model{opts: opts} }

// Init implements tea.Model.
func (m Model) Init() tea.Cmd { return nil }

// Update implements tea.Model.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && (k.String() == "q" || k.String() == "ctrl+c") {
		return m, tea.Quit
	}
	return m, nil
}

// View implements tea.Model.
func (m Model) View() tea.View {
	v := tea.NewView("retain — the TUI is under construction. q quits.")
	v.AltScreen = true
	return v
}
