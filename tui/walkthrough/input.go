package walkthrough

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// DefaultBatch is the largest mini-batch the training step is shown on:
// small enough to print every row, large enough to show an average. A run
// whose batches are smaller is shown on a batch of its own size.
const DefaultBatch = 8

// Input is what the walkthrough explains: one user (a table row) of an
// experiment whose network has been trained. The experiment's trainer must
// not be running while New reads it.
type Input struct {
	Exp *experiment.Experiment
	// Row is the user's row in Exp.Data.Table.
	Row int
	// X is the user's preprocessed input, as Exp.Row(Row) returns it.
	X []float64
	// Batch is the size of the demonstration mini-batch (0: the run's
	// batch size, at most DefaultBatch).
	Batch int
	// Threshold is the decision threshold the Users and Evaluate screens
	// judge the run at (common.ThresholdMsg); a value outside (0, 1) means
	// the run's own, Exp.Config.Threshold, as on the Users screen.
	Threshold float64
	// ByID lists the mini-batch's other users in the order of their ids
	// instead of the training set's, which is the file's: with the ids
	// pseudonymised, file order beside them gives them back when the file
	// is sorted by id.
	ByID bool
	// Paused says Exp is a paused run's copy (experiment.Experiment.Paused):
	// the training step shown is then the one the run takes next, on its
	// next batch, so that n trains exactly what the pages work out.
	Paused bool
}

// NewInput prepares the walkthrough of table row tableRow of exp.
func NewInput(exp *experiment.Experiment, tableRow int) (Input, error) {
	if exp == nil || exp.Data == nil || exp.Data.Table == nil {
		return Input{}, errors.New("no experiment loaded")
	}
	if tableRow < 0 || tableRow >= exp.Data.Table.Rows {
		return Input{}, fmt.Errorf("row %d outside the table's %d rows", tableRow, exp.Data.Table.Rows)
	}
	x, err := exp.Row(tableRow)
	if err != nil {
		return Input{}, fmt.Errorf("preparing row %d: %w", tableRow, err)
	}
	return Input{Exp: exp, Row: tableRow, X: x}, nil
}

// rawValue is one original column of the user, in the units of the data.
type rawValue struct {
	col     *data.PipelineColumn
	number  float64 // numeric and boolean columns (NaN: missing)
	text    string  // categorical columns ("" missing)
	missing bool
}

// walk holds every number the steps print, gathered once in New.
type walk struct {
	exp        *experiment.Experiment
	net        *engine.Network
	row        int
	id         string
	x          []float64
	trace      engine.Trace
	label      float64 // the user's true label
	labelText  string  // the label's spelling in the data ("yes")
	raw        []rawValue
	inputNames []string
	// calib is the run's calibration map (nil: none), and calibrated the
	// user's probability after it, as the Users and Plan screens show it.
	calib      *experiment.Calibration
	calibrated float64

	// The training step.
	cfg        engine.TrainConfig
	step       engine.StepTrace
	batchIDs   []string // table id of every batch row
	inTraining bool     // whether the user is one of the training rows
	// next says the step is the paused run's next batch (Input.Paused),
	// not a demonstration batch made around the user, and paused that the
	// run is paused (whether or not its next batch is known).
	next, paused bool
	// focus is the user's row in the batch (−1: not in it; the
	// demonstration batch has them at 0) and example the row the backward
	// pages work out one by one: the user's, else the batch's first.
	focus, example int
	predAfter      float64 // the user's prediction after the step
	// restored is the earlier epoch whose weights early stopping copied
	// back (0: none) and epochs the number trained: the optimiser's state
	// is that of the end of the last epoch, not of the restored weights.
	restored, epochs int
	// dead counts, per hidden layer, the neurons whose output is the same
	// for every training row (experiment.Experiment.DeadNeurons).
	dead []int
}

// judgedAt is the threshold the Users screen judges at: the shared one
// when it lies in (0, 1), else the run's own (experiment.Config.DecisionThreshold).
func (w *walk) judgedAt(shared float64) float64 { return w.exp.Config.DecisionThreshold(shared) }

// decision is the user's probability as the Users, Evaluate and Plan
// screens report it (calibrated when the run calibrates, else the network's
// own ŷ) and whether it is at or above threshold, which is how the Users
// screen decides.
func (w *walk) decision(threshold float64) (p float64, positive bool) {
	p = w.trace.Output()[0]
	if w.calib != nil {
		p = w.calibrated
	}
	return p, p >= threshold
}

// layerCount is the number of weight layers (hidden layers + the output).
func (w *walk) layerCount() int { return len(w.net.Layers) }

// prevActivation returns the input of layer k for the traced user: x for
// the first layer, a_{k−1} otherwise.
func (w *walk) prevActivation(k int) []float64 {
	if k == 0 {
		return w.trace.Input
	}
	return w.trace.A[k-1]
}

