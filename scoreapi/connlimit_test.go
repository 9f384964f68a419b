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
	"strings"
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
// one place), and Close ends the wait. (The pipes share an address, and
// their connections stay pending: perAddr above the limit keeps that
// address from ever holding too many.)
func TestLimitConnsWaitsForAClose(t *testing.T) {
	inner := newCountingListener()
	l := limitConns(inner, 2)
	l.perAddr = 3
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

// TestServeClosesIdleConnectionsAtTheLimit: idle keep-alive connections
// held --max-conns slots until the 2-minute idle timeout, and a client
// past the limit waited that long, unanswered. With MaxConns 2 and both
// connections idle, a third client takes the place of the one idle the
// longest, which is closed, and is answered; an idle connection is not
// closed while no client waits (the first one, idle at the limit, answers
// again), and /metrics counts the connections.
func TestServeClosesIdleConnectionsAtTheLimit(t *testing.T) {
	s, _ := newTestServer(t, Config{Insecure: true, MaxConns: 2})
	idled := make(chan net.Conn, 8)
	s.connIdled = func(c net.Conn) { idled <- c }
	inner := newCountingListener()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, inner) }()

	var clients []net.Conn
	for range 2 {
		client, server := pipe(t)
		inner.supply <- server
		sendHealthz(t, client, "\r\n")
		answered(t, client)
		<-idled
		clients = append(clients, client)
	}
	// Both connections open and idle, no client waiting: the first is
	// kept, and answers again; the second is now the one idle longest.
	sendHealthz(t, clients[0], "\r\n")
	answered(t, clients[0])
	<-idled
	third, server := pipe(t)
	inner.supply <- server
	sendHealthz(t, third, "\r\n")
	answered(t, third)
	if n, err := clients[1].Read(make([]byte, 1)); n != 0 || !errors.Is(err, io.EOF) {
		t.Errorf("the connection idle the longest: read %d bytes, %v; want it closed (EOF)", n, err)
	}
	sendHealthz(t, clients[0], "\r\n")
	answered(t, clients[0])
	rec := call(t, s, "GET", "/metrics", "", "")
	for _, want := range []string{"retain_api_connections_open 2\n", "retain_api_idle_connections_closed_total 1\n"} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Serve: %v", err)
	}
	// The first three connections were asked for with 0, 1 and 2 open
	// (the second of them closed once the third was accepted).
	if got, want := inner.calls()[:3], []int{0, 1, 2}; !slices.Equal(got, want) {
		t.Errorf("connections open at each Accept of the listener: %v, want %v", got, want)
	}
}

// TestLimitConnsClosesTheOldestIdle: at the limit, a new connection
// closes the one that fell idle first, not one that is busy, and only
// once the new one has arrived.
func TestLimitConnsClosesTheOldestIdle(t *testing.T) {
	inner := newCountingListener()
	l := limitConns(inner, 3)
	var conns []net.Conn
	for range 3 {
		_, server := pipe(t)
		go func() { inner.supply <- server }()
		c, err := l.Accept()
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	// The third falls idle, then the first; the second is busy.
	l.track(conns[2], http.StateIdle)
	l.track(conns[0], http.StateIdle)
	l.track(conns[1], http.StateActive)
	accepted := make(chan net.Conn)
	go func() {
		c, err := l.Accept()
		if err != nil {
			t.Error(err)
		}
		accepted <- c
	}()
	<-inner.called
	<-inner.called
	<-inner.called
	// Asked for a fourth (an idle connection makes room) with none closed yet.
	if n := <-inner.called; n != 4 {
		t.Fatalf("call %d of Accept, want 4", n)
	}
	inner.mu.Lock()
	got := inner.open
	inner.mu.Unlock()
	if got != 3 {
		t.Fatalf("%d connections open before the fourth arrived, want 3", got)
	}
	_, server := pipe(t)
	inner.supply <- server
	<-accepted
	for i, want := range []bool{false, false, true} {
		if got := conns[i].(*limitConn).closed; got != want {
			t.Errorf("connection %d closed: %v, want %v", i, got, want)
		}
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
