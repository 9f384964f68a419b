package engine

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"
)

// reportInterval is the least time between two batch-progress reports.
const reportInterval = 50 * time.Millisecond

// Trainer trains one network on one data set. Run drives it; Pause, Resume,
// StepBatch, StepEpoch and SetPace may be called from other goroutines
// meanwhile.
// Everything else must be called when Run is not running.
type Trainer struct {
	net   *Network
	cfg   TrainConfig
	opt   Optimizer
	train Dataset
	val   Dataset
	rng   *rand.Rand
	ws    *workspace
	par   *sharder // nil: one worker computes each batch
	eval  *evaluator
	perm  []int
	// drawn says perm holds the current epoch's order: it is shuffled
	// before the epoch's first batch waits for its turn, so that a trainer
	// held there already knows its next batch (see NextBatch).
	drawn bool
	// next is a Snapshot's copy of the rows of the next batch (nil on a
	// trainer that Run may drive).
	next      []int
	sink      Sink
	ctl       *control
	epochs    *epochSnapshot // the last epoch's network (EpochNetwork); nil on a Snapshot
	clk       Clock
	posWeight float64

	epoch, batch, step int // epochs finished; batches done in the current epoch; in all
	batches            int // per epoch
	epochLoss          float64
	epochCorrect       int
	epochSeen          int
	pendLoss           float64 // batch losses not yet reported
	pendCount          int
	firstLoss          float64
	lastReport         time.Time
	runStart           time.Time
	runSteps           int
	runSamples         int
	waited             time.Duration // time this Run spent paused or waiting for its pace
	batchStart         time.Time     // start of the last batch, recorded only when paced
	epochStart         time.Time     // start of the current epoch, recorded only when paced
	elapsed            time.Duration // time of earlier Run calls, pauses included
	paused             time.Duration // time all Run calls spent held by Pause (or between steps)
	pauseStart         time.Time     // start of the current hold; zero while not held
	trainedRows        int           // rows trained in all Run calls and steps, repeats counted
	inRun              bool          // Run is executing: reports add the time since runStart
	state              State
	history            []EpochStats
	lastGood           []float64 // parameters at the last epoch end, finite
	best               []float64
	avg                []float64 // the moving average of the weights (nil: off)
	avgRate            float64   // the average's least step share, 1/(AverageEpochs·batches)
	bestLoss           float64
	bestEpoch          int
	restored           int      // the epoch whose weights finishing copied back (0: none)
	settled            bool     // KeepAfterStop gave a stopped run an epoch's weights
	rates              rateRing // rows trained by each report's training time, for the recent rate
	wait, plateauWait  int
	plateauBest        float64
	baseLR             float64 // the optimiser's rate at the start, for cosine
}

// NewTrainer prepares training of net on train, evaluating on val after each
// epoch (val may be empty). rng drives the per-epoch shuffle.
func NewTrainer(net *Network, train, val Dataset, cfg TrainConfig, rng *rand.Rand) (*Trainer, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if train.Rows == 0 {
		return nil, ErrNoData
	}
	for _, d := range []Dataset{train, val} {
		if d.Rows > 0 && (d.Cols != net.Arch.Inputs || d.Outs != net.Arch.Outputs) {
			return nil, fmt.Errorf("%w: data has %d inputs and %d targets, network takes %d and gives %d",
				ErrShape, d.Cols, d.Outs, net.Arch.Inputs, net.Arch.Outputs)
		}
	}
	opt, err := NewOptimizer(cfg.Optimizer, net.ParamCount())
	if err != nil {
		return nil, err
	}
	batch := min(cfg.BatchSize, train.Rows)
	wsRows, workers := batch, cfg.WorkersFor(train.Rows)
	if workers > 1 {
		wsRows = 0 // the shards hold the rows; ws only the summed gradient
	}
	t := &Trainer{
		net: net, cfg: cfg, opt: opt, train: train, val: val, rng: rng,
		ws:        newWorkspace(net, wsRows),
		perm:      make([]int, train.Rows),
		ctl:       newControl(),
		epochs:    &epochSnapshot{},
		clk:       &systemClock{},
		posWeight: cfg.posWeight(),
		batches:   (train.Rows + batch - 1) / batch,
		lastGood:  append([]float64(nil), net.params...),
		bestLoss:  math.Inf(1), plateauBest: math.Inf(1),
		firstLoss: math.NaN(),
	}
	t.rates.add(0, 0) // the start: a young run's recent rate is its average
	t.cfg.BatchSize = batch
	if workers > 1 {
		t.par = newSharder(net, batch, workers)
	}
	t.baseLR = opt.LR()
	if cfg.AverageEpochs > 0 {
		t.avg = append([]float64(nil), net.params...)
		t.avgRate = 1 / (cfg.AverageEpochs * float64(t.batches))
	}
	if val.Rows > 0 {
		t.eval = newEvaluator(net, val.Rows)
	}
	for i := range t.perm {
		t.perm[i] = i
	}
	return t, nil
}

