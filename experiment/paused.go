package experiment

import (
	"math"
	"slices"
	"sync"

	"github.com/retainlab/retain/engine"
)

// Paused returns a copy of e frozen where its trainer is held paused
// between two batches (engine.Trainer.Snapshot): the network and the
// optimiser as the next batch will find them. The copy is not calibrated
// (calibration is fitted when training ends) and has no decay check; for
// an out-of-time run it is the training cohort's, whose table its training
// rows index. ok is false when the trainer is not held there.
func (e *Experiment) Paused() (p *Experiment, ok bool) {
	if e == nil || e.Trainer == nil {
		return nil, false
	}
	t, ok := e.Trainer.Snapshot()
	if !ok {
		return nil, false
	}
	c := *e
	c.Net, c.Trainer = t.Network(), t
	c.Later, c.trained, c.calib, c.calibratedBy, c.Decay = nil, nil, nil, nil, nil
	return &c, true
}

// AtEpoch returns a copy of e with the network its trainer kept at the end
// of its latest epoch (engine.Trainer.EpochNetwork), and that epoch, for
// showing a run as it trains. It may be called while the run trains: the
// copy has no trainer, is not calibrated and has no decay check. ok is
// false before the first epoch has ended.
func (e *Experiment) AtEpoch() (p *Experiment, epoch int, ok bool) {
	if e == nil || e.Trainer == nil {
		return nil, 0, false
	}
	net, epoch := e.Trainer.EpochNetwork()
	if net == nil {
		return nil, 0, false
	}
	c := *e
	c.Net, c.Trainer = net, nil
	c.Later, c.trained, c.calib, c.calibratedBy, c.Decay = nil, nil, nil, nil, nil
	return &c, epoch, true
}

// DeadNeurons counts, for each hidden layer of e's network, the neurons
// whose output is the same (within engine.DeadTolerance) for every
// training row (engine.Network.ConstantNeurons): they tell the next layer
// nothing about the user.
//
// The counts of the last network asked about are kept, keyed by the
// network, its weights and the training rows: the Walkthrough asks once
// per user, and each count is a pass over every training row.
func (e *Experiment) DeadNeurons() []int {
	if e == nil || e.Net == nil {
		return nil
	}
	var x *float64
	if len(e.Train.X) > 0 {
		x = &e.Train.X[0]
	}
	sum := paramsSum(e.Net.Params())
	deadKept.Lock()
	defer deadKept.Unlock()
	if k := &deadKept; k.counts == nil || k.net != e.Net || k.x != x || k.rows != e.Train.Rows || k.sum != sum {
		k.net, k.x, k.rows, k.sum = e.Net, x, e.Train.Rows, sum
		k.counts = e.Net.ConstantNeurons(e.Train.X, e.Train.Rows, engine.DeadTolerance)
	}
	return slices.Clone(deadKept.counts)
}

// deadKept holds DeadNeurons' last answer and what it was of.
var deadKept struct {
	sync.Mutex
	net    *engine.Network
	x      *float64
	rows   int
	sum    uint64
	counts []int
}

// paramsSum is an FNV-1a hash of the bits of p: any change of a weight
// changes it, as far as such a hash can tell.
func paramsSum(p []float64) uint64 {
	h := uint64(14695981039346656037)
	for _, v := range p {
		b := math.Float64bits(v)
		for range 8 {
			h ^= b & 0xff
			h *= 1099511628211
			b >>= 8
		}
	}
	return h
}
