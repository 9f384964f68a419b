package engine

import "slices"

// Snapshot returns a copy of the trainer as it stands while Run holds it
// paused between two batches (see Pause and StepBatch): its network, its
// optimiser's state, its history and the rows of its next batch
// (NextBatch), for showing the next batch's maths on the current weights
// (TraceNext). ok is false when Run is not waiting at that point
// (it trains, is about to hold after a step, or is not running). The copy
// shares the read-only data sets; it is for reading and tracing only, never
// for Run.
func (t *Trainer) Snapshot() (c *Trainer, ok bool) {
	ctl := t.ctl
	ctl.mu.Lock()
	defer ctl.mu.Unlock()
	if !ctl.waiting {
		return nil, false
	}
	net := t.net.Clone()
	next, _ := t.NextBatch()
	c = &Trainer{
		net: net, cfg: t.cfg, opt: t.opt.Clone(), train: t.train, val: t.val,
		ctl: newControl(), clk: t.clk, posWeight: t.posWeight,
		epoch: t.epoch, batch: t.batch, step: t.step, batches: t.batches,
		state: t.state, history: slices.Clone(t.history),
		bestLoss: t.bestLoss, bestEpoch: t.bestEpoch, restored: t.restored,
		baseLR: t.baseLR, firstLoss: t.firstLoss, next: next,
	}
	return c, true
}
