package engine

import (
	"sync"
	"time"
)

// State is where a training run stands.
type State int

// The training states reported in Progress.
const (
	Running State = iota
	Paused
	Finished     // all epochs done
	StoppedEarly // early stopping triggered; best weights restored
	Diverged     // a non-finite or exploding loss stopped training
	Cancelled    // the context was cancelled
)

var stateNames = [...]string{"running", "paused", "finished", "stopped early", "diverged", "cancelled"}

// String returns the state in plain words.
func (s State) String() string {
	if s < 0 || int(s) >= len(stateNames) {
		return "unknown"
	}
	return stateNames[s]
}

// EpochStats are the figures of one finished epoch. Train figures are the
// means over the epoch's batches (as Keras reports them); validation figures
// are computed on the whole validation set after the epoch (AUC on the first
// output). HasVal is false
// when there is no validation set; HasAccuracy is false for MSE networks.
// ValLoss is the training objective's data term on the validation set, so
// with a positive-class weight other than 1 it is weighted as training
// weighs it; ValLogLoss is the same loss with every row weighing 1 (the
// mean binary cross-entropy, or for MSE the same as ValLoss), which runs
// with different weights can be compared on.
type EpochStats struct {
	Epoch       int           `json:"epoch"`
	TrainLoss   float64       `json:"loss"`
	TrainAcc    float64       `json:"accuracy"`
	ValLoss     float64       `json:"val_loss"`
	ValLogLoss  float64       `json:"val_log_loss"`
	ValAcc      float64       `json:"val_accuracy"`
	ValAUC      float64       `json:"val_roc_auc"`
	LR          float64       `json:"lr"`
	Elapsed     time.Duration `json:"elapsed_ns"`
	HasVal      bool          `json:"-"`
	HasAccuracy bool          `json:"-"`
	HasAUC      bool          `json:"-"` // false when the validation set holds one class
}

// Monitored is the loss early stopping and plateau schedules watch.
func (e EpochStats) Monitored() float64 {
	if e.HasVal {
		return e.ValLoss
	}
	return e.TrainLoss
}

// Progress is an immutable snapshot sent to a Sink.
type Progress struct {
	State          State
	Epoch, Epochs  int // Epoch is 1-based: the epoch in progress or just ended
	Batch, Batches int // batches done in this epoch, and per epoch
	Step           int // batches done in the whole run
	// BatchLoss is the mean training loss of the batches since the previous
	// report (BatchCount of them); Position is the fractional epoch at its end.
	BatchLoss     float64
	BatchCount    int
	Position      float64
	EpochEnd      bool       // Last holds a newly finished epoch
	Last          EpochStats // the most recent finished epoch, if any
	LR            float64
	SamplesPerSec float64 // rows per second of compute time (this Run's; pauses and pace waits left out)
	Elapsed, ETA  time.Duration
	// Training is the time spent training so far, in every Run: Elapsed
	// without the time held by Pause (or between steps). Waits for the pace
	// count, so that at a slow pace it follows the clock. It stands still
	// while the trainer is paused and does not move when a paused run is
	// stopped.
	Training time.Duration
	// RowsPerSec is the training rows per second of Training: the rows of
	// every batch trained (a row counts again in each epoch) ÷ Training.
	RowsPerSec float64
	// RecentRowsPerSec is the rows per second of the last second or so of
	// Training: from the newest earlier report at least a second of
	// training time before this one (the oldest kept when none is that
	// old) to this one. Unlike RowsPerSec it follows a change of pace at
	// once. It stands still while paused, as Training does.
	RecentRowsPerSec float64
	Err              error // set with State Diverged
}

// Sink receives progress. Report is called on the training goroutine and must
// return quickly without blocking; use a Coalescer to hand progress to a slow
// consumer.
type Sink interface {
	Report(Progress)
}

// SinkFunc adapts a function to Sink.
type SinkFunc func(Progress)

// Report calls f(p).
func (f SinkFunc) Report(p Progress) { f(p) }

// LossPoint is one aggregated point of the per-batch training loss curve.
type LossPoint struct {
	Position float64 // fractional epoch
	Loss     float64
}

// Update is what a Coalescer hands over on Drain: the latest progress and
// everything that must not be lost since the previous drain.
type Update struct {
	Latest Progress
	Epochs []EpochStats // every epoch finished since the previous drain, in order
	Points []LossPoint  // batch-loss points since the previous drain, merged when many
}

// Coalescer is a Sink that never blocks the trainer: it keeps the latest
// progress, every finished epoch, and a bounded number of batch-loss points
// (adjacent points are merged pairwise when the bound is reached), until a
// consumer drains them. Notify signals, without blocking, that there is news.
type Coalescer struct {
	mu       sync.Mutex
	pending  Update
	has      bool
	maxPts   int
	notifyCh chan struct{}
	counts   []int // batches behind each pending point, for weighted merging
}

// NewCoalescer returns a Coalescer keeping at most maxPoints batch-loss points
// between drains (minimum 2).
func NewCoalescer(maxPoints int) *Coalescer {
	return &Coalescer{maxPts: max(maxPoints, 2), notifyCh: make(chan struct{}, 1)}
}

// Report implements Sink.
func (c *Coalescer) Report(p Progress) {
	c.mu.Lock()
	c.pending.Latest = p
	c.has = true
	if p.EpochEnd {
		c.pending.Epochs = append(c.pending.Epochs, p.Last)
	}
	if p.BatchCount > 0 {
		c.pending.Points = append(c.pending.Points, LossPoint{Position: p.Position, Loss: p.BatchLoss})
		c.counts = append(c.counts, p.BatchCount)
		if len(c.pending.Points) > c.maxPts {
			c.halve()
		}
	}
	c.mu.Unlock()
	select {
	case c.notifyCh <- struct{}{}:
	default:
	}
}

// halve merges adjacent points pairwise, weighting by their batch counts.
func (c *Coalescer) halve() {
	pts, cnt := c.pending.Points, c.counts
	j := 0
	for i := 0; i < len(pts); i += 2 {
		if i+1 == len(pts) {
			pts[j], cnt[j] = pts[i], cnt[i]
		} else {
			n := cnt[i] + cnt[i+1]
			loss := (pts[i].Loss*float64(cnt[i]) + pts[i+1].Loss*float64(cnt[i+1])) / float64(n)
			pts[j] = LossPoint{Position: pts[i+1].Position, Loss: loss}
			cnt[j] = n
		}
		j++
	}
	c.pending.Points, c.counts = pts[:j], cnt[:j]
}

// Drain returns what arrived since the previous drain; ok is false if nothing did.
func (c *Coalescer) Drain() (u Update, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.has {
		return Update{}, false
	}
	u = c.pending
	c.pending = Update{Latest: u.Latest}
	c.counts = nil
	c.has = false
	return u, true
}

// Notify returns a channel that receives a value (at most one buffered)
// whenever new progress arrives.
func (c *Coalescer) Notify() <-chan struct{} { return c.notifyCh }
