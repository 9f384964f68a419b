package experiment

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

// Experiment is one prepared training run: the split and fitted
// preprocessing of a data set, the matrices, and a network with its trainer.
type Experiment struct {
	Data     *Data
	Config   Config
	Split    data.Split
	Pipeline *data.Pipeline
	// Train, Val and Test are the preprocessed matrices of the split (the
	// training rows without the duplicates the pipeline dropped).
	Train, Val, Test engine.Dataset
	TrainRows        []int // table rows behind Train, in order
	// Copies counts the validation and test rows that repeat a training
	// row in every input cell and the label; see PartCopies.Warnings.
	Copies  PartCopies
	Net     *engine.Network
	Trainer *engine.Trainer
	// Later is the cohort an out-of-time experiment is measured on (nil
	// for a random split); see NewOutOfTime.
	Later *Later
	// Fallback says why an order log meant to be validated out of time
	// was split at random instead (see Prepare); nil otherwise.
	Fallback *OutOfTimeError

	// trained is, for the view Evaluated returns, the experiment whose
	// Data the training rows (TrainRows) index; nil otherwise.
	trained *Experiment
	// Calib is the preprocessed calibration part and CalibRows its table
	// rows (empty unless Config.CalibFrac carves one); see CalibPart and
	// CalibrationPart.
	Calib     engine.Dataset
	CalibRows []int
	// CalibNote says why calibration asked for with CalibIfPossible was
	// dropped ("" otherwise).
	CalibNote string
	calib     *calibCache // shared by copies of the experiment
	// calibratedBy is, for an experiment that scores other customers with
	// another's network (Evaluated's view, OnCurrent), the experiment whose
	// calibration map its scores take; nil otherwise.
	calibratedBy *Experiment
	// Decay is the outcome of the decay check (nil until CheckDecay has
	// compared the two decays; see Config.L2PriorAlt).
	Decay *DecayCheck
	// DecayRun, when set, runs the decay check's second trainer in place
	// of its Run, so that a caller can watch its progress (set a sink,
	// print epochs) as it did the first's; it must run the trainer to its
	// end or return an error.
	DecayRun func(context.Context, *engine.Trainer) error
	// startState is the random source's state when the first weights
	// were drawn, from which CheckDecay draws the same weights and
	// shuffles again.
	startState []byte
}

// New splits d, fits the preprocessing on the training rows only, builds the
// matrices and a freshly initialised network and trainer. Everything random
// comes from cfg.Seed.
func New(d *Data, cfg Config) (*Experiment, error) {
	return newWithout(context.Background(), d, cfg, nil)
}

// NewWithout is New whose training part leaves out the rows marked in
// drop (one flag per row of d.Table; nil: none). The split is drawn from
// every row, as New draws it, so the validation and test parts and the
// network's first weights are New's.
func NewWithout(d *Data, cfg Config, drop []bool) (*Experiment, error) {
	if drop != nil && len(drop) != d.Table.Rows {
		return nil, fmt.Errorf("%w: %d flags for %d rows", ErrSource, len(drop), d.Table.Rows)
	}
	return newWithout(context.Background(), d, cfg, drop)
}

// newWithout is NewWithout that looks at ctx between its steps (see build).
func newWithout(ctx context.Context, d *Data, cfg Config, drop []bool) (*Experiment, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	src := rand.NewPCG(cfg.Seed, 0x7e7a1)
	split, err := data.StratifiedSplit(d.Table.Label.Values, cfg.ValFrac, cfg.TestFrac, rand.New(src))
	if err != nil {
		return nil, err
	}
	if drop != nil {
		split.Train = unmarked(split.Train, drop)
	}
	return build(ctx, d, cfg, split, src)
}

// unmarked returns the rows not marked in drop, in order.
func unmarked(rows []int, drop []bool) []int {
	out := make([]int, 0, len(rows))
	for _, r := range rows {
		if !drop[r] {
			out = append(out, r)
		}
	}
	return out
}

