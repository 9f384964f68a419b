package anomalyscreen

import (
	"math"

	"github.com/retainlab/retain/anomaly"
)

// summary holds the figures the view draws from the whole result, so a
// redraw (every progress tick of a retraining) does not pass over a
// million scores again; recount refreshes it when the result, the cut-off
// or the width change. The marks are counted as the view draws (one pass
// over the marks, see anomaly.Result.Marked).
type summary struct {
	res          *anomaly.Result
	cut          float64
	above        int     // users above the cut-off
	baseFence    float64 // the baseline's own cut-off
	baseAbove    int     // baseline above its own fence
	baseBoth     int     // of which also above the cut-off
	lo, hi       float64
	outside      int // users with a value out of range, listed first
	bins         []anomaly.Bin
	binsWidth    int
	binsComputed bool
}

// recount refreshes s.sum for the current result, cut-off and width.
func (s *Model) recount() {
	m := &s.sum
	if s.res == nil {
		*m = summary{}
		return
	}
	if m.res != s.res {
		*m = summary{res: s.res, cut: math.NaN(), baseFence: anomaly.DefaultCutoff(s.res.Baseline)}
		m.lo, m.hi = s.res.ScoreRange()
		for _, o := range s.res.Outside {
			if o > 0 {
				m.outside++
			}
		}
	}
	if m.cut != s.cut {
		m.cut = s.cut
		m.above = s.res.Above(s.cut)
		m.baseAbove, m.baseBoth = s.res.BaselineAboveFence(m.baseFence, s.cut)
	}
	if width := s.histWidth(); !m.binsComputed || m.binsWidth != width {
		m.bins, m.binsWidth, m.binsComputed = s.res.Histogram(width), width, true
	}
}
