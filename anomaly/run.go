package anomaly

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

// Run is one scoring run: the features prepared and an ensemble of
// autoencoders to train one after the other (Trainer is the current one's,
// whose progress a caller can watch; Next moves on); once they have
// trained, Finish scores every row by the mean of the members' scores.
type Run struct {
	// Table is the table scored; Features is the same rows without the
	// truth, archetype and excluded columns (and without the label).
	Table, Features *data.Table
	// Constant names the feature columns left out of Features because
	// every row holds the same value (see constantColumn), in table order.
	Constant []string
	// Clipped names the numeric feature columns left out because the
	// preprocessing reads every row as one value: fewer than MinGroup
	// users differ from the common value (data.Pipeline.ConstantColumns).
	Clipped []string
	Options Options
	// Pipeline turns Features into the network's inputs, fitted on every row.
	Pipeline *data.Pipeline
	// X holds every row's inputs (Rows × Pipeline.Width(), row-major).
	X []float64
	// TrainRows are the rows the current member trains on (its own random
	// sample of at most MaxTrainRows rows without exact duplicates).
	TrainRows []int
	sampled   []int // the member's sample before Trim (nil before)
	// Net and Trainer are the member being trained (see Next).
	Net       *engine.Network
	Trainer   *engine.Trainer
	trimmed   bool      // Trim has run on this member
	weights   []float64 // of each input's squared error, for Net
	members   []member  // the trained members
	saved     *engine.Network
	truth     []float64
	archetype []string
	gauss     []*rankGauss // each input's rank-gauss transform (nil: none)
	binary    []float64    // each input's factor in the weights (binaryWeights)
	missing   [][]bool     // each pipeline column's missing cells (missingCells)
	pairs     []pairCheck  // the strongly related input pairs (fitPairs)
}

// Prepare checks the named columns, fits the preprocessing on every row and
// builds the autoencoder and its trainer. Nothing is trained yet.
func Prepare(t *data.Table, opts Options) (*Run, error) {
	if t.Rows < MinRows {
		rows := "rows"
		if t.Rows == 1 {
			rows = "row"
		}
		return nil, fmt.Errorf("%w: %s has %d %s; scoring needs at least %d to learn what is usual", ErrNoRows, t.Source, t.Rows, rows, MinRows)
	}
	if err := opts.checkNeighbours(t.Source, t.Rows); err != nil {
		return nil, err
	}
	r := &Run{Table: t, Options: opts}
	var err error
	if r.truth, err = truthValues(t, opts.Truth); err != nil {
		return nil, err
	}
	if r.archetype, err = archetypeValues(t, opts.Archetype); err != nil {
		return nil, err
	}
	if r.Features, r.Constant, err = featureTable(t, opts); err != nil {
		return nil, err
	}
	pipeOpts := DefaultPipeline()
	if opts.Pipeline != nil {
		pipeOpts = *opts.Pipeline
	}
	all := make([]int, t.Rows)
	for i := range all {
		all[i] = i
	}
	if r.Pipeline, err = data.FitPipeline(r.Features, all, pipeOpts); err != nil {
		return nil, err
	}
	if clipped := r.Pipeline.ConstantColumns(); len(clipped) > 0 {
		// Constant as the model reads them: fewer than MinGroup users
		// differ from the common value, and their values are clipped to
		// it. Left out like a constant column, and the rest fitted again.
		if r.Features, err = withoutColumns(r.Features, clipped); err != nil {
			return nil, err
		}
		r.Clipped = clipped
		if r.Pipeline, err = data.FitPipeline(r.Features, all, pipeOpts); err != nil {
			return nil, err
		}
	}
	x, err := r.Pipeline.Transform(r.Features, all)
	if err != nil {
		return nil, err
	}
	r.X = x.RawMatrix().Data
	if opts.Inputs == InputsRankGauss {
		rng := rand.New(rand.NewPCG(opts.Seed, 0x169))
		r.gauss = rankGaussInputs(r.X, r.Pipeline.Width(), all, cmpOr(opts.MaxTrainRows, DefaultMaxTrainRows), rng)
		r.binary = binaryWeights(r.X, r.Pipeline.Width(), all, r.gauss)
		r.missing = missingCells(r.Features, r.Pipeline)
		r.pairs = fitPairs(r.X, r.Pipeline.Width(), r.gauss, r.Pipeline, r.missing)
	}
	if err := r.newMember(); err != nil {
		return nil, err
	}
	return r, nil
}

