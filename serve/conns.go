package serve

import (
	"io"
	"net"
	"sync"
	"time"

	"charm.land/ssh"
)

// Connections are counted from the moment they are accepted, before any
// handshake: at most MaxSessions hold a slot. A few more (as many again)
// are let through the handshake only so that their session can be refused
// with a message a person reads; beyond those, a connection is closed at
// once with a line before the SSH version. A connection without a session
// (during its handshake, before its first session, after its last) is
// closed after NoSessionTimeout.

// connKey finds a connection's *conn in its ssh.Context.
type connKey struct{}

// conn is an accepted connection with its slot and its no-session timer.
type conn struct {
	net.Conn
	srv  *Server
	full bool // admitted beyond MaxSessions: its sessions are refused

	release   func() // gives the connection's slot back (nil: none)
	closeOnce sync.Once

	mu       sync.Mutex // guards the fields below, and release
	sessions int
	expired  bool
	closed   bool
	timer    *time.Timer
}

// admit is the ssh.Server's ConnCallback: it counts the connection and arms
// its no-session timer, or closes it when even the overflow is full.
func (s *Server) admit(ctx ssh.Context, nc net.Conn) net.Conn {
	c := &conn{Conn: nc, srv: s}
	if s.conns != nil {
		select {
		case s.conns <- struct{}{}:
			c.release = func() { <-s.conns }
		default:
			select {
			case s.overflow <- struct{}{}:
				c.full, c.release = true, func() { <-s.overflow }
			default:
				s.log.Info("connection refused: server full", "remote", nc.RemoteAddr().String(),
					"max_sessions", s.cfg.MaxSessions)
				// The server closes nc once this returns nil.
				s.turnAway(nc)
				return nil
			}
		}
	}
	c.mu.Lock()
	c.timer = time.AfterFunc(s.cfg.NoSessionTimeout, c.expire)
	c.mu.Unlock()
	ctx.SetValue(connKey{}, c)
	return c
}

// turnAway tells a connection beyond every limit that the server is full
// and closes it. RFC 4253 lets a server send lines before its version;
// clients show or ignore them. The client's own version line is read
// (for a second at most) so that closing does not reset the connection
// before the client has read the message.
func (s *Server) turnAway(nc net.Conn) {
	defer nc.Close()
	_ = nc.SetDeadline(time.Now().Add(time.Second))
	_, _ = io.WriteString(nc, "retain: "+s.fullMessage()+"\r\n")
	if tc, ok := nc.(interface{ CloseWrite() error }); ok {
		_ = tc.CloseWrite()
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(nc, 4096))
}

// Close closes the connection and gives its slot back, once.
func (c *conn) Close() error {
	err := c.Conn.Close()
	c.closeOnce.Do(func() {
		c.mu.Lock()
		c.timer.Stop()
		c.closed = true
		release := c.release
		c.release = nil
		c.mu.Unlock()
		if release != nil {
			release()
		}
		c.srv.log.Debug("connection closed", "remote", c.RemoteAddr().String())
	})
	return err
}

// expire closes the connection if it still has no session.
func (c *conn) expire() {
	c.mu.Lock()
	if c.sessions > 0 {
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
	c.timer.Stop()
	return true
}

// sessionEnded arms the no-session timer again after the last session.
func (c *conn) sessionEnded() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sessions--
	if c.sessions == 0 {
		c.timer.Reset(c.srv.cfg.NoSessionTimeout)
	}
}

// promote gives a connection admitted beyond the limit a real slot if one
// has come free since (a client reconnecting at once, before the server saw
// its old connection close). It reports whether the connection may run
// sessions.
func (c *conn) promote() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.full || c.closed {
		return !c.full
	}
	select {
	case c.srv.conns <- struct{}{}:
		c.release()
		c.full, c.release = false, func() { <-c.srv.conns }
		return true
	default:
		return false
	}
}

// connOf returns the connection a session runs on (nil if unknown).
func connOf(sess ssh.Session) *conn {
	c, _ := sess.Context().Value(connKey{}).(*conn)
	return c
}
