package tui

import tea "charm.land/bubbletea/v2"

// Live is the root model as a program runs it: held by pointer, so that a
// message updates it in place. Model's own Update takes and returns the
// model by value, and every copy of its some 200 kB is made on the heap:
// run by value, each key press (and each tick) copied it, which alone cost
// a flood of typed keys most of its time.
type Live struct{ m *Model }

// Live returns the program's model for m.
func (m Model) Live() *Live { return &Live{m: &m} }

// Init implements tea.Model as Model.Init.
func (l *Live) Init() tea.Cmd { return l.m.Init() }

// Update implements tea.Model: Model.Update on the model itself.
func (l *Live) Update(msg tea.Msg) (tea.Model, tea.Cmd) { return l, l.m.step(msg) }

// View implements tea.Model as Model.View.
func (l *Live) View() tea.View { return l.m.view() }

// Close is Model.Close.
func (l *Live) Close() { l.m.Close() }

// Model returns a copy of the model as it is now.
func (l *Live) Model() Model { return *l.m }

// SetSend gives the model the program's Send, through which a load in
// progress reports how far it has come (loadProgressMsg). Call it before
// the program runs.
func (l *Live) SetSend(send func(tea.Msg)) { l.m.send = send }

// Lang is the session's interface language now ("en" or "zh"), after any
// switch with ctrl+l: serve says its last line in it.
func (l *Live) Lang() string { return l.m.com.Lang }
