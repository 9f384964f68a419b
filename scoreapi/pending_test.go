package scoreapi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// fromConn gives a pipe's server end a remote address.
type fromConn struct {
	net.Conn
	ip string
}

func (c fromConn) RemoteAddr() net.Addr {
	return &net.TCPAddr{IP: net.ParseIP(c.ip), Port: 40000}
}

// from returns both ends of a pipe whose server end comes from ip.
func from(t *testing.T, ip string) (client, server net.Conn) {
	client, server = pipe(t)
	return client, fromConn{Conn: server, ip: ip}
}

// closedByServer checks that the server has closed client's connection.
func closedByServer(t *testing.T, client net.Conn, what string) {
	t.Helper()
	if n, err := client.Read(make([]byte, 1)); n != 0 || !errors.Is(err, io.EOF) {
		t.Errorf("%s: read %d bytes, %v; want it closed (EOF)", what, n, err)
	}
}

// TestLimitConnsRefusesAnAddressHoldingHalf: connections that have not
// ended their headers (pending) are not busy ones. At the limit of 4, an
// address holding pending connections in half the slots or more gets no
// more (a new connection from it is closed at once), and a client of
// another address takes the place of its oldest pending connection.
//
// Before 6 December 2026 pending connections counted as busy: the
// listener waited for one to close (up to the 5 s header timeout), so 40
// slowloris sockets from one address kept every token holder waiting.
func TestLimitConnsRefusesAnAddressHoldingHalf(t *testing.T) {
	inner := newCountingListener()
	l := limitConns(inner, 4)
	waiting, refused, closedPending := make(chan struct{}, 1), make(chan struct{}, 8), make(chan struct{}, 8)
	l.waiting = func() { waiting <- struct{}{} }
	l.refused = func() { refused <- struct{}{} }
	l.closedPending = func() { closedPending <- struct{}{} }
	accepted := acceptAll(l)
	defer l.Close()
	var slow []net.Conn
	var slowServer []net.Conn
	for range 4 {
		client, server := from(t, "10.0.0.1")
		<-inner.called
		inner.supply <- server
		slowServer = append(slowServer, <-accepted)
		slow = append(slow, client)
	}
	// At the limit, every slot pending from 10.0.0.1: the listener is
	// asked for another client rather than waiting for a slot.
	select {
	case <-waiting:
		t.Fatal("Accept waits for a slot while one address holds every slot with connections that have not sent their headers")
	case <-inner.called:
	}
	more, server := from(t, "10.0.0.1")
	inner.supply <- server
	<-refused
	closedByServer(t, more, "a fifth connection from the address holding 4 pending")

	<-inner.called
	_, server = from(t, "10.0.0.2")
	inner.supply <- server
	got := <-accepted
	<-closedPending
	if got.(*limitConn).addr != "10.0.0.2" {
		t.Fatalf("accepted a connection from %s, want 10.0.0.2", got.(*limitConn).addr)
	}
	closedByServer(t, slow[0], "the oldest pending connection of 10.0.0.1")
	for i, c := range slowServer {
		if closed := c.(*limitConn).closed; closed != (i == 0) {
			t.Errorf("pending connection %d of 10.0.0.1 closed: %v, want %v", i, closed, i == 0)
		}
	}
	// 10.0.0.2's connection is in its handler (not pending); 10.0.0.1
	// still holds 3 pending, more than half: its next one is refused, and
	// 10.0.0.2's is not closed for it.
	inHandler(l, got)
	<-inner.called
	again, server := from(t, "10.0.0.1")
	inner.supply <- server
	<-refused
	closedByServer(t, again, "another connection from 10.0.0.1")
	if got.(*limitConn).closed {
		t.Error("the connection of 10.0.0.2 was closed for one of 10.0.0.1")
	}
}

// inHandler marks c as a connection whose request's headers are read and
// whose handler runs (what limitListener.started does).
func inHandler(l *limitListener, c net.Conn) {
	l.mu.Lock()
	l.setPending(c.(*limitConn), false)
	l.mu.Unlock()
}

