// Package serve serves a Bubble Tea application over SSH with
// charm.land/wish: one independent program per session, public-key
// authentication, a bounded number of sessions, a per-session time limit
// and a graceful shutdown that tells every session why it ends.
//
// Its errors reach users as they are, so their text has no "serve: "
// prefix.
package serve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	gossh "golang.org/x/crypto/ssh"
)

// DefaultShutdownTimeout is how long Serve waits for sessions to wind down
// after being told to before it closes their connections.
const DefaultShutdownTimeout = 3 * time.Second

// DefaultNoSessionTimeout is how long a logged-in connection may go
// without a session unless Config.NoSessionTimeout says.
const DefaultNoSessionTimeout = 30 * time.Second

// DefaultHandshakeTimeout is how long a connection may take to log in
// unless Config.HandshakeTimeout says.
const DefaultHandshakeTimeout = 10 * time.Second

// maxIdleWarning is the most warning an idle session gets before it is
// closed, unless Config.IdleWarning says otherwise.
const maxIdleWarning = time.Minute

// SessionInfo describes one SSH session to the application factory.
type SessionInfo struct {
	User       string
	RemoteAddr string
	Term       string
	// Width and Height are the terminal's size, within MaxWidth ×
	// MaxHeight.
	Width  int
	Height int
}

// Config configures a Server.
type Config struct {
	// HostKey is the server's private host key (see HostKey).
	HostKey gossh.Signer
	// AuthorizedKeys are the public keys allowed in. It must not be empty
	// unless InsecureNoAuth is set; passwords are never accepted.
	AuthorizedKeys []gossh.PublicKey
	// InsecureNoAuth lets anyone in. Every session is warned: the log
	// says so, and its program is sent a NoAuthWarning to show.
	InsecureNoAuth bool
	// Lang is the language ("zh" Chinese, else English) of the lines the
	// server writes to a client itself: refusals, and the last line of a
	// session it ends unless the session's final model says its own
	// language (a Lang() string method, as after a switch in the TUI).
	Lang string
	// MaxSessions bounds concurrent sessions (0: no bound). Only sessions
	// count, and only a logged-in user can open one: beyond the bound, the
	// session is refused with a message saying the server is full.
	MaxSessions int
	// MaxSessionTime ends a session after this long (0: no limit).
	MaxSessionTime time.Duration
	// HandshakeTimeout closes a connection that has not logged in this long
	// after it was accepted (0: DefaultHandshakeTimeout).
	HandshakeTimeout time.Duration
	// MaxHandshakes bounds the connections logging in at once: accepted,
	// not yet authenticated (0: DefaultMaxHandshakes). MaxHandshakesPerSource
	// bounds those from one IP address, or one IPv6 /64 (0:
	// DefaultMaxHandshakesPerSource). A connection beyond either is told why
	// in a line before the SSH version and closed.
	MaxHandshakes          int
	MaxHandshakesPerSource int
	// NoSessionTimeout closes a logged-in connection that has no session
	// for this long: from its login to its first session, and again after
	// its last one ends (0: DefaultNoSessionTimeout).
	NoSessionTimeout time.Duration
	// IdleTimeout ends a session whose user has typed nothing for this long
	// (0: never). IdleWarning before that, the program is sent an
	// IdleWarning message; the user's last line says why the session ended.
	IdleTimeout time.Duration
	// IdleWarning is how long before an idle session ends its user is
	// warned (0: a tenth of IdleTimeout, at most a minute).
	IdleWarning time.Duration
	// ShutdownTimeout bounds the graceful part of a shutdown
	// (0: DefaultShutdownTimeout).
	ShutdownTimeout time.Duration
	// App builds the model of one session. It is called once per session,
	// so sessions share no state through it unless it says so. If the
	// program's final model has a Close() method, it is called when the
	// session ends, however it ends, to stop the model's background work.
	App func(SessionInfo) tea.Model
	// Log receives connection and session events (slog.Default when nil).
	Log *slog.Logger
}

// Reasons a session ends, told to its user.
var (
	errShutdown  = errors.New("the server is shutting down")
	errTimeLimit = errors.New("the session time limit was reached")
)

// errIdle ends a session whose user typed nothing for the idle timeout.
type errIdle time.Duration