// newWalk gathers the numbers; it reports why a walkthrough is impossible.
func newWalk(in Input) (*walk, error) {
	exp := in.Exp
	if exp == nil || exp.Net == nil || exp.Pipeline == nil || exp.Data == nil || exp.Data.Table == nil {
		return nil, errors.New("no trained model yet")
	}
	table := exp.Data.Table
	if in.Row < 0 || in.Row >= table.Rows {
		return nil, fmt.Errorf("row %d outside the table's %d rows", in.Row, table.Rows)
	}
	if len(in.X) != exp.Net.Inputs() {
		return nil, fmt.Errorf("the input has %d values, the network takes %d", len(in.X), exp.Net.Inputs())
	}
	tr, err := exp.Net.Trace(in.X)
	if err != nil {
		return nil, err
	}
	w := &walk{exp: exp, net: exp.Net, row: in.Row, x: slices.Clone(in.X), trace: tr,
		inputNames: exp.Pipeline.FeatureNames()}
	w.dead = exp.DeadNeurons()
	if ids := table.IDs(); in.Row < len(ids) {
		w.id = ids[in.Row]
	}
	w.label = math.NaN()
	if in.Row < len(table.Label.Values) {
		w.label = table.Label.Values[in.Row]
		w.labelText = table.Label.Negative
		if w.label == 1 {
			w.labelText = table.Label.Positive
		}
	}
	for i := range exp.Pipeline.Columns {
		w.raw = append(w.raw, rawOf(table, &exp.Pipeline.Columns[i], in.Row))
	}
	if cal, err := exp.Trained().Calibration(); err == nil && cal != nil && exp.Net.Arch.Loss != engine.MSE {
		w.calib, w.calibrated = cal, cal.Apply(tr.Output()[0])
	}
	if exp.Trainer == nil || math.IsNaN(w.label) || exp.Train.Rows == 0 {
		return w, nil // forward steps only
	}
	w.paused = in.Paused
	if in.Paused {
		if rows, ok := exp.Trainer.NextBatch(); ok {
			return w, w.traceNext(rows)
		}
	}
	if err := w.traceStep(in); err != nil {
		return nil, err
	}
	return w, nil
}

// rawOf reads one original column of a table row.
func rawOf(t *data.Table, col *data.PipelineColumn, row int) rawValue {
	rv := rawValue{col: col, number: math.NaN()}
	c := t.Column(col.Name)
	switch {
	case c == nil:
		rv.missing = true
	case len(c.Values) > row:
		rv.number = c.Values[row]
		rv.missing = math.IsNaN(rv.number)
	case len(c.Strings) > row:
		rv.text = c.Strings[row]
		rv.missing = rv.text == ""
	default:
		rv.missing = true
	}
	return rv
}

// traceStep performs the demonstration training step on a mini-batch made
// of the user and Batch−1 training rows spread evenly over the training set.
func (w *walk) traceStep(in Input) error {
	exp := w.exp
	w.cfg = exp.Trainer.Config()
	m := in.Batch
	if m <= 0 {
		m = max(min(DefaultBatch, w.cfg.BatchSize), 1)
	}
	train := exp.Train
	// An Evaluated view has no TrainRows: its customers are measured, not
	// trained on.
	userTrain := slices.Index(exp.TrainRows, in.Row)
	w.inTraining = userTrain >= 0
	others := make([]int, 0, m-1)
	add := func(idx int) {
		if len(others) < m-1 && idx != userTrain && !slices.Contains(others, idx) {
			others = append(others, idx)
		}
	}
	for k := range m - 1 {
		add(k * train.Rows / (m - 1)) // spread over the training set
	}
	for idx := 0; idx < train.Rows && len(others) < m-1; idx++ {
		add(idx) // a small training set: fill up from its start
	}
	rows := len(others) + 1
	cols, outs := train.Cols, train.Outs
	x := make([]float64, 0, rows*cols)
	y := make([]float64, 0, rows*outs)
	x = append(x, w.x...)
	for range outs {
		y = append(y, w.label)
	}
	idOf := w.trainingID()
	if in.ByID {
		slices.SortStableFunc(others, func(a, b int) int { return strings.Compare(idOf(a), idOf(b)) })
	}
	w.batchIDs = []string{w.id}
	for _, idx := range others {
		x = append(x, train.X[idx*cols:(idx+1)*cols]...)
		y = append(y, train.Y[idx*outs:(idx+1)*outs]...)
		w.batchIDs = append(w.batchIDs, idOf(idx))
	}
	batch, err := engine.DatasetFromFlat(x, y, rows, cols, outs)
	if err != nil {
		return fmt.Errorf("building the mini-batch: %w", err)
	}
	all := make([]int, rows)
	for i := range all {
		all[i] = i
	}
	w.restored, w.epochs = exp.Trainer.RestoredEpoch(), len(exp.Trainer.History())
	st, err := engine.TraceStep(w.net, exp.Trainer.Optimizer(), w.cfg, batch, all)
	if err != nil {
		return fmt.Errorf("tracing a training step: %w", err)
	}
	w.step = st
	w.predAfter = st.After.Predict(w.x)[0]
	return nil
}

// trainingID returns the table id of a training row (an index into
// exp.Train), of the table the network trained on: for a run measured out
// of time, not the one the user is from.
func (w *walk) trainingID() func(idx int) string {
	trained := w.exp.Trained()
	ids := trained.Data.Table.IDs()
	return func(idx int) string {
		if idx < len(trained.TrainRows) && trained.TrainRows[idx] < len(ids) {
			return ids[trained.TrainRows[idx]]
		}
		return fmt.Sprint(idx + 1)
	}
}

// traceNext traces the step the paused run takes next, on rows, the
// training rows of its next batch in the run's order (engine's
// Trainer.TraceNext): its After is what n makes of the run's weights.
func (w *walk) traceNext(rows []int) error {
	exp := w.exp
	w.cfg = exp.Trainer.Config()
	st, err := exp.Trainer.TraceNext()
	if err != nil {
		return fmt.Errorf("tracing the next batch: %w", err)
	}
	userTrain := slices.Index(exp.TrainRows, w.row)
	w.inTraining, w.next, w.focus = userTrain >= 0, true, -1
	if w.inTraining {
		w.focus = slices.Index(rows, userTrain)
	}
	w.example = max(w.focus, 0)
	idOf := w.trainingID()
	for _, idx := range rows {
		w.batchIDs = append(w.batchIDs, idOf(idx))
	}
	w.restored, w.epochs = exp.Trainer.RestoredEpoch(), len(exp.Trainer.History())
	w.step = st
	w.predAfter = st.After.Predict(w.x)[0]
	return nil
}
