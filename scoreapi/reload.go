package scoreapi

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
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

// reload is Reload with reloadMu held. A failure is logged, counted and
// kept for /healthz until a reload succeeds. Either way the file's stat
// becomes the one the watcher compares with (seen), so a change that
// SIGHUP reloaded is not reloaded, logged and counted again by the next
// poll.
func (s *Server) reload() error {
	// Taken before the read: a change during it is seen by the next poll.
	st, err := statFile(s.path)
	if err != nil {
		st = fileStat{}
	}
	m, err := LoadModel(s.path, s.cfg.Pseudonym)
	if err != nil {
		s.seen = st
		served := s.model.Load().ID
		s.metrics.reloads.WithLabelValues("failed").Inc()
		s.metrics.fileLoads.Set(0)
		if errors.Is(err, fs.ErrNotExist) {
			s.failure.Store(&reloadFailure{message: fmt.Sprintf("the model file %s is gone", filepath.Base(s.path)),
				at: time.Now()})
			s.logf("model file %s is gone; still serving model %s", s.path, served)
			return err
		}
		// /healthz answers without auth: it names the file, not its folder.
		s.failure.Store(&reloadFailure{message: strings.ReplaceAll(err.Error(), s.path, filepath.Base(s.path)),
			at: time.Now()})
		s.logf("reload failed, still serving model %s: %v", served, err)
		return err
	}
	s.seen = m.stat
	old := s.model.Swap(m)
	s.failure.Store(nil)
	s.metrics.reloads.WithLabelValues("ok").Inc()
	s.metrics.fileLoads.Set(1)
	s.logf("model reloaded from %s: %s (was %s)", s.path, m.ID, old.ID)
	return nil
}

// reloadFailure is why the model file does not load, and since when.
type reloadFailure struct {
	message string
	at      time.Time
}

// watch reloads the model whenever the file changes (see poll), checking
// every poll until ctx ends. A file replaced by rename is seen whole; a
// file being written in place may be read half-written, fail, and be read
// again once it changes again.
func (s *Server) watch(ctx context.Context, poll time.Duration) {
	t := time.NewTicker(poll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		s.poll()
	}
}

// poll reloads the model when the file's size, modification time, inode
// or inode change time (fileStat) differs from the last seen by a reload (or by New). A file that is gone
// (or cannot be looked at) is one change, the zero fileStat: it is
// reloaded, so reported, once, and again when the file comes back.
func (s *Server) poll() {
	st, err := statFile(s.path)
	if err != nil {
		st = fileStat{}
	}
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	if st == s.seen {
		return
	}
	_ = s.reload() // logged and counted
}
