package scoreapi

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/retainlab/retain/data"
)

// roomWait is what is left of one predict request's wait for room. The
// request may wait for bytes of the body budget (once per piece of its
// body) and then for a predict slot; all those waits share one
// Config.QueueWait between them, so no request waits longer than that in
// all before its 503.
type roomWait struct {
	left time.Duration
}

// room kinds, as passed to Server.waiting.
const (
	roomBody = "body"
	roomSlot = "slot"
)

// newRoomWait starts a request's wait budget at QueueWait.
func (s *Server) newRoomWait() *roomWait { return &roomWait{left: s.cfg.QueueWait} }

// waitFor waits for room of the given kind with what is left of wait:
// take blocks until it gets the room (nil) or ctx ends (its error). The
// time spent, by the server's clock, is taken from wait. It returns
// whether the room was got.
func (s *Server) waitFor(r *http.Request, wait *roomWait, kind string, take func(ctx context.Context) error) bool {
	if wait.left <= 0 {
		return false
	}
	ctx, cancel := context.WithTimeout(r.Context(), wait.left)
	defer cancel()
	start := s.now()
	if s.waiting != nil {
		s.waiting(kind, wait.left)
	}
	err := take(ctx)
	wait.left -= s.now().Sub(start)
	return err == nil
}

// takeBody takes n bytes of the body budget for r, waiting for them with
// what is left of wait (less when the client goes); errBodyBudget when
// they do not free up.
func (s *Server) takeBody(r *http.Request, wait *roomWait, n int64) error {
	if s.bodies.TryAcquire(n) {
		return nil
	}
	if !s.waitFor(r, wait, roomBody, func(ctx context.Context) error { return s.bodies.Acquire(ctx, n) }) {
		return errBodyBudget
	}
	return nil
}

// acquire takes a predict slot, waiting with what is left of wait; when
// none frees up it answers 503 (or nothing, when the client has gone) and
// says false.
func (s *Server) acquire(w http.ResponseWriter, r *http.Request, wait *roomWait) bool {
	select {
	case s.slots <- struct{}{}:
		return true
	default:
	}
	if s.waitFor(r, wait, roomSlot, func(ctx context.Context) error {
		select {
		case s.slots <- struct{}{}:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}) {
		return true
	}
	if s.cutOff(w, r) || r.Context().Err() != nil {
		return false
	}
	w.Header().Set("Retry-After", "1")
	s.refuse(w, &apiError{Status: http.StatusServiceUnavailable, Kind: "busy", Message: busyMessage(cap(s.slots))})
	return false
}

// busyMessage is the 503's message when all n predict slots are taken.
func busyMessage(n int) string {
	noun := "requests"
	if n == 1 {
		noun = "request"
	}
	return fmt.Sprintf("the server is at its limit of %d %s in flight; retry after 1 s", n, noun)
}

// bodyBudgetMessage is the 503's message when the request bodies the
// server holds take all budget bytes of it.
func bodyBudgetMessage(budget int64) string {
	return fmt.Sprintf("the server is at its limit of %s for the request bodies it holds at once; retry after 1 s",
		data.Bytes(float64(budget)))
}
