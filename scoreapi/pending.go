package scoreapi

import (
	"context"
	"net"
	"net/http"
	"time"
)

// host is the address a connection's limits count it under: its remote
// IP (the whole address when it has no port).
func host(c net.Conn) string {
	a := c.RemoteAddr()
	if a == nil {
		return ""
	}
	h, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return h
}

// aged counts, by address, the pending connections pending for grace or
// longer, and returns how long until the next of the others is (0: none
// is pending). l.mu is held.
func (l *limitListener) aged() (by map[string]int, next time.Duration) {
	now := l.now()
	by = map[string]int{}
	for c := range l.pending {
		if age := now.Sub(c.since); age >= l.grace {
			by[c.addr]++
		} else if d := l.grace - age; next == 0 || d < next {
			next = d
		}
	}
	return by, next
}

// crowded returns the address holding the most aged pending connections
// (by, from aged) when it holds at least perAddr of them ("" when none
// does).
func (l *limitListener) crowded(by map[string]int) string {
	most, n := "", 0
	for a, k := range by {
		if k >= l.perAddr && k > n {
			most, n = a, k
		}
	}
	return most
}

// timer returns a channel that receives once d has passed (nil, which
// never receives, when d is 0).
func (l *limitListener) timer(d time.Duration) <-chan time.Time {
	if d <= 0 {
		return nil
	}
	return l.after(d)
}

// setPending marks c pending (or not). l.mu is held.
func (l *limitListener) setPending(c *limitConn, on bool) {
	_, was := l.pending[c]
	switch {
	case on && !was:
		l.tick++
		l.pending[c] = l.tick
		c.since = l.now()
	case !on && was:
		delete(l.pending, c)
	}
}

// oldestPending returns the oldest pending connection of addr, taking it
// out of the pending set. l.mu is held.
func (l *limitListener) oldestPending(addr string) *limitConn {
	var oldest *limitConn
	for c, at := range l.pending {
		if c.addr == addr && (oldest == nil || at < l.pending[oldest]) {
			oldest = c
		}
	}
	if oldest != nil {
		l.setPending(oldest, false)
	}
	return oldest
}

// connKey is the context key of the *limitConn a request came on.
type connKey struct{}

// connContext is the http.Server's ConnContext hook: it puts the
// connection in its requests' context, for started.
func (l *limitListener) connContext(ctx context.Context, c net.Conn) context.Context {
	return context.WithValue(ctx, connKey{}, c)
}

// started wraps h: once a request's headers are read and its handler
// runs, its connection is no longer pending.
func (l *limitListener) started(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if lc, ok := r.Context().Value(connKey{}).(*limitConn); ok {
			l.mu.Lock()
			if !lc.closed {
				l.setPending(lc, false)
			}
			l.mu.Unlock()
		}
		h.ServeHTTP(w, r)
	})
}
