package evalscreen

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// evalData is everything the Evaluate screen shows about one run, computed
// once in Cmd. The live threshold only needs the sorted scores.
type evalData struct {
	run        int
	train, val *experiment.Evaluation // val is nil without validation rows
	part       experiment.Part        // the part the matrix and curves use
	threshold  float64                // the configuration's threshold
	label      data.LabelSpec
	// probs and labels are part's, for the target's gains and bands
	// (Model.retarget).
	probs, labels []float64
	bestF1        metrics.OperatingPoint
	// check compares part before and after calibration (nil for a run
	// that does not calibrate); bestF1 then comes from the calibration part.
	check *experiment.CalibrationCheck
	// dropped says why the calibration asked for was not applied (nil
	// when it was, or when none was asked for).
	dropped *experiment.CalibrationDropped
	// diverged is set when training blew up: the network holds its last
	// finite weights, so every figure is of a broken model.
	diverged *engine.DivergedError
	// stopped is set for a run the user stopped, whose figures are those
	// of the epoch it kept (kept; 0 when none had finished).
	stopped bool
	kept    int
	// copies are the held-out parts that repeat many training rows
	// (experiment.PartCopies.Warnings).
	copies []experiment.CopyWarning

	// sweep answers the confusion matrix of part at any threshold with
	// one binary search.
	sweep *metrics.ConfusionSweep

	logData // order logs only
}

// ReadyMsg carries a run's evaluation (the root routes it to the screen).
type ReadyMsg struct {
	Run  int   // the run evaluated
	Err  error // why the evaluation failed
	data *evalData
}

// Cmd evaluates run on the training and validation parts.
func Cmd(run common.Run) tea.Cmd {
	return func() tea.Msg {
		d, err := evaluateRun(run)
		return ReadyMsg{Run: run.Number, data: d, Err: err}
	}
}

func evaluateRun(run common.Run) (d *evalData, err error) {
	defer common.Recovered(&err)
	e := run.Exp
	d = &evalData{run: run.Number, threshold: e.Config.Threshold, label: e.Pipeline.Label}
	errors.As(run.Err, &d.diverged)
	if errors.Is(run.Err, context.Canceled) && e.Trainer != nil {
		d.stopped, d.kept = true, e.Trainer.KeptEpoch()
	}
	d.copies = e.Copies.Warnings()
	if d.threshold <= 0 || d.threshold >= 1 {
		d.threshold = 0.5
	}
	tr, err := e.Evaluate(experiment.TrainPart, d.threshold)
	if err != nil {
		return nil, err
	}
	d.train, d.part = &tr, experiment.TrainPart
	if len(e.Split.Validation) > 0 {
		if va, err := e.Evaluate(experiment.ValPart, d.threshold); err == nil {
			d.val, d.part = &va, experiment.ValPart
		}
	}
	if err := d.logData.evaluate(e, d.threshold); err != nil {
		return nil, err
	}
	if d.later != nil {
		d.part = experiment.LaterPart
	}
	probs, labels, _, err := e.Scores(d.part)
	if err != nil {
		return nil, err
	}
	d.probs, d.labels = probs, labels
	d.bestF1 = d.main().Report.BestF1
	if d.check, err = e.CheckCalibration(d.part); err != nil {
		return nil, err
	}
	if d.dropped, err = e.CalibrationDropped(); err != nil {
		return nil, err
	}
	if d.check != nil {
		th, err := e.ChooseThresholds(0.8)
		if err != nil {
			return nil, err
		}
		d.bestF1 = th.BestF1
	}
	if d.sweep, err = metrics.NewConfusionSweep(probs, labels, nil); err != nil {
		return nil, err
	}
	return d, nil
}

// main is the evaluation of the part the matrix and curves use.
func (d *evalData) main() *experiment.Evaluation {
	if d.later != nil {
		return d.later
	}
	if d.val != nil {
		return d.val
	}
	return d.train
}

// confusionAt is the confusion matrix of part when rows with probability
// at or above t are predicted positive.
func (d *evalData) confusionAt(t float64) metrics.Confusion {
	c, _ := d.sweep.At(t) // t is never NaN: the keys keep it in [0, 1]
	return c
}

// downsampleCurve keeps at most n points of a curve, always the first and
// last, so a chart of a million-row ROC stays cheap.
func downsampleCurve(x, y []float64, n int) ([]float64, []float64) {
	if len(x) <= n || n < 2 {
		return x, y
	}
	ox, oy := make([]float64, 0, n), make([]float64, 0, n)
	for i := range n {
		j := i * (len(x) - 1) / (n - 1)
		ox, oy = append(ox, x[j]), append(oy, y[j])
	}
	return ox, oy
}
