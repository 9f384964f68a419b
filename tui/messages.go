package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
)

// loadedMsg carries a data set read and prepared by loadCmd or resplitCmd.
type loadedMsg struct {
	gen  int
	data *experiment.Data
	prep *experiment.Experiment
	info dataInfo
	err  error
}

// openMsg asks the root to load another source (from the Data screen).
type openMsg struct{ src experiment.Source }

// resplitMsg asks the root to split the current data again with a seed.
type resplitMsg struct{ seed uint64 }

// dirListMsg answers a completion request of the path prompt.
type dirListMsg struct {
	input   string   // the text the completion was asked for
	matches []string // candidate completions, directories ending in "/"
	err     error
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
