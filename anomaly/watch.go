package anomaly

import (
	"context"
	"math"

	"github.com/retainlab/retain/engine"
)

// Step is one progress report of TrainWatched: which member trains, in
// which round (1, or 2 after Trim), and its trainer's progress.
type Step struct {
	Member, Members int
	Round           int
	Progress        engine.Progress
}

// TrainWatched trains every member: for each, the trainer to its end, Trim
// and the second trainer to its end. It hands each trainer's progress to
// report (called on the training goroutine; it must return quickly), unless
// report is nil.
func (r *Run) TrainWatched(ctx context.Context, report func(Step)) error {
	watch := func(round int) {
		if report == nil {
			return
		}
		member, members := r.Member(), r.Members()
		r.Trainer.SetSink(engine.SinkFunc(func(p engine.Progress) {
			report(Step{Member: member, Members: members, Round: round, Progress: p})
		}))
	}
	for {
		watch(1)
		if err := r.Trainer.Run(ctx); err != nil {
			return err
		}
		more, err := r.Trim()
		if err != nil {
			return err
		}
		if more {
			watch(2)
			if err := r.Trainer.Run(ctx); err != nil {
				return err
			}
		}
		if more, err = r.Next(); err != nil || !more {
			return err
		}
	}
}

// Bin is one bar of a histogram of scores: the rows with Low ≤ score < High
// (the last bin includes High).
type Bin struct {
	Low, High float64
	Count     int
}

// Histogram counts the scores in n equal-width bins from the lowest score
// to the highest (one bin when all scores are equal).
func (res *Result) Histogram(n int) []Bin {
	if len(res.Score) == 0 || n < 1 {
		return nil
	}
	lo, hi := res.ScoreRange()
	if hi <= lo {
		return []Bin{{Low: lo, High: hi, Count: len(res.Score)}}
	}
	width := (hi - lo) / float64(n)
	bins := make([]Bin, n)
	for i := range bins {
		bins[i] = Bin{Low: lo + float64(i)*width, High: lo + float64(i+1)*width}
	}
	bins[n-1].High = hi
	for _, s := range res.Score {
		i := min(int((s-lo)/width), n-1)
		bins[i].Count++
	}
	return bins
}

// ScoreRange is the lowest and the highest score (+Inf and -Inf without
// rows). The highest is that of the rows in range when some row is out of
// range (see Outside), whose lifted score would otherwise stretch a
// histogram's axis over empty bins: Histogram counts them in its last bin.
func (res *Result) ScoreRange() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	top := math.Inf(-1) // of the rows in range
	for i, s := range res.Score {
		lo, hi = math.Min(lo, s), math.Max(hi, s)
		if i >= len(res.Outside) || res.Outside[i] == 0 {
			top = math.Max(top, s)
		}
	}
	if top > lo {
		hi = top
	}
	return lo, hi
}

// Flagged returns which rows are flagged as abusive: those whose score
// exceeds cut, overridden by marks (row → true for abusive, false for not
// abusive), which a person set by hand.
func (res *Result) Flagged(cut float64, marks map[int]bool) []bool {
	flag := make([]bool, len(res.Score))
	for i, s := range res.Score {
		flag[i] = s > cut
	}
	for row, abusive := range marks {
		if row >= 0 && row < len(flag) {
			flag[row] = abusive
		}
	}
	return flag
}

// Marked counts the marks (row → true for abusive, false for not abusive)
// and the rows Flagged(cut, marks) flags, given above = Above(cut): one
// pass over the marks rather than over every row.
func (res *Result) Marked(cut float64, above int, marks map[int]bool) (abusive, notAbusive, flagged int) {
	flagged = above
	for row, a := range marks {
		if a {
			abusive++
		} else {
			notAbusive++
		}
		if row < 0 || row >= len(res.Score) {
			continue
		}
		if over := res.Score[row] > cut; a && !over {
			flagged++
		} else if !a && over {
			flagged--
		}
	}
	return abusive, notAbusive, flagged
}

// BaselineAbove counts the rows whose baseline score exceeds the
// baseline's own default cut-off (DefaultCutoff of the baseline scores),
// and how many of them also have a network score above cut: the baseline's
// figure beside the network's count.
func (res *Result) BaselineAbove(cut float64) (above, both int) {
	return res.BaselineAboveFence(DefaultCutoff(res.Baseline), cut)
}

// BaselineAboveFence is BaselineAbove with the baseline's cut-off given
// (DefaultCutoff(res.Baseline), which sorts every baseline score: a caller
// that moves cut computes it once).
func (res *Result) BaselineAboveFence(fence, cut float64) (above, both int) {
	for i, b := range res.Baseline {
		if b > fence {
			above++
			if res.Score[i] > cut {
				both++
			}
		}
	}
	return above, both
}

// StepCutoff returns the cut-off that changes the number of rows above cut
// by about a tenth (at least one row): dir +1 lets more rows above it, -1
// fewer. The cut-off sits on a row's score, so exactly that many lie above
// it when no scores tie; tied scores are passed over together, so each step
// changes the count. It needs Order.
func (res *Result) StepCutoff(cut float64, dir int) float64 {
	n := len(res.Order)
	score := func(k int) float64 { return res.Score[res.Order[k]] }
	above := res.Above(cut)
	k := min(max(above+dir*max(1, above/10), 0), n-1)
	if dir > 0 {
		for k < n-1 && score(k) >= cut {
			k++
		}
		if score(k) >= cut { // no lower score: every row is above
			return math.Nextafter(score(k), math.Inf(-1))
		}
	}
	return score(k)
}
