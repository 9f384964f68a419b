package serve

import (
	"io"
	"net"
	"sync"
	"time"

	"charm.land/ssh"
)

// A connection is counted from the moment it is accepted until it has
// logged in: at most MaxHandshakes at once, at most MaxHandshakesPerSource
// from one source, each for at most HandshakeTimeout. Beyond those it is
// told why in a line before the SSH version and closed. Anyone who can
// reach the port can open connections, so none of this touches the
// sessions: only a logged-in user's sessions count against MaxSessions, and
// one that does not fit is told the server is full. A logged-in connection
// without a session (before its first, after its last) is closed after
// NoSessionTimeout.

// connKey finds a connection's *conn in its ssh.Context.
type connKey struct{}

// conn is an accepted connection with its place among the handshakes and
// its no-session timer.
type conn struct {
	net.Conn
	srv       *Server
	closeOnce sync.Once

	mu       sync.Mutex // guards the fields below
	leave    func()     // gives the handshake place back (nil once logged in or closed)
	loggedIn bool
	sessions int
	channels int // session channels open
	expired  bool
	closed   bool
	timer    *time.Timer // the no-session timer, armed at login
}

// admit is the ssh.Server's ConnCallback: it counts the connection among
// those logging in, or turns it away when its source or the server has no
// place left.
func (s *Server) admit(ctx ssh.Context, nc net.Conn) net.Conn {
	leave, err := s.pending.enter(sourceOf(nc.RemoteAddr()))
	if err != nil {
		s.log.Info("connection refused", "remote", nc.RemoteAddr().String(), "reason", err.Error())
		// The server closes nc once this returns nil.
		s.turnAway(nc, err.Error())
		return nil
	}
	c := &conn{Conn: nc, srv: s, leave: leave}
	ctx.SetValue(connKey{}, c)
	return c
}

// turnAway tells a connection refused before its handshake why, and closes
// it. RFC 4253 lets a server send lines before its version; clients show or
// ignore them. The client's own version line is read (for a second at
// most) so that closing does not reset the connection before the client
// has read the message.
func (s *Server) turnAway(nc net.Conn, why string) {
	defer nc.Close()
	_ = nc.SetDeadline(time.Now().Add(time.Second))
	_, _ = io.WriteString(nc, "retain: "+why+"\r\n")
	if tc, ok := nc.(interface{ CloseWrite() error }); ok {
		_ = tc.CloseWrite()
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(nc, 4096))
}

// logIn is called once the connection's user is authenticated: the
// connection gives its handshake place back and has NoSessionTimeout to
// open a session.
func (c *conn) logIn() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed || c.loggedIn {
		return
	}
	c.loggedIn = true
	c.giveBack()
	c.timer = time.AfterFunc(c.srv.cfg.NoSessionTimeout, c.expire)
}

// giveBack returns the handshake place, once; c.mu is held.
func (c *conn) giveBack() {
	if c.leave != nil {
		c.leave()
		c.leave = nil
	}
}

// Close gives the connection's handshake place back (if it still holds
// one) and closes it. The place is free before the socket closes, so a
// client that sees its connection end may connect again at once.
func (c *conn) Close() error {
	c.closeOnce.Do(func() {
		c.mu.Lock()
		c.closed = true
		c.giveBack()
		if c.timer != nil {
			c.timer.Stop()
		}
		c.mu.Unlock()
		c.srv.log.Debug("connection closed", "remote", c.RemoteAddr().String())
	})
	return c.Conn.Close()
}

// expire closes the connection if it is open and still has no session.
func (c *conn) expire() {
	c.mu.Lock()
	if c.sessions > 0 || c.closed {
		c.mu.Unlock()
		return
	}
	c.expired = true
	c.mu.Unlock()
	c.srv.log.Info("connection closed: no session", "remote", c.RemoteAddr().String(),
		"after", c.srv.cfg.NoSessionTimeout)
	_ = c.Close()
}

// sessionStarted stops the no-session timer. It reports false when the
// connection is being closed for want of a session.
func (c *conn) sessionStarted() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.expired {
		return false
	}
	c.sessions++
	if c.timer != nil {
		c.timer.Stop()
	}
	return true
}

// sessionEnded arms the no-session timer again after the last session,
// unless the connection is closed already (its client left first).
func (c *conn) sessionEnded() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sessions--
	if c.sessions == 0 && c.timer != nil && !c.closed {
		c.timer.Reset(c.srv.cfg.NoSessionTimeout)
	}
}

// openChannel counts a new session channel; it reports false, counting
// nothing, when the connection holds MaxChannelsPerConn already.
func (c *conn) openChannel() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.channels >= MaxChannelsPerConn {
		return false
	}
	c.channels++
	return true
}

// closeChannel counts a session channel closed.
func (c *conn) closeChannel() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.channels--
}

// connOf returns the connection a context belongs to (nil if unknown).
func connOf(ctx ssh.Context) *conn {
	c, _ := ctx.Value(connKey{}).(*conn)
	return c
}