func (e errIdle) Error() string { return "closing: idle for " + time.Duration(e).String() }

// IdleWarning is sent to a session's program shortly before the session is
// closed for being idle; any key press keeps the session open. Its Notice
// is the sentence to show.
type IdleWarning struct {
	// Idle is how long the user has typed nothing; Left is how long until
	// the session closes.
	Idle, Left time.Duration
}

// Notice says what will happen and how to prevent it.
func (w IdleWarning) Notice() string {
	return fmt.Sprintf("idle for %s: closing in %s unless you press a key", w.Idle.Round(time.Second), w.Left.Round(time.Second))
}

// NoticeIn is Notice in lang: "zh" for Chinese, anything else English.
func (w IdleWarning) NoticeIn(lang string) string {
	if lang == "zh" {
		return fmt.Sprintf("已空闲 %s:%s 后关闭,按任意键保持连接", w.Idle.Round(time.Second), w.Left.Round(time.Second))
	}
	return w.Notice()
}

// Server serves the application over SSH. Create it with New.
type Server struct {
	cfg      Config
	log      *slog.Logger
	ssh      *ssh.Server
	slots    chan struct{} // one token per running session, when bounded
	pending  *handshakes   // the connections not logged in yet
	mu       sync.Mutex
	closing  bool // guarded by mu, like sessions
	sessions map[*liveSession]struct{}
	handlers sync.WaitGroup
	// limitTimer starts a session's MaxSessionTime timer, which calls end
	// when it fires, and returns the call that stops it: time.AfterFunc,
	// but a test may end a session's time at a moment it chooses.
	limitTimer func(d time.Duration, end func()) (stop func() bool)
}

// liveSession is what shutdown needs of a running session.
type liveSession struct {
	cancel context.CancelCauseFunc
}

// New checks the configuration and builds a server; it listens only when
// Serve is called.
func New(cfg Config) (*Server, error) {
	switch {
	case cfg.HostKey == nil:
		return nil, errors.New("no host key")
	case cfg.App == nil:
		return nil, errors.New("no application")
	case len(cfg.AuthorizedKeys) == 0 && !cfg.InsecureNoAuth:
		return nil, errors.New("refusing to start without authorized keys (allowing anyone in needs InsecureNoAuth)")
	case len(cfg.AuthorizedKeys) > 0 && cfg.InsecureNoAuth:
		return nil, errors.New("authorized keys and InsecureNoAuth contradict each other")
	case cfg.MaxSessions < 0 || cfg.MaxSessionTime < 0 || cfg.IdleTimeout < 0 || cfg.ShutdownTimeout < 0 ||
		cfg.NoSessionTimeout < 0 || cfg.IdleWarning < 0 || cfg.HandshakeTimeout < 0 || cfg.MaxHandshakes < 0 ||
		cfg.MaxHandshakesPerSource < 0:
		return nil, errors.New("limits must not be negative")
	}
	if cfg.HandshakeTimeout == 0 {
		cfg.HandshakeTimeout = DefaultHandshakeTimeout
	}
	if cfg.MaxHandshakes == 0 {
		cfg.MaxHandshakes = DefaultMaxHandshakes
	}
	if cfg.MaxHandshakesPerSource == 0 {
		cfg.MaxHandshakesPerSource = DefaultMaxHandshakesPerSource
	}
	if cfg.ShutdownTimeout == 0 {
		cfg.ShutdownTimeout = DefaultShutdownTimeout
	}
	if cfg.NoSessionTimeout == 0 {
		cfg.NoSessionTimeout = DefaultNoSessionTimeout
	}
	if cfg.IdleWarning == 0 {
		cfg.IdleWarning = min(cfg.IdleTimeout/10, maxIdleWarning)
	}
	cfg.IdleWarning = min(cfg.IdleWarning, cfg.IdleTimeout)
	s := &Server{cfg: cfg, log: cfg.Log, sessions: map[*liveSession]struct{}{},
		pending:    newHandshakes(cfg.MaxHandshakes, cfg.MaxHandshakesPerSource),
		limitTimer: func(d time.Duration, end func()) func() bool { return time.AfterFunc(d, end).Stop }}
	if s.log == nil {
		s.log = slog.Default()
	}
	if cfg.MaxSessions > 0 {
		s.slots = make(chan struct{}, cfg.MaxSessions)
	}
	opts := []ssh.Option{
		func(srv *ssh.Server) error { srv.AddHostKey(cfg.HostKey); return nil },
		func(srv *ssh.Server) error { srv.Handler = s.handle; return nil },
		func(srv *ssh.Server) error {
			srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": s.sessionChannel}
			return nil
		},
		func(srv *ssh.Server) error {
			// Idleness is the user's (see watchIdle), not the connection's:
			// a session training a model writes all the time.
			srv.ConnCallback = s.admit
			srv.HandshakeTimeout = cfg.HandshakeTimeout
			srv.ConnectionFailedCallback = s.handshakeFailed
			srv.ServerConfigCallback = func(ctx ssh.Context) *gossh.ServerConfig {
				// Called after each authentication attempt, not after a
				// client's query whether a key would do, which needs no
				// signature: knowing an authorized public key is not
				// enough to count as logged in.
				return &gossh.ServerConfig{AuthLogCallback: func(_ gossh.ConnMetadata, _ string, err error) {
					if c := connOf(ctx); err == nil && c != nil {
						c.logIn()
					}
				}}
			}
			return nil
		},
	}
	if cfg.InsecureNoAuth {
		// The SSH banner, which a client shows before the session (and the
		// program's notice, NoAuthWarning, inside it).
		opts = append(opts, wish.WithBanner(say(cfg.Lang, "WARNING: this server lets anyone in without authentication.\n",
			"警告：此服务器不验证身份，任何人都能进入。\n")))
	} else {
		// Only a public-key handler: no password or keyboard-interactive
		// method is offered at all.
		opts = append(opts, wish.WithPublicKeyAuth(func(ctx ssh.Context, key ssh.PublicKey) bool {
			ok := keyAllowed(cfg.AuthorizedKeys, key)
			if !ok {
				s.log.Info("unknown key", "user", ctx.User(), "remote", ctx.RemoteAddr().String(),
					"fingerprint", gossh.FingerprintSHA256(key))
			}
			return ok
		}))
	}
	srv, err := wish.NewServer(opts...)
	if err != nil {
		return nil, err
	}
	s.ssh = srv
	return s, nil
}

