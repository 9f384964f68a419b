package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/datascreen"
)

// loadedMsg carries a data set read and prepared by loadCmd or resplitCmd.
type loadedMsg struct {
	gen  int
	data *experiment.Data
	prep *experiment.Experiment
	info datascreen.Info
	err  error
}

// trainStartedMsg says a run's experiment is built and its worker runs.
type trainStartedMsg struct {
	id  int
	exp *experiment.Experiment
	err error
}

// trainTickMsg asks the Train screen to drain progress and redraw.
type trainTickMsg struct{ id int }

// trainDoneMsg says a run's worker has ended.
type trainDoneMsg struct{ id int }

// frameInterval is how often the Train screen drains progress while a run
// is alive: about 15 frames a second, smooth to the eye and cheap.
const frameInterval = time.Second / 15

func tickCmd(id int) tea.Cmd {
	return tea.Tick(frameInterval, func(time.Time) tea.Msg { return trainTickMsg{id: id} })
}