// NewWithSplit is New with a given split (cross-validation folds, say); the
// seed still drives the initial weights and the shuffles.
func NewWithSplit(d *Data, cfg Config, split data.Split) (*Experiment, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return build(context.Background(), d, cfg, split, rand.NewPCG(cfg.Seed, 0x7e7a1))
}

// ErrTooFewRows is matched (errors.Is) when the data has too few rows for
// what was asked: a split that leaves nothing to train on, more folds than
// rows.
var ErrTooFewRows = errors.New("too few rows")

// build fits the preprocessing on the training rows, preprocesses every
// part and makes the network; once ctx is done it stops between those
// steps and returns ctx's error.
func build(ctx context.Context, d *Data, cfg Config, split data.Split, src *rand.PCG) (*Experiment, error) {
	if err := checkTrainRows(d, cfg, split); err != nil {
		return nil, err
	}
	calibRows, calibNote, err := carveIfAsked(d, &cfg, &split)
	if err != nil {
		return nil, err
	}
	pipe, err := data.FitPipeline(d.Table, split.Train, cfg.Pipeline)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if cfg.L2Prior > 0 {
		cfg.Train.L2 = PriorDecay(InputPrior(cfg.L2Prior, pipe.Width(), len(pipe.FitRows)), len(pipe.FitRows))
	}
	e := &Experiment{Data: d, Config: cfg, Split: split, Pipeline: pipe, TrainRows: pipe.FitRows, CalibRows: calibRows, CalibNote: calibNote,
		calib: &calibCache{}}
	if e.Calib, err = e.dataset(calibRows); err != nil {
		return nil, err
	}
	if e.Train, err = e.dataset(pipe.FitRows); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if e.Val, err = e.dataset(split.Validation); err != nil {
		return nil, err
	}
	if e.Test, err = e.dataset(split.Test); err != nil {
		return nil, err
	}
	e.countCopies()
	return e, e.start(src)
}

// start draws the network's first weights and makes its trainer, once the
// matrices are built; the source's state is kept for CheckDecay.
func (e *Experiment) start(src *rand.PCG) error {
	arch := e.Config.Arch(e.Pipeline.Width())
	var err error
	if e.startState, err = src.MarshalBinary(); err != nil {
		return err
	}
	rng := rand.New(src)
	if e.Net, err = engine.NewNetwork(arch, rng); err != nil {
		return err
	}
	e.Trainer, err = engine.NewTrainer(e.Net, e.Train, e.Val, e.Config.Train, rng)
	return err
}

// checkTrainRows refuses a split that leaves no rows to train on.
func checkTrainRows(d *Data, cfg Config, split data.Split) error {
	if len(split.Train) == 0 {
		return fmt.Errorf("%w: %s: validation share %g and test share %g leave no rows to train on "+
			"(%d validation, %d test)", ErrTooFewRows, d.Table.Source, cfg.ValFrac, cfg.TestFrac,
			len(split.Validation), len(split.Test))
	}
	return nil
}

// dataset preprocesses the given table rows into an engine data set.
func (e *Experiment) dataset(rows []int) (engine.Dataset, error) {
	return e.datasetOf(e.Data.Table, rows)
}

// datasetOf preprocesses rows of a table shaped like the experiment's own
// (the later cohort of an out-of-time experiment).
func (e *Experiment) datasetOf(t *data.Table, rows []int) (engine.Dataset, error) {
	if len(rows) == 0 {
		return engine.Dataset{}, nil
	}
	x, err := e.Pipeline.Transform(t, rows)
	if err != nil {
		return engine.Dataset{}, err
	}
	y := make([]float64, len(rows))
	for i, r := range rows {
		y[i] = t.Label.Values[r]
	}
	_, cols := x.Dims()
	raw := x.RawMatrix()
	if raw.Stride != cols {
		return engine.Dataset{}, fmt.Errorf("transformed matrix is not contiguous")
	}
	return engine.DatasetFromFlat(raw.Data[:len(rows)*cols], y, len(rows), cols, 1)
}

// Architecture is the network shape the experiment trains.
func (e *Experiment) Architecture() engine.Architecture { return e.Net.Arch }
