package trainscreen

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
)

// StartedMsg says a run's experiment is built and its worker runs (or
// that building it failed). The root routes it to the Train screen.
type StartedMsg struct {
	id  int
	exp *experiment.Experiment
	err error
}

// TickMsg asks the Train screen to drain progress and redraw. The root
// routes it to the Train screen whichever tab is shown.
type TickMsg struct{ id int }

// DoneMsg says a run's worker has ended. The root routes it to the Train
// screen and then looks at Finished for a new ended run.
type DoneMsg struct{ id int }

// frameInterval is how often the Train screen drains progress while a run
// is alive: about 15 frames a second, smooth to the eye and cheap.
const frameInterval = time.Second / 15

func tickCmd(id int) tea.Cmd {
	return tea.Tick(frameInterval, func(time.Time) tea.Msg { return TickMsg{id: id} })
}
