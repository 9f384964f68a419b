package scoreapi

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"sync"
	"testing"
)

// countingListener hands out the connections the test supplies, one per
// Accept, and records how many it had handed out and not yet seen closed
// when each Accept was called.
type countingListener struct {
	supply    chan net.Conn
	called    chan int // the number of each call of Accept, as it starts
	closed    chan struct{}
	closeOnce sync.Once

	mu         sync.Mutex
	open       int
	openAtCall []int
}

func newCountingListener() *countingListener {
	return &countingListener{supply: make(chan net.Conn), called: make(chan int, 16), closed: make(chan struct{})}
}

func (l *countingListener) Accept() (net.Conn, error) {
	l.mu.Lock()
	l.openAtCall = append(l.openAtCall, l.open)
	l.called <- len(l.openAtCall)
	l.mu.Unlock()
	select {
	case c := <-l.supply:
		l.mu.Lock()
		l.open++
		l.mu.Unlock()
		return &countedConn{Conn: c, l: l}, nil
	case <-l.closed:
		return nil, net.ErrClosed
	}
}

func (l *countingListener) Close() error {
	l.closeOnce.Do(func() { close(l.closed) })
	return nil
}

func (l *countingListener) Addr() net.Addr {
	return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}
}

// calls returns the open count at each Accept so far.
func (l *countingListener) calls() []int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.openAtCall)
}

// countedConn counts its close (once) before it closes.
type countedConn struct {
	net.Conn
	l    *countingListener
	once sync.Once
}

func (c *countedConn) Close() error {
	c.once.Do(func() {
		c.l.mu.Lock()
		c.l.open--
		c.l.mu.Unlock()
	})
	return c.Conn.Close()
}

// pipe returns the two ends of a connection, both closed when the test
// ends.
func pipe(t *testing.T) (client, server net.Conn) {
	client, server = net.Pipe()
	t.Cleanup(func() { client.Close(); server.Close() })
	return client, server
}

// TestLimitConnsWaitsForAClose: with 2 connections open, the listener is
// not asked for a third until one of them closes (closing it twice frees
// one place), and Close ends the wait.
func TestLimitConnsWaitsForAClose(t *testing.T) {
	inner := newCountingListener()
	l := limitConns(inner, 2)
	waiting := make(chan struct{}, 1)
	l.waiting = func() { waiting <- struct{}{} }
	accepted, ended := make(chan net.Conn), make(chan error, 1)
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				ended <- err
				return
			}
			accepted <- c
		}
	}()
	// waits checks that the next Accept waits rather than asks the
	// listener for another connection.
	waits := func(open string) {
		t.Helper()
		select {
		case <-waiting:
		case n := <-inner.called:
			t.Fatalf("the listener was asked for connection %d with %s open", n, open)
		}
	}
	var conns []net.Conn
	for i := range 2 {
		_, server := pipe(t)
		inner.supply <- server
		conns = append(conns, <-accepted)
		if n := <-inner.called; n != i+1 {
			t.Fatalf("call %d of Accept, want %d", n, i+1)
		}
	}
	waits("the first and second")
	conns[0].Close()
	conns[0].Close()
	_, server := pipe(t)
	inner.supply <- server
	<-accepted
	<-inner.called
	waits("the second and third")
	l.Close()
	if err := <-ended; !errors.Is(err, net.ErrClosed) {
		t.Errorf("Accept after Close: %v, want net.ErrClosed", err)
	}
	// Asked with 0 and 1 open, then with 1 once the first closed.
	if got, want := inner.calls(), []int{0, 1, 1}; !slices.Equal(got, want) {
		t.Errorf("connections open at each Accept of the listener: %v, want %v", got, want)
	}
}

// TestServeLimitsConnections: `retain api` had no bound on its
// connections. With MaxConns 1, a second connection is accepted only once
// the first closes, and is then answered; no third is asked for while it
// is open.
func TestServeLimitsConnections(t *testing.T) {
	s, _ := newTestServer(t, Config{Insecure: true, MaxConns: 1})
	inner := newCountingListener()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, inner) }()

	first, server := pipe(t)
	inner.supply <- server
	sendHealthz(t, first, "\r\n")
	answered(t, first)
	second, server := pipe(t)
	supplied := make(chan struct{})
	go func() { inner.supply <- server; close(supplied) }()
	first.Close()
	<-supplied
	sendHealthz(t, second, "\r\n")
	answered(t, second)
	// The start of a next request, read whole (a pipe's write returns once
	// it is read), puts the server past the point where it would close the
	// connection on shutting down: the connection stays open until the
	// server closes it as idle, after its listener.
	sendHealthz(t, second, "")
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Serve: %v", err)
	}
	// The second was asked for with none open; no third.
	if got, want := inner.calls(), []int{0, 0}; !slices.Equal(got, want) {
		t.Errorf("connections open at each Accept of the listener: %v, want %v", got, want)
	}
}

// sendHealthz sends GET /healthz on conn, its headers ended by end ("":
// the request is not finished).
func sendHealthz(t *testing.T, conn net.Conn, end string) {
	t.Helper()
	if _, err := fmt.Fprint(conn, "GET /healthz HTTP/1.1\r\nHost: retain\r\n"+end); err != nil {
		t.Fatal(err)
	}
}

// answered reads the answer on conn and checks it is a 200.
func answered(t *testing.T, conn net.Conn) {
	t.Helper()
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /healthz: %d", resp.StatusCode)
	}
}
