package scoreapi

import (
	"context"
	"time"
)

// Reload reads the model file again and swaps it in whole; requests in
// flight finish on the model they started with. A file that does not load
// keeps the old model, is logged and is the error returned.
func (s *Server) Reload() error {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	return s.reload()
}

// reload is Reload with reloadMu held.
func (s *Server) reload() error {
	m, err := LoadModel(s.path)
	if err != nil {
		s.metrics.reloads.WithLabelValues("failed").Inc()
		s.logf("reload failed, still serving model %s: %v", s.model.Load().ID, err)
		return err
	}
	old := s.model.Swap(m)
	s.metrics.reloads.WithLabelValues("ok").Inc()
	s.logf("model reloaded from %s: %s (was %s)", s.path, m.ID, old.ID)
	return nil
}

// watch reloads the model whenever the file's size or modification time
// differs from the last one seen, checking every poll until ctx ends. A
// file replaced by rename is seen whole; a file being written in place may
// be read half-written, fail, and be read again once it changes again.
func (s *Server) watch(ctx context.Context, poll time.Duration) {
	t := time.NewTicker(poll)
	defer t.Stop()
	seen := s.model.Load().stat
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		st, err := statFile(s.path)
		if err != nil || st == seen {
			continue
		}
		seen = st
		s.reloadMu.Lock()
		_ = s.reload() // logged and counted
		s.reloadMu.Unlock()
	}
}
