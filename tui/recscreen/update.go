package recscreen

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/common"
)

// step handles the screen's messages and keys.
func (s Model) step(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if s.Editing() {
			cmd = s.editKey(msg)
		} else {
			cmd = s.key(msg)
		}
	case tea.PasteMsg:
		switch s.editing {
		case fieldNone:
			return s, nil
		case fieldExclude:
			s.input, cmd = s.input.PasteList(msg) // a column of ids is a list of them
		default:
			s.input, cmd = s.input.Paste(msg)
		}
	case LogMsg:
		if msg.For != s.srcLog || !s.reading {
			return s, nil
		}
		s.reading = false
		if msg.Err != nil && s.log != nil {
			// Leaving items out refused (none would be left): the log
			// read before stays, with its exclusions.
			s.exclude, s.fieldErr = s.keptExclude, common.Plain(common.ShortIn(msg.Err.Error(), s.exclude...))
			break
		}
		if msg.Err != nil {
			s.refusal = s.say(func(s Model) string {
				text := msg.Err.Error()
				if s.Zh() {
					text = s.ErrorText(msg.Err)
				}
				return common.ShortIn(text, s.exclude...)
			})
			break
		}
		s.log, s.future, s.res = msg.Log, msg.Future, nil
		s.amount = msg.Log.AmountLike()
		if s.state == runEnded {
			// The ended run's result is of the log before: the screen is
			// idle again, as before a first run on this log.
			s.state, s.outcome, s.failed = runIdle, common.Said{}, false
		}
		s.customers, _ = msg.Log.UpToToday()
		s.keptExclude = s.exclude
		if !s.cutoffSet || s.cutoffProblem(s.cutoff, s.horizon) != "" {
			s.cutoff, s.cutoffSet = s.defaultCutoff(s.horizon), false
		}
	case StartedMsg:
		if s.cur == nil || msg.id != s.cur.id || s.state != runPreparing {
			return s, nil
		}
		if msg.err == nil {
			s.run, s.state = msg.run, runRunning
			if msg.run.Model != nil {
				s.loss.SetXRange(0, float64(msg.run.Model.Config.Train.Epochs))
			}
		}
	case TickMsg:
		if s.cur == nil || msg.id != s.cur.id || !s.Alive() {
			return s, nil
		}
		s.drain()
		cmd = tickCmd(s.cur.id)
	case DoneMsg:
		if s.cur == nil || msg.id != s.cur.id || s.state == runEnded {
			return s, nil
		}
		s.finish()
	default:
		return s, nil
	}
	s.render()
	return s, cmd
}

// key applies a key press outside the text field.
func (s *Model) key(k tea.KeyPressMsg) tea.Cmd {
	km := s.keys
	switch {
	case key.Matches(k, km.Toggle):
		switch s.state {
		case runIdle, runEnded:
			return s.start()
		case runRunning:
			if s.run.Model != nil {
				s.run.Model.Trainer.Pause()
				s.state = runPaused
			}
		case runPaused:
			s.run.Model.Trainer.Resume()
			s.state = runRunning
		}
	case key.Matches(k, km.StepBatch) && (s.state == runRunning || s.state == runPaused) && s.run.Model != nil:
		s.run.Model.Trainer.StepBatch()
		s.state = runPaused
	case key.Matches(k, km.StepEpoch) && (s.state == runRunning || s.state == runPaused) && s.run.Model != nil:
		s.run.Model.Trainer.StepEpoch()
		s.state = runPaused
	case key.Matches(k, km.Stop) && (s.Alive() && s.state != runStopping):
		s.cur.stop()
		s.state = runStopping
	case key.Matches(k, km.Cutoff) && s.log != nil && !s.Alive():
		s.edit(fieldCutoff, date(s.cutoff))
	case key.Matches(k, km.Horizon) && s.log != nil && !s.Alive():
		s.edit(fieldHorizon, itoa(s.horizon))
	case key.Matches(k, km.Exclude) && s.log != nil && !s.Alive() && !s.reading:
		s.edit(fieldExclude, common.ListText(s.exclude))
	case key.Matches(k, km.View) && s.res != nil:
		s.showCust = !s.showCust
	case s.metricsAlone() && s.scrollKey(k):
	case key.Matches(k, km.Up):
		s.move(-1)
	case key.Matches(k, km.Down):
		s.move(1)
	case key.Matches(k, km.PageUp):
		s.move(-max(s.Height/2, 1))
	case key.Matches(k, km.PageDown):
		s.move(max(s.Height/2, 1))
	}
	return nil
}

// move changes the selected customer by delta, within the list.
func (s *Model) move(delta int) {
	if s.res == nil || len(s.res.Customers) == 0 {
		return
	}
	s.selected = min(max(s.selected+delta, 0), len(s.res.Customers)-1)
}
