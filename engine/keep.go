package engine

// KeepAfterStop gives a run stopped for good (its Run returned because its
// context was cancelled, and it will not be resumed) the weights a run
// that ends by itself keeps, instead of wherever the stop left them, often
// part way through an epoch: with early stopping on, those of its best
// epoch by early stopping's own rule (BestEpoch), as early stopping and
// finishing restore them; with it off, those of its last finished epoch,
// as its validation measured them (the averaged weights when averaging is
// on). Before any epoch has finished there is no such epoch and the
// network stays as the stop left it. It returns KeptEpoch, and does
// nothing on a run that ended any other way.
func (t *Trainer) KeepAfterStop() int {
	if t.state != Cancelled || t.settled {
		return t.KeptEpoch()
	}
	kept := 0
	switch {
	case t.best != nil:
		copy(t.net.params, t.best)
		kept = t.bestEpoch
	case t.epoch > 0:
		if net, e := t.EpochNetwork(); net != nil && e == t.epoch {
			copy(t.net.params, net.params)
			kept = e
		}
	}
	if kept == 0 {
		return 0
	}
	t.settled = true
	if kept != t.epoch {
		t.restored = kept
	}
	return kept
}

// KeptEpoch is the epoch whose weights the network holds once training has
// ended: RestoredEpoch when an earlier epoch's weights were put back, else
// the last finished epoch. It is 0 before any epoch has finished, and for
// a run stopped by its context that KeepAfterStop has not settled: its
// weights are wherever the stop left them.
func (t *Trainer) KeptEpoch() int {
	switch {
	case t.restored > 0:
		return t.restored
	case t.state == Cancelled && !t.settled:
		return 0
	}
	return t.epoch
}
