package trainscreen

import (
	tea "charm.land/bubbletea/v2"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// Alive reports whether a worker may still be running.
func (s Model) Alive() bool {
	return s.cur != nil && s.state != trainEnded
}

// Close stops the current run without waiting (Update must not block).
func (s Model) Close() {
	if s.cur != nil {
		s.cur.stop()
	}
}

// Wait blocks until the current worker has returned; for the root's Close
// only, after the program has ended.
func (s Model) Wait() {
	if s.cur != nil {
		<-s.cur.done
	}
}

// Stop cancels the current run and any pending restart, for quitting, and
// returns the Cmd that reports (with a DoneMsg) when the worker has ended;
// nil when no worker is alive.
func (s *Model) Stop() tea.Cmd {
	if !s.Alive() {
		return nil
	}
	s.restart = false // a pending restart must not outlive quitting
	s.cur.stop()
	return waitCmd(s.cur)
}

// Finished returns the ended runs kept, oldest first: every one since the
// app started, unless a session's memory limit made it forget older ones.
func (s Model) Finished() []common.Run { return s.finished }

// Progress returns the latest progress the screen shows.
func (s Model) Progress() engine.Progress { return s.latest }

// AddFinished records a run that ended elsewhere as the latest ended run
// (its number becomes the count of runs), as the root's tests and a future
// import of runs need.
func (s *Model) AddFinished(r common.Run) {
	s.finished = append(s.finished[:len(s.finished):len(s.finished)], r)
	s.runs = max(s.runs, r.Number)
}

// Runs returns how many runs were started.
func (s Model) Runs() int { return s.runs }

// View returns the view drawn in the last Update.
func (s Model) View() string { return s.view }

// Update implements common.Screen.
func (s Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) { return s.step(msg) }

// Resize implements common.Screen.
func (s Model) Resize(w, h int) common.Screen { return common.Resized(s, w, h) }

// Editing implements common.Screen: the Train screen has no text field.
func (s Model) Editing() bool { return false }

// Held returns the current run's experiment, its number and the batches it
// has trained while the run is paused and its trainer holds between two
// batches (it has said so), for the Walkthrough to show that moment
// (experiment.Experiment.Paused); ok is false otherwise.
func (s Model) Held() (exp *experiment.Experiment, run, step int, ok bool) {
	if s.state != trainPaused || s.exp == nil || s.latest.State != engine.Paused || s.checkingDecay() {
		return nil, 0, 0, false
	}
	return s.exp, s.runs, s.latest.Step, true
}

// Paused reports whether the current run is paused (a step it was asked
// for may still be training).
func (s Model) Paused() bool { return s.state == trainPaused }

// StepBatch trains one more batch of the paused run, as n does on this
// screen (the Walkthrough's n); false when no run is paused.
func (s *Model) StepBatch() bool {
	if s.state != trainPaused || s.exp == nil || s.checkingDecay() {
		return false
	}
	s.exp.Trainer.StepBatch()
	s.render()
	return true
}

// Training returns the run that trains now, running or paused (not one
// being stopped), and its number; ok is false when none does. Its trainer
// may be training: read only what may be read meanwhile
// (experiment.Experiment.AtEpoch, Paused).
func (s Model) Training() (exp *experiment.Experiment, run int, ok bool) {
	if s.exp == nil || (s.state != trainRunning && s.state != trainPaused) {
		return nil, 0, false
	}
	return s.exp, s.runs, true
}
