package serve

import (
	"context"
	"encoding/binary"
	"fmt"
	"sync"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// The requests on a session channel (env, pty-req, window-change, shell…)
// are answered by charm.land/ssh's loop, one at a time, and while that loop
// waits, the connection reads nothing else: not the client's keys, not its
// window adjustments. The library keeps every env request, without limit,
// and hands each window change to the session over a channel of one that
// only the running session reads, so a window change before the shell, or
// a flood of them during it, blocks the loop. Every session channel's
// requests therefore pass through a filter first that never waits: it
// refuses env requests beyond MaxEnvVars and MaxEnvBytes, and answers
// window changes itself, keeping only the latest size for the session (see
// windowBox). A connection holds at most MaxChannelsPerConn session
// channels open.

// MaxEnvVars and MaxEnvBytes bound the environment a client may set for one
// session (the variables, and their names and values in all), which its
// program is given (its colour profile comes from them). Further env
// requests are refused.
const (
	MaxEnvVars  = 64
	MaxEnvBytes = 16 << 10
)

// MaxChannelsPerConn bounds the session channels open at once on one
// connection, as OpenSSH's MaxSessions does (its default, 10, too).
const MaxChannelsPerConn = 10

// windowsKey finds a session channel's *windowBox in its context.
type windowsKey struct{}

// windowBox holds the last window size a session's client gave until the
// session's program takes it: a client may resize as often as it likes,
// and the program is given the latest size, never a queue of them.
type windowBox struct {
	mu      sync.Mutex
	win     ssh.Window
	set     bool
	changed chan struct{} // holds a token while a size waits to be taken
}

func newWindowBox() *windowBox { return &windowBox{changed: make(chan struct{}, 1)} }

// put records w as the latest size; it never blocks.
func (b *windowBox) put(w ssh.Window) {
	b.mu.Lock()
	b.win, b.set = w, true
	b.mu.Unlock()
	select {
	case b.changed <- struct{}{}:
	default: // a size is waiting already; it is now w
	}
}

// latest returns the last size put, if any.
func (b *windowBox) latest() (ssh.Window, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.win, b.set
}

// windowsOf returns the window box of the session whose context ctx is, or
// a box nothing puts into when ctx is not one.
func windowsOf(ctx context.Context) *windowBox {
	if b, ok := ctx.Value(windowsKey{}).(*windowBox); ok {
		return b
	}
	return newWindowBox()
}

// channelContext is a connection's context with what belongs to one of its
// session channels: the library gives it to the session as its Context.
type channelContext struct {
	ssh.Context
	windows *windowBox
}

// Value returns the channel's window box for windowsKey, and the
// connection's values otherwise.
func (c *channelContext) Value(key any) any {
	if _, ok := key.(windowsKey); ok {
		return c.windows
	}
	return c.Context.Value(key)
}

// sessionChannel handles a "session" channel: charm.land/ssh's own
// handler, behind the bound on a connection's channels and the filter on
// the channel's requests.
func (s *Server) sessionChannel(srv *ssh.Server, sc *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	if c := connOf(ctx); c != nil {
		if !c.openChannel() {
			s.log.Info("session channel refused: too many on one connection", "user", sc.User(),
				"remote", sc.RemoteAddr().String(), "max", MaxChannelsPerConn)
			_ = nc.Reject(gossh.ResourceShortage, fmt.Sprintf("at most %d sessions on one connection", MaxChannelsPerConn))
			return
		}
		defer c.closeChannel()
	}
	windows := newWindowBox()
	// It returns once the channel's requests end, when the channel closes.
	ssh.DefaultSessionHandler(srv, sc, &filteredChannel{NewChannel: nc, srv: s, ctx: ctx, windows: windows},
		&channelContext{Context: ctx, windows: windows})
}

// filteredChannel is a new session channel whose requests, once accepted,
// pass through filter.
type filteredChannel struct {
	gossh.NewChannel
	srv     *Server
	ctx     ssh.Context
	windows *windowBox
}

// Accept accepts the channel and returns its filtered requests.
func (f *filteredChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := f.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go f.filter(reqs, out)
	return ch, out, nil
}

// filter passes the channel's requests from in to out, the library's loop,
// except env requests beyond the bounds, which it refuses, and window
// changes, which it answers and puts in the channel's window box. It closes
// out when in ends.
func (f *filteredChannel) filter(in <-chan *gossh.Request, out chan<- *gossh.Request) {
	defer close(out)
	var vars, size int
	pty, warned := false, false
	for req := range in {
		switch req.Type {
		case "env":
			if vars+1 > MaxEnvVars || size+len(req.Payload) > MaxEnvBytes {
				if !warned {
					f.srv.log.Info("env requests refused beyond the limit", "user", f.ctx.User(),
						"remote", f.ctx.RemoteAddr().String(), "max_vars", MaxEnvVars, "max_bytes", MaxEnvBytes)
					warned = true
				}
				_ = req.Reply(false, nil)
				continue
			}
			vars++
			size += len(req.Payload)
		case "pty-req":
			pty = true
		case "window-change":
			w, ok := parseWindowChange(req.Payload)
			if ok = ok && pty; ok {
				f.windows.put(w)
			}
			_ = req.Reply(ok, nil)
			continue
		}
		select {
		case out <- req:
		case <-f.ctx.Done():
			// The library's loop is gone with the connection; in ends too.
			_ = req.Reply(false, nil)
		}
	}
}

// parseWindowChange reads a window-change payload (RFC 4254 §6.7): columns,
// rows, then the size in pixels, each a uint32.
func parseWindowChange(p []byte) (ssh.Window, bool) {
	if len(p) < 16 {
		return ssh.Window{}, false
	}
	field := func(i int) int { return int(binary.BigEndian.Uint32(p[4*i:])) }
	return ssh.Window{Width: field(0), Height: field(1), WidthPixels: field(2), HeightPixels: field(3)}, true
}
