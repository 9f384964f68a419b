package serve

import (
	"context"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
)

// activity records when a session's user last typed, clicked or pasted.
type activity struct {
	start time.Time
	last  atomic.Int64 // time since start of the last input, in nanoseconds
}

func newActivity() *activity { return &activity{start: time.Now()} }

// idle returns how long the user has done nothing.
func (a *activity) idle() time.Duration {
	return time.Since(a.start) - time.Duration(a.last.Load())
}

// filter is the program's message filter: it notes the user's input and,
// as wish's own filter does, turns a suspend request (ctrl+z) into a
// resume, since a remote session cannot be suspended.
func (a *activity) filter(_ tea.Model, msg tea.Msg) tea.Msg {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.MouseMsg, tea.PasteMsg:
		a.last.Store(int64(time.Since(a.start)))
	case tea.SuspendMsg:
		return tea.ResumeMsg{}
	}
	return msg
}

// watchIdle ends the session with errIdle once its user has been idle for
// IdleTimeout, after sending the program an IdleWarning IdleWarning before.
// It returns when ctx is done.
func (s *Server) watchIdle(ctx context.Context, p *tea.Program, act *activity, cancel context.CancelCauseFunc) {
	limit, warn := s.cfg.IdleTimeout, s.cfg.IdleWarning
	t := time.NewTimer(limit - warn)
	defer t.Stop()
	warned := false
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		idle := act.idle()
		switch {
		case idle >= limit:
			cancel(errIdle(limit))
			return
		case idle >= limit-warn:
			if !warned {
				p.Send(IdleWarning{Idle: idle, Left: limit - idle})
				warned = true
			}
			t.Reset(limit - idle)
		default:
			warned = false
			t.Reset(limit - warn - idle)
		}
	}
}
