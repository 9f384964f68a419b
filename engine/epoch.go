package engine

import (
	"context"
	"math"
	"time"
)

// endEpoch evaluates, records the epoch, applies early stopping and the
// learning-rate schedule, and reports.
func (t *Trainer) endEpoch(ctx context.Context) error {
	if !allFinite(t.net.params) {
		err := t.diverged(CauseWeightsNotFinite, math.NaN())
		return err
	}
	st := EpochStats{
		Epoch:       t.epoch + 1,
		TrainLoss:   t.epochLoss / float64(t.epochSeen),
		LR:          t.opt.LR(),
		HasAccuracy: t.net.Arch.Loss == BCE,
	}
	if st.HasAccuracy {
		st.TrainAcc = float64(t.epochCorrect) / float64(t.epochSeen*t.net.Arch.Outputs)
	}
	copy(t.lastGood, t.net.params)
	if t.avg != nil {
		// Validate and keep the averaged weights; training goes on from
		// the last step's (lastGood), put back below.
		copy(t.net.params, t.avg)
	}
	if t.eval != nil {
		r, err := t.eval.run(ctx, t.val, t.posWeight)
		if err != nil {
			copy(t.net.params, t.lastGood)
			return err
		}
		st.HasVal = true
		st.ValLoss, st.ValLogLoss, st.ValAcc, st.ValAUC, st.HasAUC = r.loss, r.logLoss, r.acc, r.auc, r.hasAUC
		if math.IsNaN(r.loss) || math.IsInf(r.loss, 0) {
			copy(t.net.params, t.lastGood)
			return t.diverged(CauseValidationLoss, r.loss)
		}
	}
	st.Elapsed = t.elapsed + t.clk.Now().Sub(t.runStart)
	t.keepEpochNetwork(t.epoch + 1)
	t.epoch++
	t.batch, t.drawn = 0, false
	t.history = append(t.history, st)
	t.ctl.epochEnded()

	stopNow := t.earlyStop(st)
	if t.avg != nil {
		copy(t.net.params, t.lastGood)
	}
	t.schedule(st)
	if stopNow {
		copy(t.net.params, t.best)
		t.restored = t.bestEpoch
		t.finish(StoppedEarly)
		return nil
	}
	t.report(Running, true)
	return nil
}

// earlyStop tracks the best monitored loss and says when patience ran out.
func (t *Trainer) earlyStop(st EpochStats) bool {
	es := t.cfg.EarlyStop
	if es.Patience <= 0 {
		return false
	}
	if improves(st.Monitored(), t.bestLoss, es.MinDelta) {
		t.bestLoss, t.bestEpoch, t.wait = st.Monitored(), st.Epoch, 0
		if t.best == nil {
			t.best = make([]float64, len(t.net.params))
		}
		copy(t.best, t.net.params)
		return false
	}
	t.wait++
	return t.wait >= es.Patience
}

// improves is early stopping's rule: monitored loss m is better than best
// only when it is lower by more than minDelta (never when m is NaN).
func improves(m, best, minDelta float64) bool { return m < best-minDelta }

// BestEpoch returns the epoch of h whose weights early stopping under es
// keeps: the first with the lowest monitored loss, where a later epoch
// counts as better only when it improves by more than es.MinDelta. With
// early stopping off (Patience 0) no delta applies, so it is the first
// epoch with the lowest loss. It is false when h holds no finite loss.
func BestEpoch(h []EpochStats, es EarlyStopConfig) (EpochStats, bool) {
	delta := 0.0
	if es.On() {
		delta = es.MinDelta
	}
	var best EpochStats
	bestLoss, found := math.Inf(1), false
	for _, e := range h {
		if m := e.Monitored(); improves(m, bestLoss, delta) {
			best, bestLoss, found = e, m, true
		}
	}
	return best, found
}

// schedule changes the learning rate for the next epoch.
func (t *Trainer) schedule(st EpochStats) {
	s := t.cfg.Schedule
	switch s.Kind {
	case "step":
		if st.Epoch%s.Every == 0 {
			t.opt.SetLR(t.opt.LR() * s.Factor)
		}
	case "cosine":
		// st.Epoch epochs are done; the next runs at the annealed rate.
		frac := float64(st.Epoch) / float64(t.cfg.Epochs)
		t.opt.SetLR(s.MinLR + (t.baseLR-s.MinLR)*(1+math.Cos(math.Pi*frac))/2)
	case "plateau":
		if st.Monitored() < t.plateauBest-s.MinDelta {
			t.plateauBest, t.plateauWait = st.Monitored(), 0
			return
		}
		t.plateauWait++
		if t.plateauWait >= s.Patience {
			t.opt.SetLR(max(t.opt.LR()*s.Factor, s.MinLR))
			t.plateauWait = 0
		}
	}
}

