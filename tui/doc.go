// Package tui holds the Bubble Tea models of retain's terminal interface.
//
// The root Model is a router: it owns the window size, the loaded data, the
// error panel and the help footer, and hands everything else to the screen
// of the active tab: Data, Model and Train to prepare and watch a run, then
// Evaluate, Users, Walkthrough, Runs and Map to judge and explain it. Each
// screen is a value with New, Update, View and SetSize, its own key map
// (bindings enabled only when they work, so the footer is always true) and
// the Styles passed down from the root; nothing is kept in package
// variables, so one program per SSH session is safe.
//
// Slow work never runs in Update. Loading and preparing data is a Cmd
// (through Options.Open). A training run is a worker created in Update,
// which owns its context; a Cmd builds the experiment and starts the
// trainer's goroutine, whose progress goes into an engine.Coalescer that
// the Train screen drains on a frame tick (about 15 Hz), redrawing its
// charts there and caching the view. Quitting cancels the run and waits for
// the goroutine before the program ends.
//
// Every ended run is kept. The analysis screens look at one of them, the
// latest unless the Runs screen chose another: evaluating it, scoring and
// sorting every user, explaining a user, sweeping a feature, building a
// walkthrough or a decision map are Cmds whose answers carry the run's
// number (stale ones are dropped). The Users table keeps precomputed
// orders of the row indices and renders only its visible window, so it
// stays fast with a million users.
package tui
