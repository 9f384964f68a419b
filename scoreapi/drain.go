package scoreapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// CutGrace is how long the requests still running when the shutdown's
// drain (Config.Shutdown) ends are given to answer 503 before their
// connections are closed.
const CutGrace = 2 * time.Second

// errDrainCut is the cause the requests' contexts are cancelled with when
// the drain ends with requests still running.
var errDrainCut = errors.New("the shutdown's drain ended")

// DrainError is what Serve returns when requests were still running as the
// drain ended: they were cut off (answered 503, error kind
// "shutting_down", where they could still answer), so the stop was not
// clean.
type DrainError struct {
	// Cut is the number of requests still running as the drain ended.
	Cut int
	// Drain is how long the requests in flight were given (Config.Shutdown).
	Drain time.Duration
}

// Error says how many requests were cut off after how long.
func (e *DrainError) Error() string {
	noun, verb := "requests", "were"
	if e.Cut == 1 {
		noun, verb = "request", "was"
	}
	return fmt.Sprintf("%d %s still running after the %v drain %s cut off (answered 503, or their connections closed)", e.Cut, noun, e.Drain, verb)
}

// counted counts the requests h is handling (Server.active).
func (s *Server) counted(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.active.Add(1)
		defer s.active.Add(-1)
		h.ServeHTTP(w, r)
	})
}

// cutOff answers 503 "shutting_down" to a request whose context the end of
// the drain cancelled, and reports whether it did.
func (s *Server) cutOff(w http.ResponseWriter, r *http.Request) bool {
	if !errors.Is(context.Cause(r.Context()), errDrainCut) {
		return false
	}
	w.Header().Set("Connection", "close")
	s.refuse(w, &apiError{Status: http.StatusServiceUnavailable, Kind: "shutting_down",
		Message: fmt.Sprintf("the server is shutting down and this request was still running after the %v it was given; send it again", s.cfg.Shutdown)})
	return true
}

// shutdown stops srv: it waits for the requests in flight up to
// Config.Shutdown; past it, it cancels the requests still running (cut,
// with errDrainCut), gives them CutGrace to answer and closes what is
// left. errc is where srv.Serve's result arrives.
func (s *Server) shutdown(srv *http.Server, errc <-chan error, cut context.CancelCauseFunc) error {
	shut, cancel := context.WithCancel(context.Background())
	defer cancel()
	stop := s.drainTimer(s.cfg.Shutdown, cancel)
	err := srv.Shutdown(shut)
	stop()
	if err == nil {
		if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
	if !errors.Is(err, context.Canceled) {
		return fmt.Errorf("shutting down: %w", err)
	}
	n := int(s.active.Load())
	cut(errDrainCut)
	if s.drainCut != nil {
		s.drainCut(n)
	}
	grace, cancelGrace := context.WithCancel(context.Background())
	defer cancelGrace()
	stop = s.drainTimer(CutGrace, cancelGrace)
	if srv.Shutdown(grace) != nil {
		_ = srv.Close()
	}
	stop()
	<-errc
	return &DrainError{Cut: n, Drain: s.cfg.Shutdown}
}