// finish ends the run: with early stopping configured, the best weights are
// restored even when all epochs ran (unless the last epoch was the best).
// With weight averaging the network ends with the best averaged weights,
// or the last average without early stopping.
func (t *Trainer) finish(s State) {
	switch {
	case s == Finished && t.best != nil && (t.bestEpoch != t.epoch || t.avg != nil):
		copy(t.net.params, t.best)
		if t.bestEpoch != t.epoch {
			t.restored = t.bestEpoch
		}
	case s == Finished && t.avg != nil:
		copy(t.net.params, t.avg)
	}
	t.state = s
	t.report(s, len(t.history) > 0 && s == StoppedEarly)
}

// BestEpoch is the epoch whose weights early stopping kept (0 if off).
func (t *Trainer) BestEpoch() int { return t.bestEpoch }

// RestoredEpoch is the earlier epoch whose weights early stopping copied
// back into the network when training ended, or 0 when the network holds
// the weights of the last epoch trained. When it is not 0 the optimiser's
// state (Adam's step count and moments, the momentum, the scheduled
// learning rate) is still that of the last step, not that of these weights.
func (t *Trainer) RestoredEpoch() int { return t.restored }

// progress builds a snapshot of the current position. Samples/s and the
// per-batch time behind the ETA count compute time only: the time this Run
// spent paused or waiting for its pace is left out. The training time and
// rows/s leave out pauses only: at a slow pace they follow the clock.
func (t *Trainer) progress(s State, epochEnd bool) Progress {
	now := t.clk.Now()
	el := t.elapsed
	if t.inRun {
		// Every report of a Run, its last (Finished, StoppedEarly, …)
		// included, counts that Run's time so far; once it has returned,
		// its time is in t.elapsed.
		el += now.Sub(t.runStart)
	}
	p := Progress{
		State: s, Epochs: t.cfg.Epochs, Batches: t.batches, Step: t.step,
		Epoch: min(t.epoch+1, t.cfg.Epochs), Batch: t.batch,
		Position: float64(t.epoch) + float64(t.batch)/float64(t.batches),
		EpochEnd: epochEnd, LR: t.opt.LR(), Elapsed: el,
	}
	if epochEnd {
		p.Epoch, p.Batch = t.epoch, t.batches
	}
	if len(t.history) > 0 {
		p.Last = t.history[len(t.history)-1]
	}
	if t.pendCount > 0 {
		p.BatchLoss, p.BatchCount = t.pendLoss/float64(t.pendCount), t.pendCount
	}
	p.Training = el - t.paused
	if !t.pauseStart.IsZero() {
		p.Training -= now.Sub(t.pauseStart)
	}
	p.Training = max(p.Training, 0)
	if p.Training > 0 {
		p.RowsPerSec = float64(t.trainedRows) / p.Training.Seconds()
	}
	p.RecentRowsPerSec = p.RowsPerSec
	if r, ok := t.rates.rate(p.Training, t.trainedRows); ok {
		p.RecentRowsPerSec = r
	}
	t.rates.add(p.Training, t.trainedRows)
	if compute := (now.Sub(t.runStart) - t.waited).Seconds(); !t.runStart.IsZero() && t.runSteps > 0 && compute > 0 {
		p.SamplesPerSec = float64(t.runSamples) / compute
		left := (t.cfg.Epochs-t.epoch)*t.batches - t.batch
		p.ETA = time.Duration(left) * t.batchTime(compute)
	}
	return p
}

// batchTime is the time one batch takes from now on: its compute time (out
// of compute seconds spent on this Run's batches), or longer at a slow pace.
func (t *Trainer) batchTime(compute float64) time.Duration {
	d := time.Duration(compute / float64(t.runSteps) * float64(time.Second))
	if p := t.ctl.pace.Load(); p != nil {
		d = max(d, p.PerBatch, p.PerEpoch/time.Duration(t.batches))
	}
	return d
}

// report sends a snapshot and resets the batch-loss aggregate.
func (t *Trainer) report(s State, epochEnd bool) {
	t.send(t.progress(s, epochEnd))
}

func (t *Trainer) send(p Progress) {
	t.pendLoss, t.pendCount = 0, 0
	t.lastReport = t.clk.Now()
	if t.sink != nil {
		t.sink.Report(p)
	}
}
