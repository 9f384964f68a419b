package anomaly

import (
	"errors"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

// Defaults of Options.
const (
	// DefaultMaxTrainRows caps the rows each autoencoder trains on; every
	// row is scored. As IsolationForest trains each tree on a small sample,
	// a random sample describes the common behaviour and bounds the
	// training time on large tables. Measured on the built-in shop (1 %
	// planted, 5 members): average precision 0.48 on 50,000 users and 0.34
	// on 1,000,000 with 20,000 rows, 0.44 and 0.35 with 100,000; smaller
	// samples (2,000, 5,000) were no better.
	DefaultMaxTrainRows = 20_000
	// DefaultTrainSteps is the number of batches the default training
	// aims at, whatever the size of the sample (see DefaultTrainConfig).
	DefaultTrainSteps = 6000
	// DefaultMembers is how many autoencoders a run trains (see
	// Options.Members).
	DefaultMembers = 5
	// DefaultReasons is how many deviating features a user's reasons list.
	DefaultReasons = 3
)

// ErrColumn reports a named column that is missing or unusable.
var ErrColumn = errors.New("anomaly: bad column")

// ErrNoRows reports a table with too few rows to learn what is normal.
var ErrNoRows = errors.New("anomaly: too few rows")

// MinRows is the fewest rows a table must have to be scored.
const MinRows = 20

// Options configures a run. The zero value uses the defaults.
type Options struct {
	// Hidden are the autoencoder's hidden layers (default DefaultHidden).
	Hidden []engine.LayerSpec
	// Train configures training (zero Epochs: DefaultTrainConfig for the
	// sample size).
	Train engine.TrainConfig
	// Pipeline is the preprocessing (nil: the churn model's, DefaultPipeline).
	Pipeline *data.PipelineOptions
	// Truth names a 0/1 column (or the table's label) that says who is
	// abusive; it is not a feature, and Finish evaluates against it.
	Truth string
	// Archetype names a column giving each user's kind of abuse (not a
	// feature); Evaluate reports recall per archetype.
	Archetype string
	// Exclude names further columns that are not features.
	Exclude []string
	// MaxTrainRows caps each member's training sample (0:
	// DefaultMaxTrainRows).
	MaxTrainRows int
	// Members is how many autoencoders are trained, each from its own
	// initial weights on its own random sample, and averaged in the score
	// (0: DefaultMembers). One network with a one-unit bottleneck settles
	// on one of several summaries of ordinary behaviour depending on its
	// seed: on the built-in shop (1 % planted, 5,000 users, the archetypes
	// as first drawn) seeds 0 to 3 found 53 %, 0 %, 100 % and 6 % of the
	// click farms in the top 2k. The mean over members does not depend on
	// one lucky seed.
	Members int
	// Score says how a row's reconstruction errors make its score
	// (default ScoreRobust).
	Score ScoreKind
	// Trim is the share of training rows Run.Trim leaves out for a second
	// round of training (0: no second round). Measured on the built-in shop
	// with 1 % planted (the archetypes as first drawn), a 3 % trim raised
	// the average precision on 50,000 users (0.49 to 0.61) but lowered it
	// on 1,000,000 (0.34 to 0.25), so it is off by default.
	Trim float64
	// Seed drives the sample, the initial weights and the shuffles.
	Seed uint64
}

// DefaultHidden is the bottleneck: 8 ReLU units → 1 linear unit → 8 ReLU
// units. Measured on the built-in shop with 1 % planted abusers (5,000 and
// 50,000 users), wider bottlenecks (2, 3, 4, 6 units) and deeper or wider
// layers (16, 32, 32-16) ranked the abusers worse: with room to spare the
// network learns to copy the rare abusers and the independent columns too,
// so their errors vanish. One unit forces it to summarise each user by the
// main direction of ordinary behaviour, and a user whose columns disagree
// with it is reconstructed badly.
func DefaultHidden() []engine.LayerSpec {
	return []engine.LayerSpec{{Units: 8, Activation: engine.ReLU}, {Units: 1, Activation: engine.Linear}, {Units: 8, Activation: engine.ReLU}}
}

// DefaultPipeline is the churn model's preprocessing: medians for missing
// cells, log(1+v) for non-negative numeric columns, min-max scaling.
func DefaultPipeline() data.PipelineOptions {
	return data.PipelineOptions{Scale: data.ScaleMinMax, Log1p: true}
}

// DefaultTrainConfig is Adam with batch 128, enough epochs for about
// DefaultTrainSteps batches over rows training rows (10 to 200), and early
// stopping on the training loss.
func DefaultTrainConfig(rows int) engine.TrainConfig {
	const batch = 128
	perEpoch := max(1, (rows+batch-1)/batch)
	epochs := min(200, max(10, DefaultTrainSteps/perEpoch))
	return engine.TrainConfig{
		Epochs: epochs, BatchSize: batch,
		Optimizer: engine.OptimizerConfig{Kind: "adam", LR: 3e-3},
		EarlyStop: engine.EarlyStopConfig{Patience: 5, MinDelta: 1e-6},
	}
}

// ScoreKind is how the per-input reconstruction errors e_j of a row are
// combined into its score.
type ScoreKind int

// The score kinds.
const (
	// ScoreRobust is the mean over inputs of log(1 + (e_j/s_j)²), where s_j
	// is input j's root mean square error over the training rows: the
	// negative log-likelihood of Cauchy-distributed errors. Each input
	// counts on its own error's scale and no single huge error dominates, so
	// a user who is off on several columns at once ranks above one who is
	// extreme on a single column.
	ScoreRobust ScoreKind = iota
	// ScoreMSE is the plain mean of e_j².
	ScoreMSE
	// ScoreStandardised is the mean of (e_j/s_j)².
	ScoreStandardised
)
