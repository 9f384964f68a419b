package anomaly

import (
	"errors"
	"fmt"

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
	// DefaultTrim is the share of training rows the second round of
	// training leaves out (see Options.Trim). Measured on the built-in shop
	// (1 % planted, 5,000 users seeds 0 to 3, the other defaults): average
	// precision 0.84, 0.81, 0.77, 0.93 against 0.76, 0.73, 0.69, 0.82
	// without the second round; 10 % was no better than 5 % (0.82 against
	// 0.84 on seed 0, 0.87 against 0.91 on 50,000 users).
	DefaultTrim = 0.05
	// SecondRoundPatience is the early-stopping patience of the second
	// round of training under the default configuration (the first round
	// keeps DefaultTrainConfig's 5): the loss on the trimmed sample creeps
	// down slowly, and stopping after 5 flat epochs left the network short
	// of what it learns. Measured on the built-in shop (1 % planted, the
	// other defaults): on 5,000 users, seeds 0 to 3 (about 50 abusers each,
	// so one abuser moves precision@k by 0.02), precision@k 0.80, 0.80,
	// 0.75, 0.79 against 0.74, 0.72, 0.73, 0.81 with 5, average precision
	// 0.87, 0.86, 0.78, 0.91 against 0.84, 0.79, 0.78, 0.92; on 50,000
	// users (seeds 0 and 1) no change (0.84 and 0.82), as the epoch cap of
	// DefaultTrainConfig ends training there first. 50 gave the same as 25.
	SecondRoundPatience = 25
)

// ErrColumn reports a named column that is missing or unusable. Like every
// error this package returns, its text (and ErrNoRows's) has no "anomaly: "
// prefix: it reaches the user as it is, on the command line and in the TUI.
var ErrColumn = errors.New("bad column")

// ErrNoRows reports a table with too few rows to learn what is normal.
var ErrNoRows = errors.New("too few rows")

// MinRows is the fewest rows a table must have to be scored.
const MinRows = 20

// Options configures a run. The zero value uses the defaults.
type Options struct {
	// Hidden are the autoencoder's hidden layers (default DefaultHidden).
	Hidden []engine.LayerSpec
	// Train configures training (zero Epochs: DefaultTrainConfig for the
	// sample size).
	Train engine.TrainConfig
	// Pipeline is the preprocessing (nil: DefaultPipeline).
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
	// (default ScoreStandardised).
	Score ScoreKind
	// Trim is the share of training rows Run.Trim leaves out for a second
	// round of training (0: DefaultTrim; negative: no second round).
	Trim float64
	// Inputs says what the networks see (default InputsRankGauss).
	Inputs InputKind
	// Neighbours is how many nearest other rows a row's score averages its
	// reconstruction error with (0: DefaultNeighbours; negative: none, the
	// score is the raw error). The distance is Euclidean between the
	// networks' inputs (Run.X). On a table of more than MinSmoothedRows
	// rows only the top SmoothedRows rows by raw error are smoothed, their
	// neighbours searched among all rows; the others keep the raw error.
	Neighbours int
	// Seed drives the sample, the initial weights and the shuffles.
	Seed uint64
	// TiesByID orders rows of equal score (Result.Order) by their ids
	// rather than by row, and the rows of Result.WriteFeatures by their
	// ids, when the table has an id column. With the ids pseudonymised,
	// the file's order beside them gives them back when the file is sorted
	// by id.
	TiesByID bool
}

// ErrNeighbours reports Options.Neighbours too large for the table: every
// user's score would average (nearly) every user's error, one number for
// all of them.
var ErrNeighbours = errors.New("too many neighbours")

// MaxNeighbours is the most neighbours a table of rows rows allows: rows−2,
// so that each user's average leaves out at least one other user (with
// rows−1 every user averages every error and all scores are the same).
func MaxNeighbours(rows int) int { return max(0, rows-2) }

