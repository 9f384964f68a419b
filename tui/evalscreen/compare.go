package evalscreen

import (
	"context"
	"errors"
	"math"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// comparison is the one quiet training of the other validation scheme
// after the first run on a loaded order log (experiment.CompareSchemes),
// so the user sees both figures once. It runs in a Cmd's goroutine; the
// screen owns its context and drains its progress on a tick.
type comparison struct {
	id     int
	loaded *experiment.Data // the loaded log it is for
	run    int              // the run it compares with
	scheme experiment.Scheme
	cancel context.CancelFunc
	coal   *engine.Coalescer
	done   chan struct{} // closed when the work has returned or will never run

	mu       sync.Mutex
	launched bool // the work has started
	closed   bool // done is closed

	latest  engine.Progress
	ended   bool
	result  *experiment.SchemeComparison
	err     error
	stopped bool // cancelled by the user
}

// CompareTickMsg asks the Evaluate screen to drain the comparison's
// progress; CompareDoneMsg brings its result. The root routes both to the
// screen whichever tab is shown.
type (
	CompareTickMsg struct{ id int }
	CompareDoneMsg struct {
		id     int
		result *experiment.SchemeComparison
		err    error
	}
)

const compareFrame = time.Second / 4

func compareTick(id int) tea.Cmd {
	return tea.Tick(compareFrame, func(time.Time) tea.Msg { return CompareTickMsg{id: id} })
}

// SetParent makes the comparison's context derive from ctx.
func (s *Model) SetParent(ctx context.Context) { s.parent = ctx }

// startComparison starts the comparison for run when it is the first
// ended run on its loaded order log; nil otherwise.
func (s *Model) startComparison(run common.Run) tea.Cmd {
	e := run.Exp
	if e == nil || run.Err != nil || e.Loaded().Log == nil || e.Fallback != nil {
		return nil
	}
	if s.cmp != nil && s.cmp.loaded == e.Loaded() {
		return nil // shown once per loaded log
	}
	s.Close() // a comparison for another log, still training
	parent := s.parent
	if parent == nil {
		parent = context.Background()
	}
	ctx, cancel := context.WithCancel(parent)
	s.cmpRuns++
	c := &comparison{id: s.cmpRuns, loaded: e.Loaded(), run: run.Number, scheme: e.Scheme(), cancel: cancel,
		coal: engine.NewCoalescer(8), done: make(chan struct{})}
	s.cmp = c
	work := func() tea.Msg {
		if !c.launch() {
			return CompareDoneMsg{id: c.id, err: context.Canceled}
		}
		defer c.finish()
		var (
			res *experiment.SchemeComparison
			err error
		)
		func() {
			defer common.Recovered(&err)
			res, err = experiment.CompareSchemes(ctx, e, c.coal)
		}()
		return CompareDoneMsg{id: c.id, result: res, err: err}
	}
	return tea.Batch(work, compareTick(c.id))
}

// launch marks the work started, unless the comparison was closed
// before its Cmd ran.
func (c *comparison) launch() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.launched = !c.closed
	return c.launched
}

// finish closes done once.
func (c *comparison) finish() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.closed {
		c.closed = true
		close(c.done)
	}
}

// Close cancels a running comparison without waiting. One whose Cmd has
// not run yet is finished here, so Wait never hangs when the program ends
// before the Cmd runs.
func (s Model) Close() {
	c := s.cmp
	if c == nil {
		return
	}
	c.cancel()
	c.mu.Lock()
	launched := c.launched
	c.mu.Unlock()
	if !launched {
		c.finish()
	}
}

// Wait blocks until the comparison's goroutine has returned; for the
// root's Close only, after the program has ended.
func (s Model) Wait() {
	if s.cmp != nil {
		<-s.cmp.done
	}
}

// stopComparison cancels the comparison at the user's request.
func (s *Model) stopComparison() bool {
	if s.cmp == nil || s.cmp.ended || s.cmp.stopped {
		return false
	}
	s.cmp.stopped = true
	s.cmp.cancel()
	return true
}

// compareStep handles the comparison's messages.
func (s *Model) compareStep(msg tea.Msg) tea.Cmd {
	c := s.cmp
	switch msg := msg.(type) {
	case CompareTickMsg:
		if c == nil || msg.id != c.id || c.ended {
			return nil
		}
		if u, ok := c.coal.Drain(); ok {
			c.latest = u.Latest
			s.render()
		}
		return compareTick(c.id)
	case CompareDoneMsg:
		if c == nil || msg.id != c.id {
			return nil
		}
		c.ended, c.result, c.err = true, msg.result, msg.err
		c.cancel()
		s.render()
	}
	return nil
}

// comparisonLines say where the comparison stands, or its figures, for the
// analysed run's loaded log.
func (s Model) comparisonLines(w int) []string {
	c, st := s.cmp, s.Styles
	if c == nil || s.data == nil || s.loaded != c.loaded {
		return nil
	}
	other := s.SchemeName(c.scheme.Other())
	switch {
	case !c.ended:
		p := c.latest
		return wrap(s.Tf("Training once more, %s, to compare (run %d's settings and seed): epoch %d of %d · x or esc stops it",
			"再按%s训练一次以作对比（第 %d 次训练的设置与种子）：第 %d/%d 轮 · 按 x 或 esc 停止",
			other, c.run, p.Epoch, max(p.Epochs, s.config.Train.Epochs)), w, st.Muted)
	case c.stopped && errors.Is(c.err, context.Canceled):
		return wrap(s.Tf("The comparison with %s was stopped.", "与%s的对比已停止。", other), w, st.Muted)
	case c.err != nil:
		return wrap(s.Tf("The comparison with %s failed: %v", "与%s的对比失败：%v", other, c.err), w, st.Warning)
	}
	r := c.result
	var verdict string
	switch gap := r.Flattery; {
	case math.Abs(gap) < 0.0005:
		verdict = s.T("the two agree", "两者一致")
	case gap > 0:
		verdict = s.Tf("a random split flatters this model by %.3f", "随机划分把这个模型高估了 %.3f", gap)
	default:
		verdict = s.Tf("a random split understates this model by %.3f", "随机划分把这个模型低估了 %.3f", -gap)
	}
	return wrap(s.Tf("Run %d's settings: out of time ROC AUC %.3f vs random split %.3f: %s.",
		"第 %d 次训练的设置：跨时间 ROC AUC %.3f，随机划分 %.3f：%s。",
		c.run, r.OutOfTime.ROCAUC, r.RandomSplit.ROCAUC, verdict), w, st.Value)
}
