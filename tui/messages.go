package tui

import (
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
