package engine

import "sync/atomic"

// epochNet is a copy of the network as an epoch's end left it.
type epochNet struct {
	net   *Network
	epoch int
}

// epochSnapshot holds the latest epochNet; Run stores it on the training
// goroutine, readers load it from any other.
type epochSnapshot struct{ p atomic.Pointer[epochNet] }

// EpochNetwork returns a copy of the network as the last finished epoch
// left it (the weights its validation measured, the averaged ones when
// averaging is on) and that epoch, 1-based; nil and 0 before the first
// epoch ends. Unlike the rest of the Trainer it may be called while Run
// trains, from any goroutine: the copy is made at the epoch's end and
// never written again, so a decision map can follow a run as it trains.
func (t *Trainer) EpochNetwork() (*Network, int) {
	if t.epochs == nil {
		return nil, 0
	}
	e := t.epochs.p.Load()
	if e == nil {
		return nil, 0
	}
	return e.net, e.epoch
}

// keepEpochNetwork copies the network as it stands for EpochNetwork.
func (t *Trainer) keepEpochNetwork(epoch int) {
	if t.epochs == nil {
		return
	}
	t.epochs.p.Store(&epochNet{net: t.net.Clone(), epoch: epoch})
}
