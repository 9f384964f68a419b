package datascreen

import (
	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// Info is everything the Data screen shows about a loaded data set beyond
// the table itself, computed off the UI goroutine (NewInfo) when the data
// is loaded or re-split.
type Info struct {
	Source string
	Schema data.SchemaReport
	Dists  []data.FeatureDistribution
	// Train is the rows the network trains on (after dropping duplicates).
	Train, Val, Test int
	// Calib is the calibration part carved from the training rows (0:
	// the run does not calibrate).
	Calib int
	// CalibOnVal is whether the run calibrates on the validation part.
	CalibOnVal bool
	// Inputs is the number of model inputs the pipeline produces.
	Inputs int
	Seed   uint64
	// Candidates are the columns that could be the label, the current one
	// first (CSV only).
	Candidates []string
	// Validation is how an order log is validated (see schemeInfo).
	Validation schemeInfo
	// Codes are the numeric columns whose numbers look like codes
	// (data.CodeHints).
	Codes []data.CodeHint
}

// NewInfo describes d as prepared into exp with the split seed.
func NewInfo(d *experiment.Data, exp *experiment.Experiment, seed uint64) Info {
	info := Info{
		Source: d.Source.Describe(),
		Schema: data.Schema(d.Table, exp.Pipeline),
		Dists:  data.LabelDistributions(d.Table),
		Train:  exp.Train.Rows, Val: exp.Val.Rows, Test: exp.Test.Rows,
		Inputs: exp.Pipeline.Width(),
		Seed:   seed,
		Codes:  data.CodeHints(d.Table),
	}
	if d.Source.Kind == "csv" {
		info.Candidates = labelCandidates(d.Table)
	}
	info.Calib = exp.Calib.Rows
	info.CalibOnVal = exp.CalibrationPart() == experiment.ValPart
	info.Validation = newSchemeInfo(exp)
	return info
}

// labelCandidates lists the current label and every two-valued column.
func labelCandidates(t *data.Table) []string {
	out := []string{t.Label.Name}
	for _, c := range t.Columns {
		if c.Kind == data.Boolean || (c.Kind == data.Categorical && len(c.Levels) == 2) {
			out = append(out, c.Name)
		}
	}
	return out
}

// OpenMsg asks the root to load another source. Columns is set when the
// label was chosen in the label question, so that a refusal asks again.
// NoLabel asks for the per-user table without a label, read as `retain
// anomalies --data` reads it, for the Anomalies screen only (the label
// question's first entry).
type OpenMsg struct {
	Src     experiment.Source
	Columns []string
	NoLabel bool
}

// ResplitMsg asks the root to split the current data again with a seed.
type ResplitMsg struct{ Seed uint64 }

// DirListMsg answers a completion request of the path prompt; the root
// hands it back to the Data screen.
type DirListMsg struct {
	input   string   // the text the completion was asked for
	matches []string // candidate completions, directories ending in "/"
	err     error
}
