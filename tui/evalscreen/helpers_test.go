package evalscreen

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// divergedRun is a run whose plain SGD at a huge learning rate blows up.
func divergedRun(t *testing.T) common.Run {
	t.Helper()
	run := screentest.Train(t, "builtin", 3, func(c *experiment.Config) {
		c.Train.Optimizer = engine.OptimizerConfig{Kind: "sgd", LR: 1e6}
	})
	if run.Err == nil {
		t.Fatal("the run did not diverge")
	}
	return run
}

// evaluated returns the screen in c's language and size with run
// evaluated: every Cmd SetRun leads to is run synchronously.
func evaluated(t *testing.T, c common.Common, run common.Run) Model {
	t.Helper()
	s := New(c)
	s.SetSize(c.Width, c.Height)
	s, _ = drain(t, s, s.SetRun(run))
	return s
}

// drain runs cmd and the Cmds its messages lead to, feeding the screen
// every message, and returns the messages that are not the screen's own.
func drain(t *testing.T, s Model, cmd tea.Cmd) (Model, []tea.Msg) {
	t.Helper()
	out := screentest.Drain(cmd, func(msg tea.Msg) (tea.Cmd, bool) {
		switch msg.(type) {
		case ReadyMsg, ImportanceMsg, CompareTickMsg, CompareDoneMsg:
			var next tea.Cmd
			s, next = s.step(msg)
			return next, true
		}
		return nil, false
	})
	return s, out
}
