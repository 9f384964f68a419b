package experiment

import (
	"fmt"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

// Config is everything chosen about an experiment apart from its data.
type Config struct {
	Hidden   []engine.LayerSpec   `json:"hidden"`
	Train    engine.TrainConfig   `json:"train"`
	Pipeline data.PipelineOptions `json:"pipeline"`
	// ValFrac and TestFrac are the stratified shares of rows held out.
	ValFrac  float64 `json:"val_frac"`
	TestFrac float64 `json:"test_frac"`
	// Seed drives the split, the initial weights and the shuffles.
	Seed uint64 `json:"seed"`
	// Threshold turns probabilities into labels (0.5 unless tuned).
	Threshold float64 `json:"threshold"`
	// Validation is how an order log is validated by Prepare (the random
	// split when empty); other data are always split at random.
	Validation Scheme `json:"validation,omitempty"`
	// CalibFrac is the stratified share of the rows outside the test part
	// carved from the training rows to fit Calibration on; 0 fits it on the
	// validation part instead.
	CalibFrac float64 `json:"calib_frac,omitempty"`
	// Calibration is the map fitted on that part ("" or "none": none).
	Calibration CalibrationMethod `json:"calibration,omitempty"`
	// CalibIfPossible turns a calibration part too small for the data
	// (a *CalibSplitError) into no calibration, with the reason in the
	// experiment's CalibNote, instead of refusing: for the default,
	// which the user did not ask for.
	CalibIfPossible bool `json:"-"`
	// L2Prior, when > 0, sets Train.L2 to L2Prior divided by the number of
	// rows the network trains on when the experiment is built: the decay a
	// fixed Gaussian prior on the weights adds to the mean loss (scikit-learn
	// scales its alpha the same way), strong on a few thousand rows and
	// fading on a hundred thousand, and never above L2PriorCap. 0 keeps
	// Train.L2 as given.
	L2Prior float64 `json:"l2_prior,omitempty"`
	// L2PriorAlt, when > 0 beside an L2Prior, is a weaker prior the
	// experiment checks after training (Experiment.CheckDecay): a second
	// network from the same first weights trains with it, and is kept when
	// its validation log loss is lower beyond chance (DecaySwitchZ). 0: no
	// check.
	L2PriorAlt float64 `json:"l2_prior_alt,omitempty"`
}

// ChecksDecay reports whether the configuration ends training with the
// decay check: an alternative prior beside a different prior (the
// experiment also needs a validation part; see Experiment.ChecksDecay).
func (c Config) ChecksDecay() bool {
	return c.L2PriorAlt > 0 && c.L2Prior > 0 && c.L2PriorAlt != c.L2Prior
}

// PriorDecay is the L2 decay λ a prior per training row gives rows training
// rows: prior / rows, at most L2PriorCap.
func PriorDecay(prior float64, rows int) float64 {
	return min(prior/float64(rows), L2PriorCap)
}

// MaxL2Prior is the largest L2Prior (and L2PriorAlt) a configuration may
// give: the bound the CLI and the Model screen check too.
const MaxL2Prior = 1e9

// L2PriorCap bounds the decay L2Prior gives: on a few hundred rows the
// prior alone would flatten the network. With z-scored inputs (whose
// weights are several times smaller than min-max scaled ones for the same
// function, so a decay holds them less) the 400-user built-in shop's 5-fold
// CV ROC AUC was 0.77 at a cap of 1e-2 and 0.80 at 0.1, level with the
// min-max default before it, on seeds 1–3.
const L2PriorCap = 0.1

// DefaultConfig is retain's default experiment: 64→32 ReLU layers, Adam at
// 1e-3, batch 32, up to 200 epochs with early stopping (patience 25, best
// weights restored), a 10 % validation split, numerics passed through
// log(1+v) when never negative (counts, money and durations are heavily
// right-skewed), mean-imputed with a was-missing input per column that had
// blanks, and z-scored; an L2 decay of 20 divided by the training rows (at
// most L2PriorCap); seed 1; then the decay check (L2PriorAlt 2: a second
// network at 2 divided by the training rows, kept when the validation part
// says it is better beyond chance; see Experiment.CheckDecay). This is the
// configuration the README's quality table measures.
//
// It comes from `retain quality --suite` (SuiteCandidates), which prefers
// the candidate whose largest shortfall from the best candidate on any set
// of the suite (the shared per-user sets, 90-day cohorts of two order logs,
// and the built-in shop in other shapes and sizes, among them labels that
// step with threshold rules) is least; the README's Quality section has
// the table. A decay of 50/rows, the previous default, held the network
// too flat where the label steps sharply (0.013 below the best on the
// 60-rule shop, and 0.05 below scikit-learn's MLP on a public e-commerce
// churn table); 20/rows is never more than 0.0065 from the best candidate
// on any set of the suite. No candidate reaches telco_churn's 0.850 bar
// but two batch-16 ones that pass it by 0.0001 at seed 1 and fall 0.014
// short on the rule shops (see the README).
// The decay check leaves every set of the suite within 0.0004 of the
// 20/rows network at seeds 1 and 2, and lifts a public e-commerce churn
// table, whose label steps sharply, from 0.9712 to 0.9796 (README).
// Nothing here depends on which data set is loaded: the decay depends on
// the number of training rows and network inputs only (InputPrior), the
// check on the validation part.
func DefaultConfig() Config {
	train := engine.DefaultTrainConfig()
	train.Epochs, train.EarlyStop.Patience, train.BatchSize = 200, 25, 32
	return Config{
		Hidden: []engine.LayerSpec{{Units: 64, Activation: engine.ReLU}, {Units: 32, Activation: engine.ReLU}},
		Train:  train,
		Pipeline: data.PipelineOptions{Scale: data.ScaleZScore, Log1p: true, MissingIndicators: true,
			Impute: data.ImputeMean},
		ValFrac:    0.1,
		L2Prior:    20,
		L2PriorAlt: 2,
		Seed:       1,
		Threshold:  0.5,
	}
}

// Validate reports the first invalid setting.
func (c Config) Validate() error {
	switch {
	case !(c.ValFrac >= 0 && c.TestFrac >= 0 && c.ValFrac+c.TestFrac < 1): // NaN fails too
		return fmt.Errorf("%w: validation and test shares must be ≥ 0 and leave rows to train on (got %g and %g)", engine.ErrConfig, c.ValFrac, c.TestFrac)
	case CheckThreshold(c.Threshold) != nil:
		return CheckThreshold(c.Threshold)
	case !(c.L2Prior >= 0 && c.L2Prior <= MaxL2Prior):
		return fmt.Errorf("%w: L2 prior must be a number from 0 to 1e9, got %g", engine.ErrConfig, c.L2Prior)
	case !(c.L2PriorAlt >= 0 && c.L2PriorAlt <= MaxL2Prior):
		return fmt.Errorf("%w: alternative L2 prior must be a number from 0 to 1e9, got %g", engine.ErrConfig, c.L2PriorAlt)
	case c.Validation != "" && c.Validation != RandomSplit && c.Validation != OutOfTime:
		return fmt.Errorf("%w: validation %q: want %q or %q", engine.ErrConfig, c.Validation, RandomSplit, OutOfTime)
	}
	if err := c.validateCalibration(); err != nil {
		return err
	}
	if err := c.Arch(1).Validate(); err != nil {
		return err
	}
	return c.Train.Validate()
}

// Arch is the architecture of c's network on inputs model inputs: the one
// training builds (Experiment.start), the memory estimates measure and the
// Model screen summarises.
func (c Config) Arch(inputs int) engine.Architecture {
	return engine.Architecture{Inputs: inputs, Hidden: c.Hidden, Outputs: 1, Loss: engine.BCE}
}

// DecisionThreshold is the threshold a run is judged at: shared (a
// threshold moved on the Evaluate screen, say) when it lies in (0, 1), else
// the configured Threshold, else 0.5.
func (c Config) DecisionThreshold(shared float64) float64 {
	switch {
	case shared > 0 && shared < 1:
		return shared
	case c.Threshold > 0 && c.Threshold < 1:
		return c.Threshold
	}
	return 0.5
}
