package scoreapi

import (
	"context"
	"io"
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
// runs, its connection is no longer pending, unless the request has a
// body: then it stays pending until the body has been read to its end (or
// failed, or the handler has returned). Before 7 December 2026 a
// connection stopped being pending with its headers, so a client that sent
// complete headers and then its body at a byte a second held its slot,
// irreplaceable, for the whole read timeout: a token holder (anyone under
// --insecure-no-auth) filled --max-conns that way (review36 #1). A
// connection whose body is arriving now counts for its address as one
// whose headers are, and gives its place to another address's client in
// the same way.
func (l *limitListener) started(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lc, ok := r.Context().Value(connKey{}).(*limitConn)
		if !ok {
			h.ServeHTTP(w, r)
			return
		}
		if r.Body == nil || r.Body == http.NoBody || r.ContentLength == 0 {
			l.unpend(lc)
		} else {
			r.Body = &pendingBody{ReadCloser: r.Body, l: l, c: lc}
			defer l.unpend(lc)
		}
		h.ServeHTTP(w, r)
	})
}

// unpend marks c no longer pending (unless it is closed).
func (l *limitListener) unpend(c *limitConn) {
	l.mu.Lock()
	if !c.closed {
		l.setPending(c, false)
	}
	l.mu.Unlock()
}

// pendingBody is a request body whose connection stays pending until it
// has been read to its end, has failed or is closed (started).
type pendingBody struct {
	io.ReadCloser
	l *limitListener
	c *limitConn
}

func (b *pendingBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil {
		b.l.unpend(b.c)
	}
	return n, err
}

func (b *pendingBody) Close() error {
	b.l.unpend(b.c)
	return b.ReadCloser.Close()
}