// neighbours is the effective Neighbours: DefaultNeighbours for 0, none (0)
// for a negative value.
func (o Options) neighbours() int {
	if o.Neighbours == 0 {
		return DefaultNeighbours
	}
	return max(0, o.Neighbours)
}

// checkNeighbours refuses a Neighbours above MaxNeighbours of rows.
func (o Options) checkNeighbours(source string, rows int) error {
	if o.Neighbours > MaxNeighbours(rows) {
		return fmt.Errorf("%w: %s has %d users, so at most %d (each user's average must leave out another user, or every score is the same), or 0 for the raw error",
			ErrNeighbours, source, rows, MaxNeighbours(rows))
	}
	return nil
}

// DefaultHidden is the bottleneck: 32 ReLU units → 1 linear unit → 32 ReLU
// units. One unit forces the network to summarise each user by the main
// direction of ordinary behaviour (how active a user is: sessions, pages,
// cart adds and orders rise together), so a user whose columns disagree with
// it (many sessions but no cart adds) is reconstructed badly. Measured on
// the built-in shop with 1 % planted abusers, rank-gauss inputs and a 5 %
// trim: a two-unit bottleneck ranked the abusers far worse (average
// precision 0.29 on 5,000 users and 0.31 on 50,000, against 0.74 and 0.85
// with one unit: the second unit learns "browses without buying", and the
// click farms vanish); 32 units around the bottleneck did better than 8
// (0.76 against 0.58 on 5,000 users without the trim) and better than 64 on
// 50,000 users (0.91 and 0.91 against 0.84 and 0.82, seeds 0 and 1).
func DefaultHidden() []engine.LayerSpec {
	return []engine.LayerSpec{{Units: 32, Activation: engine.ReLU}, {Units: 1, Activation: engine.Linear}, {Units: 32, Activation: engine.ReLU}}
}

// DefaultPipeline is the autoencoders' preprocessing: medians for missing
// cells, log(1+v) for non-negative numeric columns, min-max scaling. It was
// the churn model's default before issue 15 and is kept as it is: the
// anomaly figures were measured with it, and rank-gauss follows anyway.
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
	// ScoreStandardised is the mean over inputs of (e_j/s_j)², where s_j is
	// input j's root mean square error over the training rows: each input
	// counts on its own error's scale. Measured on the built-in shop (1 %
	// planted, rank-gauss inputs, 5,000 and 50,000 users), it ranked the
	// click farms far better than ScoreRobust (recall@2k 0.71 against 0 on
	// 5,000 users, 0.82 against 0.02 on 50,000): a click farm is mostly one
	// large error (cart adds where the network expects many), which the
	// logarithm flattens. Powers 1.5, 3 and 4 instead of 2 did worse too.
	ScoreStandardised ScoreKind = iota
	// ScoreRobust is the mean over inputs of log(1 + (e_j/s_j)²): the
	// negative log-likelihood of Cauchy-distributed errors, where no single
	// huge error dominates.
	ScoreRobust
	// ScoreMSE is the plain mean of e_j².
	ScoreMSE
)

// InputKind is what the autoencoders are trained on and reconstruct.
type InputKind int

// The input kinds.
const (
	// InputsRankGauss passes the preprocessed features through a rank-gauss
	// transform fitted on a sample of MaxTrainRows rows: each input that
	// takes more than two values becomes the normal quantile of its
	// mid-rank. A heavy tail then weighs no more than any other column's
	// (a user with 110 sessions is as far out as one with the fewest
	// pages), and the reconstruction error measures how a user's columns
	// disagree with each other rather than how large they are. Measured on
	// the built-in shop (1 % planted, the other defaults): average precision
	// 0.91 and 0.91 on 50,000 users (seeds 0 and 1) against 0.75 and 0.62
	// with InputsPipeline; on 5,000 users (seeds 0 to 3, about 50 abusers
	// each) 0.84, 0.81, 0.77, 0.93 against 0.79, 0.88, 0.92, 0.98.
	InputsRankGauss InputKind = iota
	// InputsPipeline are the preprocessed features as they are.
	InputsPipeline
)
