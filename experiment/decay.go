package experiment

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/metrics"
)

// DecaySwitchZ is how many standard errors of the paired per-row
// difference the alternative decay's validation log loss must be below the
// configured decay's for the experiment to keep the alternative (see
// Config.L2PriorAlt): one-sided, about 93 %. With the default's 20 and 2
// per row, on the suite the default was chosen on, the check changed no
// set's 5-fold CV ROC AUC by more than 0.0004 either way at seeds 1 and 2
// (it mostly keeps the first network), and took the weaker decay on
// every fold of a public e-commerce churn table whose label steps sharply
// (README, How the default was chosen).
const DecaySwitchZ = 1.5

// DecayCheck is the outcome of comparing the configured L2 prior with the
// weaker Config.L2PriorAlt on the validation part.
type DecayCheck struct {
	// Prior and AltPrior are the per-row priors compared, L2 and AltL2 the
	// decays they gave.
	Prior    float64 `json:"prior"`
	AltPrior float64 `json:"alt_prior"`
	// RaisedPrior is the prior the first network trained with when
	// InputPrior raised Prior, on a table with fewer than
	// PriorRowsPerInput training rows per input (0: not raised; the
	// weaker AltPrior is never raised).
	RaisedPrior float64 `json:"raised_prior,omitempty"`
	L2          float64 `json:"l2"`
	AltL2       float64 `json:"alt_l2"`
	// Loss and AltLoss are the two networks' mean validation log loss
	// (their own probabilities, before calibration) over Rows rows.
	Loss    float64 `json:"val_log_loss"`
	AltLoss float64 `json:"alt_val_log_loss"`
	Rows    int     `json:"val_rows"`
	// Z is the mean per-row difference AltLoss − Loss over its standard
	// error; the weaker decay is kept (Switched) when Z < −DecaySwitchZ.
	Z        float64 `json:"z"`
	Switched bool    `json:"switched"`
}

// ChecksDecay reports whether training ends with the decay check: an
// alternative prior is set beside a prior, there is a validation part to
// compare them on, and the check has not run yet.
func (e *Experiment) ChecksDecay() bool {
	if e.Decay != nil {
		return false
	}
	return e.Config.ChecksDecay() && e.Val.Rows > 1
}

// Run trains the network (the trainer's Run) and then, when the
// configuration asks for it, checks the weaker decay (CheckDecay).
func (e *Experiment) Run(ctx context.Context) error {
	if err := e.Trainer.Run(ctx); err != nil {
		return err
	}
	return e.CheckDecay(ctx)
}

// CheckDecay trains a second network from the same first weights, with
// the same shuffles, whose decay comes from Config.L2PriorAlt instead of
// Config.L2Prior, and compares the two on the validation part: when the
// second's loss is lower by more than DecaySwitchZ standard errors of the
// paired per-row difference, it replaces the network and trainer
// (Config.L2Prior and Train.L2 then say the decay it trained with). The
// outcome is kept in Decay. It does nothing when the configuration does
// not check the decay, when training did not finish, or when it has run
// already. It is TrainDecayAlternative followed by ApplyDecay.
func (e *Experiment) CheckDecay(ctx context.Context) error {
	o, err := e.TrainDecayAlternative(ctx)
	if err != nil || o == nil {
		return err
	}
	e.ApplyDecay(o)
	return nil
}

// DecayOutcome is a decay check that has run but not changed the
// experiment yet (see ApplyDecay).
type DecayOutcome struct {
	Check DecayCheck
	net   *engine.Network
	tr    *engine.Trainer
	l2    float64
}

