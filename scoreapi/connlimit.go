package scoreapi

import (
	"net"
	"net/http"
	"sync"
)

// limitListener accepts at most max connections open at once. At the
// limit, a new client takes the place of the connection that has been
// idle the longest (a keep-alive connection waiting for its client's next
// request: the server's http.ConnState hook, track, tells it which are),
// which is closed; only when every connection is busy answering does
// Accept wait, for one to close or to fall idle. A client past the limit then waits,
// unanswered, in the kernel's queue of the listening socket; it holds no
// goroutine, buffer or file of the server.
//
// Before 6 December 2026 idle keep-alive connections kept their slots
// until the 2-minute idle timeout, and clients that opened more
// connections than --max-conns (a load generator's burst) waited that
// long for an answer while the server sat idle.
type limitListener struct {
	net.Listener
	max int

	mu   sync.Mutex
	open int
	// idle holds the open connections now idle, each with the number of
	// the transition that made it idle (the smallest is the oldest).
	idle map[*limitConn]uint64
	tick uint64
	// changed is closed (and replaced) when a connection closes or falls
	// idle: a waiting Accept looks again.
	changed chan struct{}

	done      chan struct{} // closed by Close: Accept stops waiting
	closeOnce sync.Once
	// opened is called with the number of connections open after each
	// accept and close; closedIdle once per idle connection closed to
	// make room (metrics).
	opened     func(n int)
	closedIdle func()
	// waiting, when set, is called as Accept starts to wait for a free
	// slot or an idle connection; idled, with l.mu held, as a connection
	// falls idle (tests synchronise on them).
	waiting func()
	idled   func(c net.Conn)
}

// limitConns returns ln accepting at most n connections open at once.
func limitConns(ln net.Listener, n int) *limitListener {
	return &limitListener{Listener: ln, max: n, idle: map[*limitConn]uint64{},
		changed: make(chan struct{}), done: make(chan struct{}),
		opened: func(int) {}, closedIdle: func() {}}
}

// Accept waits until a slot is free or a connection is idle, then for a
// client; at the limit it closes the connection idle the longest to make
// room for the new one (and should that one have turned busy meanwhile,
// it waits, the new connection held, for a slot). Idle connections are
// closed only for a client that has arrived: a server at its limit with
// no one waiting keeps every keep-alive connection.
func (l *limitListener) Accept() (net.Conn, error) {
	for {
		l.mu.Lock()
		room := l.open < l.max || len(l.idle) > 0
		changed := l.changed
		l.mu.Unlock()
		if room {
			break
		}
		if l.waiting != nil {
			l.waiting()
		}
		select {
		case <-changed:
		case <-l.done:
			return nil, net.ErrClosed
		}
	}
	// Room found as the listener closed (the server closes its idle
	// connections after its listener) asks for no further connection.
	select {
	case <-l.done:
		return nil, net.ErrClosed
	default:
	}
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	for {
		l.mu.Lock()
		if l.open < l.max {
			l.open++
			n := l.open
			l.mu.Unlock()
			l.opened(n)
			return &limitConn{Conn: c, l: l}, nil
		}
		victim := l.oldestIdle()
		changed := l.changed
		l.mu.Unlock()
		if victim != nil {
			// Its Close frees the slot before it returns.
			victim.Close()
			l.closedIdle()
			continue
		}
		select {
		case <-changed:
		case <-l.done:
			c.Close()
			return nil, net.ErrClosed
		}
	}
}

// oldestIdle returns the connection idle the longest (nil when none is),
// taking it out of the idle set so that no other Accept closes it too.
// l.mu is held.
func (l *limitListener) oldestIdle() *limitConn {
	var oldest *limitConn
	for c, at := range l.idle {
		if oldest == nil || at < l.idle[oldest] {
			oldest = c
		}
	}
	if oldest != nil {
		delete(l.idle, oldest)
	}
	return oldest
}

// track is the http.Server's ConnState hook: it records which
// connections are idle.
func (l *limitListener) track(c net.Conn, state http.ConnState) {
	lc, ok := c.(*limitConn)
	if !ok {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if lc.closed {
		return
	}
	if state != http.StateIdle {
		delete(l.idle, lc)
		return
	}
	l.tick++
	l.idle[lc] = l.tick
	l.signal()
	if l.idled != nil {
		l.idled(lc)
	}
}

// release frees c's slot, once.
func (l *limitListener) release(c *limitConn) {
	l.mu.Lock()
	if c.closed {
		l.mu.Unlock()
		return
	}
	c.closed = true
	delete(l.idle, c)
	l.open--
	n := l.open
	l.signal()
	l.mu.Unlock()
	l.opened(n)
}

// signal wakes every waiting Accept. l.mu is held.
func (l *limitListener) signal() {
	close(l.changed)
	l.changed = make(chan struct{})
}

// Close closes the listener and ends the wait of every Accept.
func (l *limitListener) Close() error {
	err := l.Listener.Close()
	l.closeOnce.Do(func() { close(l.done) })
	return err
}

// limitConn gives its slot back when it is first closed.
type limitConn struct {
	net.Conn
	l *limitListener
	// closed is set, under l.mu, by the first Close.
	closed bool
}

// Close closes the connection, then frees its slot (once, however often
// it is called).
func (c *limitConn) Close() error {
	err := c.Conn.Close()
	c.l.release(c)
	return err
}