// Serve accepts connections on ln until ctx is done, then shuts down: new
// sessions are refused, running ones are told and ended, and after at most
// ShutdownTimeout every connection is closed. It returns nil after a
// shutdown that ctx asked for.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- s.ssh.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.shutdown()
	if err := <-errc; !errors.Is(err, ssh.ErrServerClosed) && !errors.Is(err, net.ErrClosed) {
		return err
	}
	return nil
}

// shutdown tells every session to end, waits for them up to the timeout,
// then closes the listener and all connections.
func (s *Server) shutdown() {
	s.mu.Lock()
	s.closing = true
	n := len(s.sessions)
	for ls := range s.sessions {
		ls.cancel(errShutdown)
	}
	s.mu.Unlock()
	s.log.Info("shutting down", "sessions", n)
	done := make(chan struct{})
	go func() {
		s.handlers.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(s.cfg.ShutdownTimeout):
		s.log.Warn("sessions still running at the shutdown deadline; closing their connections")
	}
	_ = s.ssh.Close()
}

// handshakeFailed logs a connection that never logged in.
func (s *Server) handshakeFailed(c net.Conn, err error) {
	if errors.Is(err, os.ErrDeadlineExceeded) {
		s.log.Info("connection closed: not logged in", "remote", c.RemoteAddr().String(), "after", s.cfg.HandshakeTimeout)
		return
	}
	s.log.Info("connection refused", "remote", c.RemoteAddr().String(), "reason", err)
}

// Sessions returns the number of sessions running now.
func (s *Server) Sessions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sessions)
}

// track registers a running session; the returned function unregisters
// it, and the caller owes one s.handlers.Done once its client has heard the
// session end. It fails once shutdown has begun, so no session starts after
// the shutdown has told the others.
func (s *Server) track(cancel context.CancelCauseFunc) (func(), bool) {
	ls := &liveSession{cancel: cancel}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return nil, false
	}
	s.sessions[ls] = struct{}{}
	s.handlers.Add(1)
	return func() {
		s.mu.Lock()
		delete(s.sessions, ls)
		s.mu.Unlock()
	}, true
}
