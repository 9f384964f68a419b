package experiment

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
