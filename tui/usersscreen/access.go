package usersscreen

import (
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/exporter"
)

// SetServed says whether the screen runs in a served (SSH) session and
// where such a session's exports go ("" shows them on screen instead).
func (s *Model) SetServed(served bool, exportDir string) {
	s.out.SetServed(served, exportDir)
}

// SetExportQuota bounds the session's exports into its export folder (one
// quota for every screen of a session).
func (s *Model) SetExportQuota(q *exporter.Quota) { s.out.SetQuota(q) }

// ScoredRun returns the number of the run whose users are shown (0: none).
func (s Model) ScoredRun() int {
	if s.list.users == nil {
		return 0
	}
	return s.list.users.run
}

// ID returns table row r's user id ("" before any users).
func (s Model) ID(r int) string {
	if s.list.users == nil || r < 0 {
		return ""
	}
	return s.list.users.id(r)
}

// Err returns why scoring the users failed (nil: it did not).
func (m ReadyMsg) Err() error { return m.err }

// runThreshold is the decision threshold for u's run: the shared one when
// it belongs to that run, else the run's configured one.
func (s Model) runThreshold(u *usersData) float64 {
	var shared float64
	if s.thresholdRun == u.run {
		shared = s.threshold
	}
	var cfg experiment.Config // no run: no configured threshold, 0.5
	if u.exp != nil {
		cfg = u.exp.Config
	}
	return cfg.DecisionThreshold(shared)
}

// setThreshold follows the shared decision threshold: right and wrong,
// the header and exports use it from now on.
func (s *Model) setThreshold(msg common.ThresholdMsg) tea.Cmd {
	s.threshold, s.thresholdRun = msg.Threshold, msg.Run
	u := s.list.users
	if u == nil || u.run != msg.Run {
		return nil
	}
	s.list.threshold = s.runThreshold(u)
	return s.refilterKeeping(s.list.selected())
}

// Threshold returns the decision threshold the screen judges at.
func (s Model) Threshold() float64 { return s.list.threshold }