// TestServeAnswersOthersWhileOneAddressWithholdsHeaders: with MaxConns 4
// and 6 connections from one address that never end their headers (2 of
// them refused), a health check and an authenticated prediction from
// another address are answered (on one connection), and /metrics counts what was closed.
func TestServeAnswersOthersWhileOneAddressWithholdsHeaders(t *testing.T) {
	s, _ := newTestServer(t, Config{MaxConns: 4})
	s.pendingGrace = 0 // TestLimitConnsGivesHeadersAGrace tests it
	refused := make(chan struct{}, 16)
	s.connRefused = func() { refused <- struct{}{} }
	inner := newCountingListener()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, inner) }()
	var slow []net.Conn
	for range 6 {
		client, server := from(t, "10.0.0.1")
		inner.supply <- server
		// Headers never ended (a pipe's write waits for the reader; a
		// refused connection's fails).
		go fmt.Fprint(client, "GET /healthz HTTP/1.1\r\nHost: retain\r\n")
		slow = append(slow, client)
	}
	<-refused
	<-refused
	client, server := from(t, "10.0.0.2")
	inner.supply <- server
	sendHealthz(t, client, "\r\n")
	answered(t, client)
	// An authenticated prediction on the same connection.
	body := `{"rows":[` + goodRow + `]}`
	fmt.Fprintf(client, "POST /v1/predict HTTP/1.1\r\nHost: retain\r\nAuthorization: Bearer %s\r\n"+
		"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", testToken, len(body), body)
	answered(t, client)
	rec := call(t, s, "GET", "/metrics", testToken, "")
	for _, want := range []string{"retain_api_connections_refused_total 2\n",
		"retain_api_pending_connections_closed_total 1\n"} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	for _, c := range slow {
		c.Close()
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Serve: %v", err)
	}
}

// TestLimitConnsGivesHeadersAGrace: connections pending for less than
// the grace (a burst whose headers are on their way) count for no
// address: at the limit, Accept waits as for busy connections, with a
// timer set for when the oldest comes of age; once it has, the address
// holds too many, and a new client from it is closed at once.
func TestLimitConnsGivesHeadersAGrace(t *testing.T) {
	inner := newCountingListener()
	l := limitConns(inner, 4)
	l.grace = time.Second
	var mu sync.Mutex
	now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	l.now = func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	timers := make(chan time.Duration, 8)
	fire := make(chan time.Time)
	l.after = func(d time.Duration) <-chan time.Time { timers <- d; return fire }
	waiting, refused := make(chan struct{}, 8), make(chan struct{}, 8)
	l.waiting = func() { waiting <- struct{}{} }
	l.refused = func() { refused <- struct{}{} }
	accepted := acceptAll(l)
	defer l.Close()
	for i := range 4 {
		if i == 3 {
			mu.Lock()
			now = now.Add(300 * time.Millisecond) // the last arrives 0.3 s later
			mu.Unlock()
		}
		_, server := from(t, "10.0.0.1")
		<-inner.called
		inner.supply <- server
		<-accepted
	}
	// All 4 pending for less than the grace: Accept waits, its timer
	// set for the first three to come of age (they are 0.3 s old).
	select {
	case <-waiting:
	case n := <-inner.called:
		t.Fatalf("the listener was asked for connection %d while the pending ones were within their grace", n)
	}
	if d := <-timers; d != 700*time.Millisecond {
		t.Errorf("timer set for %v, want 700ms (when the oldest, 0.3 s old, comes of age)", d)
	}
	select {
	case n := <-inner.called:
		t.Fatalf("the listener was asked for connection %d while the pending ones were within their grace", n)
	default:
	}
	mu.Lock()
	now = now.Add(time.Second) // 3 aged 1.3 s, 1 aged 1 s
	mu.Unlock()
	fire <- now
	<-inner.called
	more, server := from(t, "10.0.0.1")
	inner.supply <- server
	<-refused
	closedByServer(t, more, "a connection from the address holding 4 pending past their grace")
}

// acceptAll accepts from l until it is closed, handing each connection on
// the returned channel.
func acceptAll(l *limitListener) <-chan net.Conn {
	accepted := make(chan net.Conn)
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			accepted <- c
		}
	}()
	return accepted
}
