package tui

import (
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/datascreen"
)

// loadedMsg carries a data set read and prepared by loadCmd or resplitCmd.
type loadedMsg struct {
	gen int
	// src and asked say what failed to load: the source, and the columns
	// offered when its label was chosen in the label question.
	src   experiment.Source
	asked []string
	data  *experiment.Data
	prep  *experiment.Experiment
	info  datascreen.Info
	err   error
	// bare is set when data is a per-user table loaded without a label
	// (loadBareCmd), not split: prep and info are zero.
	bare bool
}