// newMember draws the next member's training sample (its own stream of
// Options.Seed) and builds its network and trainer.
func (r *Run) newMember() error {
	rng := rand.New(rand.NewPCG(r.Options.Seed, 0x16a+uint64(len(r.members))<<8))
	r.TrainRows = sample(r.Pipeline.FitRows, cmpOr(r.Options.MaxTrainRows, DefaultMaxTrainRows), rng)
	r.trimmed, r.weights, r.sampled = false, nil, nil
	width := r.Pipeline.Width()
	ds, err := r.dataset()
	if err != nil {
		return err
	}
	hidden := r.Options.Hidden
	if len(hidden) == 0 {
		hidden = DefaultHidden()
	}
	arch := engine.Architecture{Inputs: width, Hidden: hidden, Outputs: width, Loss: engine.MSE}
	if r.Net, err = engine.NewNetwork(arch, rng); err != nil {
		return err
	}
	cfg := r.Options.Train
	if cfg.Epochs == 0 {
		cfg = DefaultTrainConfig(len(r.TrainRows))
	}
	r.Trainer, err = engine.NewTrainer(r.Net, ds, engine.Dataset{}, cfg, rng)
	return err
}

// Members is how many autoencoders the run trains (Options.Members or
// DefaultMembers).
func (r *Run) Members() int { return cmpOr(r.Options.Members, DefaultMembers) }

// Member is the 0-based number of the member Net and Trainer belong to.
func (r *Run) Member() int { return len(r.members) }

// Next ends the current member's training: it keeps its network for the
// score and, while members remain, replaces Net and Trainer with the next
// one's (on a fresh sample). It reports whether there is another member to
// train.
func (r *Run) Next() (bool, error) {
	r.saveMember()
	if len(r.members) >= r.Members() {
		return false, nil
	}
	return true, r.newMember()
}

// saveMember keeps the current network and its error scales as a member of
// the ensemble (once).
func (r *Run) saveMember() {
	if r.saved == r.Net {
		return
	}
	r.weights = r.inputWeights(engine.NewPredictor(r.Net))
	r.members = append(r.members, member{net: r.Net, weights: r.weights})
	r.saved = r.Net
}

// Train trains every member: for each, the trainer to its end, Trim and the
// second trainer to its end (a convenience for callers that do not watch
// progress; see TrainWatched).
func (r *Run) Train(ctx context.Context) error { return r.TrainWatched(ctx, nil) }

// Trim ends the first round of training: it scores the training rows with
// the network, leaves out the Options.Trim share that it reconstructs
// worst, and replaces Trainer with a trainer that goes on training the same
// network on the rest (a trimmed autoencoder: abusers in the training data
// are mostly among the rows left out, so the network stops learning them).
// With the default training configuration the second round stops early
// only after SecondRoundPatience epochs without progress. It reports
// whether there is a second round to run; it does nothing after
// the second round or when Options.Trim is negative.
func (r *Run) Trim() (bool, error) {
	share := r.Options.Trim
	if share == 0 {
		share = DefaultTrim
	}
	if r.trimmed || share < 0 {
		return false, nil
	}
	if share >= 1 {
		return false, fmt.Errorf("%w: trim share %v (want less than 1)", ErrColumn, share)
	}
	r.trimmed = true
	r.weights = r.inputWeights(engine.NewPredictor(r.Net))
	score := r.scoreRows(member{net: r.Net, weights: r.weights}, r.TrainRows)
	order := make([]int, len(r.TrainRows))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(score[a], score[b]) })
	keep := len(order) - int(share*float64(len(order)))
	kept := make([]int, keep)
	for i, k := range order[:keep] {
		kept[i] = r.TrainRows[k]
	}
	slices.Sort(kept)
	r.sampled, r.TrainRows = r.TrainRows, kept
	ds, err := r.dataset()
	if err != nil {
		return false, err
	}
	rng := rand.New(rand.NewPCG(r.Options.Seed, 0x16b+uint64(len(r.members))<<8))
	cfg := r.Trainer.Config()
	if r.Options.Train.Epochs == 0 {
		cfg.EarlyStop.Patience = SecondRoundPatience
	}
	if r.Trainer, err = engine.NewTrainer(r.Net, ds, engine.Dataset{}, cfg, rng); err != nil {
		return false, err
	}
	return true, nil
}

// dataset gathers the training rows into an autoencoder data set (the
// targets are the inputs).
func (r *Run) dataset() (engine.Dataset, error) {
	width := r.Pipeline.Width()
	train := make([]float64, len(r.TrainRows)*width)
	for i, row := range r.TrainRows {
		copy(train[i*width:(i+1)*width], r.X[row*width:(row+1)*width])
	}
	return engine.DatasetFromFlat(train, train, len(r.TrainRows), width, width)
}

