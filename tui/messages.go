package tui

import (
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