// SetSink sets where progress goes (nil: nowhere).
func (t *Trainer) SetSink(s Sink) { t.sink = s }

// Network returns the network being trained.
func (t *Trainer) Network() *Network { return t.net }

// Optimizer returns the optimiser (for the teaching walkthrough).
func (t *Trainer) Optimizer() Optimizer { return t.opt }

// Workers returns how many workers compute each batch's gradient (see
// TrainConfig.WorkersFor).
func (t *Trainer) Workers() int {
	if t.par == nil {
		return 1
	}
	return len(t.par.shards)
}

// Config returns the training configuration in use.
func (t *Trainer) Config() TrainConfig { return t.cfg }

// History returns the finished epochs' figures.
func (t *Trainer) History() []EpochStats { return t.history }

// State returns the trainer's state after the last Run.
func (t *Trainer) State() State { return t.state }

// Position returns finished epochs and batches done in the current epoch.
func (t *Trainer) Position() (epoch, batch int) { return t.epoch, t.batch }

// Done reports whether training has ended (all epochs, early stop or divergence).
func (t *Trainer) Done() bool {
	return t.state == Finished || t.state == StoppedEarly || t.state == Diverged
}

// Run trains until all epochs are done, early stopping triggers, the loss
// diverges (a *DivergedError), or ctx is cancelled (ctx.Err(), returned
// within one batch). It can be called again after a cancellation to go on
// where it stopped.
func (t *Trainer) Run(ctx context.Context) error {
	if t.Done() {
		return t.doneErr()
	}
	t.runStart, t.runSteps, t.runSamples, t.waited = t.clk.Now(), 0, 0, 0
	t.lastReport = t.runStart
	t.state = Running
	t.inRun = true
	defer func() { t.elapsed += t.clk.Now().Sub(t.runStart); t.inRun = false }()
	for t.epoch < t.cfg.Epochs {
		t.drawOrder()
		if err := t.waitTurn(ctx); err != nil {
			return t.stop(Cancelled, err)
		}
		t.markStart()
		if err := t.trainBatch(); err != nil {
			return t.stop(Diverged, err)
		}
		if t.batch == t.batches {
			if err := t.endEpoch(ctx); err != nil {
				if errors.Is(err, ErrDiverged) {
					return t.stop(Diverged, err)
				}
				return t.stop(Cancelled, err)
			}
			if t.state == StoppedEarly {
				return nil
			}
		} else if t.step&15 == 0 && t.clk.Now().Sub(t.lastReport) >= reportInterval {
			t.report(Running, false)
		}
	}
	t.finish(Finished)
	return nil
}

// doneErr is what Run and the step methods return once training has ended:
// nothing after a normal end, an ErrDiverged after a divergence.
func (t *Trainer) doneErr() error {
	if t.state == Diverged {
		return fmt.Errorf("%w: the run has already diverged", ErrDiverged)
	}
	return nil
}

// stop records why Run returned and reports it.
func (t *Trainer) stop(s State, err error) error {
	t.state = s
	p := t.progress(s, false)
	p.Err = err
	t.send(p)
	return err
}

// TrainBatch trains exactly one batch synchronously (for stepping without
// Run). It finishes the epoch, with its evaluation, when the batch ends it.
func (t *Trainer) TrainBatch(ctx context.Context) error {
	if t.Done() {
		return t.doneErr()
	}
	if err := t.trainBatch(); err != nil {
		return t.stop(Diverged, err)
	}
	if t.batch == t.batches {
		if err := t.endEpoch(ctx); err != nil {
			return t.stop(Diverged, err)
		}
	} else {
		t.report(Paused, false)
	}
	return nil
}

// TrainEpoch trains synchronously until the current epoch ends (a whole
// epoch from an epoch boundary), checking ctx between batches.
func (t *Trainer) TrainEpoch(ctx context.Context) error {
	for !t.Done() {
		if err := ctx.Err(); err != nil {
			return t.stop(Cancelled, err)
		}
		last := t.batch == t.batches-1
		if err := t.TrainBatch(ctx); err != nil {
			return err
		}
		if last {
			return nil
		}
	}
	return t.doneErr()
}