// featureTable returns t's columns without the label and without the
// truth, archetype and excluded columns, each of which must exist, and
// without the constant feature columns, whose names it returns: a column
// with no spread tells no user from another, and its near-zero
// reconstruction error would be scaled up to a large share of the score.
func featureTable(t *data.Table, opts Options) (*data.Table, []string, error) {
	drop := map[string]bool{}
	for _, name := range append([]string{opts.Truth, opts.Archetype}, opts.Exclude...) {
		if name == "" {
			continue
		}
		if t.Column(name) == nil && name != t.Label.Name {
			return nil, nil, fmt.Errorf("%w: %s has no column %q", ErrColumn, t.Source, name)
		}
		drop[name] = true
	}
	var constant []string
	cols, features := keptColumns(t, func(c *data.Column) bool {
		switch {
		case drop[c.Name]:
			return true
		case c.IsFeature() && constantColumn(c):
			constant = append(constant, c.Name)
			return true
		}
		return false
	})
	if features == 0 && len(constant) > 0 {
		return nil, nil, fmt.Errorf("%w: %s: every feature column holds one value for every row (%s): nothing tells one user from another",
			ErrColumn, t.Source, strings.Join(constant, ", "))
	}
	ft, err := data.NewTable(t.Source, cols, data.Label{})
	return ft, constant, err
}

// withoutColumns returns t without the named columns; it refuses to leave
// no feature.
func withoutColumns(t *data.Table, names []string) (*data.Table, error) {
	cols, features := keptColumns(t, func(c *data.Column) bool { return slices.Contains(names, c.Name) })
	if features == 0 {
		return nil, fmt.Errorf("%w: %s: every feature column reads as one value for every row (%s): nothing tells one user from another",
			ErrColumn, t.Source, strings.Join(names, ", "))
	}
	return data.NewTable(t.Source, cols, data.Label{})
}

// keptColumns returns t's columns that leave does not leave out, in
// order, and how many of them are features (featureTable and
// withoutColumns refuse a table with none).
func keptColumns(t *data.Table, leave func(c *data.Column) bool) (cols []*data.Column, features int) {
	cols = make([]*data.Column, 0, len(t.Columns))
	for _, c := range t.Columns {
		if leave(c) {
			continue
		}
		if c.IsFeature() {
			features++
		}
		cols = append(cols, c)
	}
	return cols, features
}

// truthValues reads a 0/1 truth column (a boolean or numeric column, or the
// table's label); nil when name is "".
func truthValues(t *data.Table, name string) ([]float64, error) {
	if name == "" {
		return nil, nil
	}
	if name == t.Label.Name {
		return t.Label.Values, nil
	}
	c := t.Column(name)
	if c == nil {
		return nil, fmt.Errorf("%w: %s has no column %q to take as the truth", ErrColumn, t.Source, name)
	}
	if c.Kind != data.Boolean && c.Kind != data.Numeric {
		return nil, fmt.Errorf("%w: %s: truth column %q is %s; want 0/1 or yes/no values", ErrColumn, t.Source, name, c.Kind)
	}
	for i, v := range c.Values {
		if v != 0 && v != 1 {
			cell := strconv.FormatFloat(v, 'g', -1, 64)
			if math.IsNaN(v) {
				cell = "a blank"
			}
			row := fmt.Sprintf("data row %d", i+1)
			if ids := t.IDs(); ids != nil {
				row += " (" + ids[i] + ")"
			}
			return nil, fmt.Errorf("%w: %s: truth column %q has %s on %s; want 0/1 or yes/no values", ErrColumn, t.Source, name, cell, row)
		}
	}
	return c.Values, nil
}

// archetypeValues reads the archetype column's text; nil when name is "".
func archetypeValues(t *data.Table, name string) ([]string, error) {
	if name == "" {
		return nil, nil
	}
	c := t.Column(name)
	if c == nil {
		return nil, fmt.Errorf("%w: %s has no column %q to take as the archetype", ErrColumn, t.Source, name)
	}
	if c.Strings == nil {
		return nil, fmt.Errorf("%w: %s: archetype column %q holds numbers; want names", ErrColumn, t.Source, name)
	}
	return c.Strings, nil
}

// sample returns at most n of rows, chosen uniformly by rng, in row order.
func sample(rows []int, n int, rng *rand.Rand) []int {
	out := slices.Clone(rows)
	if len(out) <= n {
		return out
	}
	for i := range n {
		j := i + rng.IntN(len(out)-i)
		out[i], out[j] = out[j], out[i]
	}
	out = out[:n]
	slices.Sort(out)
	return out
}

// cmpOr returns v, or def when v is not positive.
func cmpOr(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}

// member is one trained autoencoder of the ensemble and the weight of each
// input's squared error in its score.
type member struct {
	net     *engine.Network
	weights []float64
}
