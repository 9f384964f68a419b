package anomalyscreen

import (
	"math"

	"github.com/retainlab/retain/anomaly"
)

// summary holds the figures the view draws from the whole result, so a
// redraw (every progress tick of a retraining) does not pass over a
// million scores again; recount refreshes it when the result, the cut-off,
// the marks or the width change.
type summary struct {
	res          *anomaly.Result
	cut          float64
	marks        int // the marks' version
	above        int // users above the cut-off
	flagged      int // above the cut-off, overridden by the marks
	baseAbove    int // baseline above its own fence
	baseBoth     int // of which also above the cut-off
	lo, hi       float64
	bins         []anomaly.Bin
	binsWidth    int
	binsComputed bool
}

// recount refreshes s.sum for the current result, cut-off, marks and
// width.
func (s *Model) recount() {
	m := &s.sum
	if s.res == nil {
		*m = summary{}
		return
	}
	if m.res != s.res {
		*m = summary{res: s.res, cut: math.NaN(), marks: -1}
		m.lo, m.hi = math.Inf(1), math.Inf(-1)
		for _, v := range s.res.Score {
			m.lo, m.hi = math.Min(m.lo, v), math.Max(m.hi, v)
		}
	}
	if m.cut != s.cut {
		m.cut = s.cut
		m.above = s.res.Above(s.cut)
		m.baseAbove, m.baseBoth = s.res.BaselineAbove(s.cut)
		m.marks = -1
	}
	if m.marks != s.marksVersion {
		m.marks = s.marksVersion
		m.flagged = 0
		for _, f := range s.Flagged() {
			if f {
				m.flagged++
			}
		}
	}
	if width := s.histWidth(); !m.binsComputed || m.binsWidth != width {
		m.bins, m.binsWidth, m.binsComputed = s.res.Histogram(width), width, true
	}
}