// trainBatch runs one forward/backward/update step on the next batch.
func (t *Trainer) trainBatch() error {
	t.drawOrder()
	bs := t.cfg.BatchSize
	start := t.batch * bs
	rows := t.perm[start:min(start+bs, t.train.Rows)]
	m := len(rows)
	ws, net := t.ws, t.net
	var loss float64
	var correct int
	if t.par != nil {
		loss, correct = t.par.gradient(net, t.train, rows, t.posWeight, t.cfg.L2, ws.grad)
		if err := t.checkLoss(loss); err != nil {
			return err
		}
	} else {
		ws.gather(t.train.X, t.train.Y, t.train.Cols, t.train.Outs, rows)
		ws.forward(net, m)
		loss, correct = ws.lossAndDelta(net, m, t.posWeight)
		if err := t.checkLoss(loss); err != nil {
			return err
		}
		ws.backward(net, m, t.cfg.L2)
	}
	if !gradFinite(ws.grad) {
		return t.diverged(CauseGradientNotFinite, loss)
	}
	if t.cfg.ClipNorm > 0 {
		clipNorm(ws.grad, t.cfg.ClipNorm)
	}
	t.opt.Step(net.params, ws.grad)
	t.batch++
	t.step++
	if t.avg != nil {
		average(t.avg, net.params, max(1/float64(t.step), t.avgRate))
	}
	t.runSteps++
	t.runSamples += m
	t.trainedRows += m
	t.epochLoss += loss * float64(m)
	t.epochCorrect += correct
	t.epochSeen += m
	t.pendLoss += loss
	t.pendCount++
	return nil
}

// drawOrder starts the epoch, once, before its first batch: it reshuffles
// the row order with the trainer's generator. Drawing it before the batch
// waits for its turn rather than when it is trained takes the same numbers
// from the generator in the same order, so a run is the same either way.
func (t *Trainer) drawOrder() {
	if t.batch != 0 || t.drawn {
		return
	}
	t.rng.Shuffle(len(t.perm), func(i, j int) { t.perm[i], t.perm[j] = t.perm[j], t.perm[i] })
	t.drawn = true
	t.epochLoss, t.epochCorrect, t.epochSeen = 0, 0, 0
}

// NextBatch returns the rows of the training set (indices into its
// Dataset) that the trainer trains next, in the order it takes them. ok is
// false when training is over, or at the start of an epoch whose order is
// not drawn yet: Run draws it before it waits for the batch's turn, so a
// Snapshot of a held trainer always knows it. Reading it changes nothing.
func (t *Trainer) NextBatch() (rows []int, ok bool) {
	if t.next != nil {
		return slices.Clone(t.next), true
	}
	if t.perm == nil || t.Done() || t.epoch >= t.cfg.Epochs || t.batch >= t.batches || (t.batch == 0 && !t.drawn) {
		return nil, false
	}
	start := t.batch * t.cfg.BatchSize
	return slices.Clone(t.perm[start:min(start+t.cfg.BatchSize, t.train.Rows)]), true
}

// checkLoss stops on a non-finite loss or one that exploded.
func (t *Trainer) checkLoss(loss float64) error {
	switch {
	case math.IsNaN(loss):
		return t.diverged(CauseLossNaN, loss)
	case math.IsInf(loss, 0):
		return t.diverged(CauseLossInf, loss)
	}
	if math.IsNaN(t.firstLoss) {
		t.firstLoss = loss
	}
	if f := t.cfg.divergeFactor(); f > 0 && loss > f*max(t.firstLoss, 1e-3) {
		return t.divergedPast(CauseLossExploded, loss, f, t.firstLoss)
	}
	return nil
}

// diverged builds the error and makes sure the network holds finite weights.
func (t *Trainer) diverged(cause DivergeCause, loss float64) *DivergedError {
	return t.divergedPast(cause, loss, 0, 0)
}

// divergedPast is diverged for a loss that passed factor times the first
// batch's loss first (CauseLossExploded; 0 and 0 for the other causes).
func (t *Trainer) divergedPast(cause DivergeCause, loss, factor, first float64) *DivergedError {
	if !allFinite(t.net.params) {
		copy(t.net.params, t.lastGood)
	}
	e := &DivergedError{Epoch: t.epoch + 1, Batch: t.batch + 1, Loss: loss, Cause: cause, Factor: factor, FirstLoss: first}
	e.Reason = reasonOf(e)
	return e
}

// gradFinite reports whether every gradient value is finite: a NaN or ±Inf
// makes the sum NaN or infinite (four accumulators keep the loop fast).
func gradFinite(g []float64) bool {
	var s0, s1, s2, s3 float64
	i := 0
	for ; i+4 <= len(g); i += 4 {
		s0 += g[i]
		s1 += g[i+1]
		s2 += g[i+2]
		s3 += g[i+3]
	}
	for ; i < len(g); i++ {
		s0 += g[i]
	}
	s := s0 + s1 + s2 + s3
	return !math.IsNaN(s) && !math.IsInf(s, 0)
}

// average moves avg the share w of the way to p.
func average(avg, p []float64, w float64) {
	for i, v := range p {
		avg[i] += w * (v - avg[i])
	}
}

// norm is the Euclidean length of g.
func norm(g []float64) float64 {
	ss := 0.0
	for _, v := range g {
		ss += v * v
	}
	return math.Sqrt(ss)
}

// clipNorm rescales g in place so that its Euclidean norm is at most c,
// and returns the factor it multiplied g by (1: g was within the bound).
func clipNorm(g []float64, c float64) float64 {
	if n := norm(g); n > c {
		f := c / n
		for i := range g {
			g[i] *= f
		}
		return f
	}
	return 1
}
