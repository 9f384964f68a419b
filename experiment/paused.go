package experiment

import "github.com/retainlab/retain/engine"

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
func (e *Experiment) DeadNeurons() []int {
	if e == nil || e.Net == nil {
		return nil
	}
	return e.Net.ConstantNeurons(e.Train.X, e.Train.Rows, engine.DeadTolerance)
}
