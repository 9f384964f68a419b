package engine

import "time"

// rateWindow is the training time the recent rate of rows is measured
// over (RecentRowsPerSec).
const rateWindow = time.Second

// rateSample is the rows trained by a moment of training time.
type rateSample struct {
	at   time.Duration // training time (Progress.Training)
	rows int           // rows trained by then, repeats counted
}

// rateRing keeps the samples of the last reports, for the recent rate. A
// fixed array: reporting allocates nothing.
type rateRing struct {
	s    [32]rateSample
	n    int // samples held, at most len(s)
	next int // where the next sample goes
}

// add records a sample; one at the same training time as the newest
// replaces it (nothing trained in between: paused, or two reports at once).
func (r *rateRing) add(at time.Duration, rows int) {
	if r.n > 0 {
		last := &r.s[(r.next+len(r.s)-1)%len(r.s)]
		if last.at == at {
			last.rows = rows
			return
		}
	}
	r.s[r.next] = rateSample{at, rows}
	r.next = (r.next + 1) % len(r.s)
	r.n = min(r.n+1, len(r.s))
}

// rate is the rows per second of training time from the newest sample at
// least rateWindow before at (or, when none is that old, the oldest
// sample held) to at, when rows had been trained by then; false when no
// sample is earlier than at.
func (r *rateRing) rate(at time.Duration, rows int) (float64, bool) {
	var base rateSample
	found := false
	for i := 1; i <= r.n; i++ {
		s := r.s[(r.next+len(r.s)-i)%len(r.s)]
		if s.at >= at {
			continue
		}
		base, found = s, true
		if s.at <= at-rateWindow {
			break
		}
	}
	if !found {
		return 0, false
	}
	return float64(rows-base.rows) / (at - base.at).Seconds(), true
}
