package scoreapi

import (
	"net"
	"net/http"
	"sync"
	"time"
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
//
// A connection is pending from its accept, and again from the first byte
// of each further request, until the server has read its request's
// headers and calls the handler (started). No address may keep others out
// with pending connections: at the limit, with no idle connection, a new
// client from an address that holds connections pending for grace or
// longer in at least half the slots (perAddr) is closed at once, and a new client from another
// address takes the place of the oldest pending connection of the address
// holding the most, when that address holds at least perAddr such
// connections. Connections pending for less than grace count for no
// address: Accept waits for them as for busy ones (until the oldest comes
// of age), so that a burst from one address waits its turn. Before 6
// December 2026 pending connections were busy ones, and clients that
// opened connections and never ended their headers (slowloris) held every
// slot, each for the 5 s header timeout, while token holders waited.
type limitListener struct {
	net.Listener
	max int

	mu   sync.Mutex
	open int
	// idle holds the open connections now idle, each with the number of
	// the transition that made it idle (the smallest is the oldest).
	idle map[*limitConn]uint64
	tick uint64
	// pending holds the open connections now reading a request's headers,
	// each with the number of the transition that made it pending.
	pending map[*limitConn]uint64
	// perAddr is how many connections of one address pending for grace
	// or longer make it hold too many at the limit (half of max, at
	// least 1). A connection pending for less (a client of a burst whose
	// headers are on their way) counts for no address.
	perAddr int
	grace   time.Duration
	// now and after are the clock (time.Now, time.After; tests replace
	// them).
	now   func() time.Time
	after func(time.Duration) <-chan time.Time
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
	// refused is called once per new connection closed at once, and
	// closedPending once per pending connection closed to make room, for
	// an address holding too many pending connections (metrics).
	refused       func()
	closedPending func()
	// waiting, when set, is called as Accept starts to wait for a free
	// slot or an idle connection; idled, with l.mu held, as a connection
	// falls idle (tests synchronise on them).
	waiting func()
	idled   func(c net.Conn)
}

// limitConns returns ln accepting at most n connections open at once.
func limitConns(ln net.Listener, n int) *limitListener {
	return &limitListener{Listener: ln, max: n, idle: map[*limitConn]uint64{},
		pending: map[*limitConn]uint64{}, perAddr: max(1, n/2), now: time.Now, after: time.After,
		changed: make(chan struct{}), done: make(chan struct{}),
		opened: func(int) {}, closedIdle: func() {}, refused: func() {}, closedPending: func() {}}
}

// Accept waits until a slot is free or a connection is idle, then for a
// client; at the limit it closes the connection idle the longest to make
// room for the new one (and should that one have turned busy meanwhile,
// it waits, the new connection held, for a slot). Idle connections are
// closed only for a client that has arrived: a server at its limit with
// no one waiting keeps every keep-alive connection.
func (l *limitListener) Accept() (net.Conn, error) {
accept:
	for {
		c, err := l.acceptOne()
		if err != nil {
			return nil, err
		}
		addr := host(c)
		for {
			l.mu.Lock()
			if l.open < l.max {
				l.open++
				n := l.open
				lc := &limitConn{Conn: c, l: l, addr: addr}
				l.setPending(lc, true)
				l.mu.Unlock()
				l.opened(n)
				return lc, nil
			}
			victim := l.oldestIdle()
			wasIdle := victim != nil
			var crowded bool
			var next time.Duration
			if victim == nil {
				var by map[string]int
				by, next = l.aged()
				if crowded = by[addr] >= l.perAddr; !crowded {
					if a := l.crowded(by); a != "" {
						victim = l.oldestPending(a)
					}
				}
			}
			changed := l.changed
			l.mu.Unlock()
			switch {
			case crowded:
				c.Close()
				l.refused()
				continue accept
			case victim != nil:
				victim.Close() // its Close frees the slot before it returns
				if wasIdle {
					l.closedIdle()
				} else {
					l.closedPending()
				}
				continue
			}
			select {
			case <-changed:
			case <-l.timer(next):
			case <-l.done:
				c.Close()
				return nil, net.ErrClosed
			}
		}
	}
}

// acceptOne waits until a slot is free, a connection is idle or an
// address holds too many pending connections, then for a client.
func (l *limitListener) acceptOne() (net.Conn, error) {
	for {
		l.mu.Lock()
		room := l.open < l.max || len(l.idle) > 0
		var next time.Duration
		if !room {
			var by map[string]int
			by, next = l.aged()
			room = l.crowded(by) != ""
		}
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
		case <-l.timer(next):
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
	return l.Listener.Accept()
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
		if state == http.StateNew || state == http.StateActive {
			l.setPending(lc, true)
		}
		return
	}
	l.setPending(lc, false)
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
	l.setPending(c, false)
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
	// addr is the remote address its limits count it under (host);
	// since is when it last became pending.
	addr  string
	since time.Time
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
