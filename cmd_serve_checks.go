package main

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/exporter"
)

// pseudonymNote says which columns of the served data every session
// pseudonymises (experiment.Data.Pseudonymise), and whether there is any.
// Text the loader read as a category, pseudonymised as naming people
// (experiment.PersonalText), is said to be so, and why.
func pseudonymNote(d *experiment.Data) (string, bool) {
	var cols []string
	if d != nil {
		cols = experiment.PseudonymisedColumns(d.Table)
	}
	switch {
	case len(cols) > 0:
		quoted := make([]string, len(cols))
		for i, c := range cols {
			quoted[i] = strconv.Quote(c)
			switch why, personal := experiment.PersonalText(d.Table.Column(c)); {
			case !personal:
			case why.Kind == data.ReasonUnique:
				quoted[i] += " (every value distinct: an identifier, not a category)"
			default:
				quoted[i] += " (" + why.String() + ": an identifier, not a category)"
			}
		}
		return "pseudonymised in every session: " + strings.Join(quoted, ", "), true
	case d != nil && d.Log != nil:
		return "pseudonymised in every session: the order log's customer ids", true
	}
	return "no identifier column to pseudonymise", false
}

// warnExportFolder warns when the export folder holds its most bytes
// already: every session's export would be refused until the operator
// makes room.
func warnExportFolder(w io.Writer, f *exporter.Folder) {
	if f == nil {
		return
	}
	if used, err := f.Used(); err == nil && used >= f.Max() {
		fmt.Fprintf(w, "warning: --export-dir holds %s already, --max-export-dir-bytes allows %s: "+
			"every export will be refused until files are removed from it or the limit is raised\n",
			data.Bytes(float64(used)), data.Bytes(float64(f.Max())))
	}
}

// checkStartingLimits refuses limits under which no session could train
// on the served data: more rows than --max-rows, which every session
// refuses as it loads them, or a network every session starts with that
// each user would have to shrink first.
func checkStartingLimits(d *experiment.Data, cfg experiment.Config, limits experiment.Limits) error {
	var lim *experiment.LimitError
	if errors.As(limits.CheckLoad(d), &lim) {
		return usageError(fmt.Errorf("--max-rows %s: %s has %s rows, so every session would refuse it; raise --max-rows to at least %s",
			data.Thousands(lim.MaxRows), d.Source.Describe(), data.Thousands(lim.Rows), data.Thousands(lim.Rows)))
	}
	exp, err := experiment.Prepare(d, cfg)
	if err != nil {
		return nil // every session says why it cannot prepare the data, as before
	}
	shape := experiment.Shape{Inputs: exp.Pipeline.Width(), TrainRows: exp.Train.Rows}
	if !errors.As(limits.CheckNetwork(shape, cfg, 1), &lim) {
		return nil
	}
	if lim.MaxParams > 0 {
		return usageError(fmt.Errorf("--max-params %s: the network every session starts with has %s parameters "+
			"on the %s model inputs of %s; raise --max-params", data.Thousands(lim.MaxParams), data.Thousands(lim.Params),
			data.Thousands(shape.Inputs), d.Source.Describe()))
	}
	return usageError(fmt.Errorf("--max-train-memory %s: training the network every session starts with needs about %s "+
		"on %s; raise --max-train-memory", data.Bytes(float64(lim.MaxMemory)), data.Bytes(lim.Memory), d.Source.Describe()))
}