// TrainDecayAlternative runs the decay check's second network and compares
// it with the first without changing the experiment, which it only reads:
// a UI may go on reading the experiment from another goroutine meanwhile
// and apply the outcome on its own (ApplyDecay). It returns nil when no
// check is due. The second run keeps no pace, and reports to no sink
// unless DecayRun gives it one.
func (e *Experiment) TrainDecayAlternative(ctx context.Context) (*DecayOutcome, error) {
	if !e.ChecksDecay() || !e.Trainer.Done() || e.Trainer.State() == engine.Diverged {
		return nil, nil
	}
	cfg := e.Config.Train
	alt := PriorDecay(e.Config.L2PriorAlt, e.Train.Rows)
	cfg.L2 = alt
	src := &rand.PCG{}
	if err := src.UnmarshalBinary(e.startState); err != nil {
		return nil, fmt.Errorf("decay check: %w", err)
	}
	rng := rand.New(src)
	net, err := engine.NewNetwork(e.Net.Arch, rng)
	if err != nil {
		return nil, err
	}
	tr, err := engine.NewTrainer(net, e.Train, e.Val, cfg, rng)
	if err != nil {
		return nil, err
	}
	run := tr.Run
	if e.DecayRun != nil {
		run = func(ctx context.Context) error { return e.DecayRun(ctx, tr) }
	}
	if err := run(ctx); err != nil {
		return nil, err
	}
	d := DecayCheck{Prior: e.Config.L2Prior, AltPrior: e.Config.L2PriorAlt, L2: e.Config.Train.L2, AltL2: alt, Rows: e.Val.Rows}
	if p := e.TrainedPrior(); p != d.Prior {
		d.RaisedPrior = p
	}
	// The loss both networks were trained and early-stopped on: a positive
	// row's weighs the positive-class weight.
	w := make([]float64, e.Val.Rows)
	for i, y := range e.Val.Y {
		w[i] = 1
		if y == 1 {
			w[i] = cfg.PositiveWeight()
		}
	}
	t, err := metrics.PairedLogLossTest(e.rawProbs(e.Val), rawProbsOf(net, e.Val), e.Val.Y, w)
	if err != nil {
		return nil, fmt.Errorf("decay check: %w", err)
	}
	d.Loss, d.AltLoss, d.Z = t.A, t.B, t.Z
	d.Switched = tr.State() != engine.Diverged && d.Z < -DecaySwitchZ
	return &DecayOutcome{Check: d, net: net, tr: tr, l2: alt}, nil
}

// ApplyDecay records a decay check's outcome in Decay and, when it
// switched, puts its network and trainer in place of the first (nil: no
// change), in the view Evaluated returns as well.
func (e *Experiment) ApplyDecay(o *DecayOutcome) {
	if o == nil || e.Decay != nil {
		return
	}
	d := o.Check
	if d.Switched {
		e.Net, e.Trainer = o.net, o.tr
		e.Config.Train.L2, e.Config.L2Prior, e.Config.L2PriorAlt = o.l2, e.Config.L2PriorAlt, 0
		if e.calib != nil {
			e.calib.reset()
		}
	}
	e.Decay = &d
	// The view was made once, when the experiment was prepared, with the
	// first network: left alone it would go on scoring the customers at
	// the cutoff with it while Evaluate measures the second.
	if e.Later != nil && e.Later.view != nil {
		v := e.Later.view
		v.Net, v.Trainer, v.Config, v.Decay = e.Net, e.Trainer, e.Config, e.Decay
	}
}

// FirstPrior is the prior per training row the first network trained
// with: RaisedPrior when InputPrior raised Prior, else Prior.
func (d DecayCheck) FirstPrior() float64 {
	if d.RaisedPrior > 0 {
		return d.RaisedPrior
	}
	return d.Prior
}

// TrainedPrior is the prior per training row Config.Train.L2 was worked
// out from: Config.L2Prior raised by InputPrior for the network's inputs
// and training rows, or, after the decay check switched, the weaker prior
// the second network trained with (never raised). 0 when the decay was
// given on its own.
func (e *Experiment) TrainedPrior() float64 {
	switch {
	case e.Config.L2Prior <= 0:
		return 0
	case e.Decay != nil && e.Decay.Switched, e.Net == nil:
		return e.Config.L2Prior
	}
	return InputPrior(e.Config.L2Prior, e.Net.Inputs(), e.Train.Rows)
}
