package scoreapi

import (
	"net"
	"sync"
)

// limitListener accepts at most cap(slots) connections open at once: it
// takes a slot before it asks the listener for a connection, and the
// connection gives it back when it closes. A client past the limit waits,
// unanswered, in the kernel's queue of the listening socket until a
// connection closes; it holds no goroutine, buffer or file of the server.
type limitListener struct {
	net.Listener
	slots     chan struct{}
	done      chan struct{} // closed by Close: Accept stops waiting
	closeOnce sync.Once
	// waiting, when set, is called as Accept starts to wait for a free
	// slot (tests synchronise on it).
	waiting func()
}

// limitConns returns ln accepting at most n connections open at once.
func limitConns(ln net.Listener, n int) *limitListener {
	return &limitListener{Listener: ln, slots: make(chan struct{}, n), done: make(chan struct{})}
}

// Accept waits for a free slot, then for a connection.
func (l *limitListener) Accept() (net.Conn, error) {
	select {
	case l.slots <- struct{}{}:
	default:
		if l.waiting != nil {
			l.waiting()
		}
		select {
		case l.slots <- struct{}{}:
		case <-l.done:
			return nil, net.ErrClosed
		}
	}
	// A slot freed as the listener closed (the server closes its idle
	// connections after its listener) asks for no further connection.
	select {
	case <-l.done:
		<-l.slots
		return nil, net.ErrClosed
	default:
	}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.slots
		return nil, err
	}
	return &limitConn{Conn: c, release: func() { <-l.slots }}, nil
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
	once    sync.Once
	release func()
}

// Close closes the connection, then frees its slot (once, however often
// it is called).
func (c *limitConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}
