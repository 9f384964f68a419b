package scoreapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/semaphore"

	"github.com/retainlab/retain/pseudonym"
)

// Defaults of Config.
const (
	DefaultMaxRows  = 10000
	DefaultMaxBody  = 16 << 20
	DefaultPoll     = 2 * time.Second
	DefaultShutdown = 10 * time.Second
	// DefaultReadTimeout bounds the time to read a whole request, its
	// body included.
	DefaultReadTimeout = 30 * time.Second
	// DefaultMaxInFlight bounds the predict requests decoded and scored at
	// once; each may hold a few times its MaxBody in memory as it is
	// decoded. Bodies are read before a request takes a slot, each into
	// memory of at most MaxBody as its bytes arrive.
	DefaultMaxInFlight = 16
	// DefaultQueueWait is how long a predict request waits for room in
	// all (for bytes of the body budget and for a free slot together)
	// before it is answered 503.
	DefaultQueueWait = 5 * time.Second
	// DefaultMaxConns bounds the client connections open at once, idle
	// keep-alive ones included, so that clients cannot take every file
	// descriptor and goroutine of the server between them.
	DefaultMaxConns = 1024
	// PendingGrace is how long a connection may take to send its
	// request's headers (of the 5 s it has) before it counts against its
	// address's half of the connections at MaxConns: a client of a burst
	// whose headers are on their way is not taken for one withholding
	// them.
	PendingGrace = time.Second
)

// Config sets up a Server.
type Config struct {
	// Token is the bearer token every route but /healthz requires; nil or
	// empty requires none only with Insecure set.
	Token []byte
	// Insecure disables auth; every response then says so in the
	// X-Retain-Auth header.
	Insecure bool
	// MaxRows bounds the rows of one request (413 beyond); MaxBody its
	// bytes (413 beyond). Zero takes the defaults.
	MaxRows int
	MaxBody int64
	// MaxInFlight bounds the predict requests decoded and scored at once
	// (a request's body is read whole before it asks for a slot); one
	// that finds every slot taken waits for one, then gets a 503 with
	// Retry-After. QueueWait bounds a request's waits for room in all: for
	// the body budget (BodyMemory) and for a slot, one budget shared by
	// both. Zero takes the defaults.
	MaxInFlight int
	QueueWait   time.Duration
	// MaxConns bounds the client connections open at once, idle keep-alive
	// ones included; at the limit a new client takes the place of the
	// connection idle the longest (which is closed), and waits, unanswered,
	// only while every connection is busy (0: DefaultMaxConns). A
	// connection still sending its request's headers is not busy: an
	// address holding such connections in half the slots or more gets no
	// more at the limit, and a client of another address takes the place
	// of its oldest (limitListener).
	MaxConns int
	// BodyMemory bounds the bytes held by the predict bodies being read
	// at once (until their requests are answered); a request that finds
	// it spent waits for room (within QueueWait, shared with its wait for
	// a slot), then gets a 503 with Retry-After.
	// Zero takes MaxInFlight whole bodies' worth.
	BodyMemory int64
	// Poll is how often the model file's size, modification time, inode
	// and inode change time are compared for a reload (0: DefaultPoll;
	// negative: never).
	Poll time.Duration
	// Shutdown bounds how long Serve waits for in-flight requests after
	// its context ends (0: DefaultShutdown).
	Shutdown time.Duration
	// ReadTimeout bounds the time to read a request, headers and body; a
	// body still arriving then is answered 408 (0: DefaultReadTimeout).
	ReadTimeout time.Duration
	// Log receives one line per reload, failure and recovered panic.
	Log io.Writer
	// Pseudonym, when set, replaces every id in the answers with its keyed
	// hash (retain api --pseudonymise --salt-file), and the values of the
	// model's columns that name people and any cell sent written like an
	// e-mail address or a phone number (LoadModel); the answers then carry
	// "X-Retain-Ids: pseudonymised".
	Pseudonym *pseudonym.Key
}

// ErrNoAuth refuses a Config with neither a token nor Insecure. Like every
// error this package returns, its text has no "scoreapi: " prefix: it
// reaches the user as it is.
var ErrNoAuth = errors.New("no token: give a token file, or disable auth explicitly")

// Server answers the scoring API with the model it holds.
type Server struct {
	cfg  Config
	path string
	// token is the bearer token requests must carry (SetToken replaces
	// it); cfg.Token is the first one.
	token   atomic.Pointer[[]byte]
	model   atomic.Pointer[Model]
	metrics *metrics
	mux     *http.ServeMux
	// slots holds one token per predict request being decoded or scored.
	slots chan struct{}
	// bodies holds the bytes of the predict bodies being read, taken
	// chunk bytes at a time, at most Config.BodyMemory.
	bodies *semaphore.Weighted
	chunk  int
	// now is the clock the waits for room are measured by (time.Now;
	// tests replace it).
	now func() time.Time
	// waiting, when set, is called as a predict request starts to wait for
	// room of a kind (roomBody, roomSlot) with what is left of its wait
	// (tests synchronise on it).
	waiting func(kind string, left time.Duration)
	// connIdled, when set, is called as a connection falls idle (tests
	// synchronise on it).
	connIdled func(net.Conn)
	// pendingGrace is how long a connection may take to send its
	// request's headers before it counts against its address at
	// --max-conns (PendingGrace; tests set 0).
	pendingGrace time.Duration
	// connRefused, when set, is called as a new connection is closed at
	// once because its address holds too many pending ones (tests
	// synchronise on it).
	connRefused func()
	// active counts the requests being handled (counted).
	active atomic.Int64
	// drainTimer starts the timer that ends the shutdown's drain (and
	// then CutGrace): it calls end after d unless stopped (time.AfterFunc;
	// tests replace it).
	drainTimer func(d time.Duration, end func()) (stop func() bool)
	// drainCut, when set, is called as the drain ends with the number of
	// requests still running, just after their contexts are cancelled
	// (tests synchronise on it).
	drainCut func(n int)
	// reloadMu serialises reloads (the watcher's and Reload's) and
	// guards seen.
	reloadMu sync.Mutex
	// seen is the model file's stat at the last load or reload, failed or
	// not (the zero fileStat when the file was gone): the watcher reloads
	// when the file's differs.
	seen fileStat
	// failure is why the model file does not load, since the last reload
	// failed or the file went missing; nil while the file is the model
	// served.
	failure atomic.Pointer[reloadFailure]
	logMu   sync.Mutex
}

// New loads the model file at path and returns a server for it.
func New(path string, cfg Config) (*Server, error) {
	if len(cfg.Token) == 0 && !cfg.Insecure {
		return nil, ErrNoAuth
	}
	if cfg.MaxRows <= 0 {
		cfg.MaxRows = DefaultMaxRows
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.MaxInFlight <= 0 {
		cfg.MaxInFlight = DefaultMaxInFlight
	}
	if cfg.QueueWait <= 0 {
		cfg.QueueWait = DefaultQueueWait
	}
	if cfg.MaxConns <= 0 {
		cfg.MaxConns = DefaultMaxConns
	}
	if cfg.Poll == 0 {
		cfg.Poll = DefaultPoll
	}
	if cfg.Shutdown <= 0 {
		cfg.Shutdown = DefaultShutdown
	}
	if cfg.ReadTimeout <= 0 {
		cfg.ReadTimeout = DefaultReadTimeout
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	chunk := int(min(bodyChunk, cfg.MaxBody+1))
	if cfg.BodyMemory <= 0 {
		// A whole body of MaxBody bytes takes at most MaxBody + chunk.
		cfg.BodyMemory = int64(cfg.MaxInFlight) * (cfg.MaxBody + int64(chunk))
	}
	cfg.BodyMemory = max(cfg.BodyMemory, int64(chunk))
	m, err := LoadModel(path, cfg.Pseudonym)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, path: path, metrics: newMetrics(), mux: http.NewServeMux(),
		slots: make(chan struct{}, cfg.MaxInFlight), bodies: semaphore.NewWeighted(cfg.BodyMemory), chunk: chunk, now: time.Now,
		pendingGrace: PendingGrace,
		drainTimer:   func(d time.Duration, end func()) func() bool { return time.AfterFunc(d, end).Stop }}
	s.model.Store(m)
	tok := bytes.Clone(cfg.Token)
	s.token.Store(&tok)
	s.seen = m.stat
	s.route("POST /v1/predict", "/v1/predict", true, s.handlePredict)
	s.route("GET /healthz", "/healthz", false, s.handleHealth)
	s.route("GET /openapi.json", "/openapi.json", true, s.serveOpenAPI)
	s.route("GET /metrics", "/metrics", true, s.metrics.handler().ServeHTTP)
	s.wrap("/", "other", true, func(w http.ResponseWriter, r *http.Request) {
		writeError(w, &apiError{Status: http.StatusNotFound, Kind: "not_found",
			Message: fmt.Sprintf("no route %s %s (see /openapi.json)", r.Method, r.URL.Path)})
	})
	return s, nil
}

// ErrEmptyToken refuses SetToken's empty token on a server that checks
// tokens.
var ErrEmptyToken = errors.New("empty token: the server would answer no one")

// SetToken replaces the bearer token from the next request on (retain api
// re-reads its --token-file on SIGHUP): requests with the old token are
// refused. A server with Config.Insecure checks no token and ignores it.
func (s *Server) SetToken(token []byte) error {
	if len(token) == 0 && !s.cfg.Insecure {
		return ErrEmptyToken
	}
	tok := bytes.Clone(token)
	s.token.Store(&tok)
	return nil
}

// Model returns the model being served now.
func (s *Server) Model() *Model { return s.model.Load() }

// Handler returns the server's HTTP handler. Under Config.Insecure every
// response it writes carries "X-Retain-Auth: disabled", the redirects the
// mux writes itself (a path with "//" or "..": 307) too; only answers
// net/http writes before any handler runs (431 for headers too large, 400
// for a malformed request) cannot carry it.
func (s *Server) Handler() http.Handler {
	if !s.cfg.Insecure {
		return s.mux
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Retain-Auth", "disabled")
		s.mux.ServeHTTP(w, r)
	})
}

// Metrics returns the server's Prometheus registry as a handler (what
// GET /metrics serves, without auth), for tests and tools.
func (s *Server) Metrics() http.Handler { return s.metrics.handler() }

// logf writes one line to the log.
func (s *Server) logf(format string, args ...any) {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.cfg.Log, "retain api: "+format+"\n", args...)
}

// Serve answers on ln until ctx is cancelled, then shuts down gracefully:
// it stops accepting, lets in-flight requests finish (up to
// Config.Shutdown) and returns nil; requests still running then are cut
// off (answered 503 "shutting_down" where they can be within CutGrace)
// and it returns a *DrainError. At most Config.MaxConns connections
// are open at once. The model file is watched for changes meanwhile.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	ll := limitConns(ln, s.cfg.MaxConns)
	ll.opened = func(n int) { s.metrics.conns.Set(float64(n)) }
	ll.closedIdle = s.metrics.idleClosed.Inc
	ll.refused = func() {
		s.metrics.pendingRefused.Inc()
		if s.connRefused != nil {
			s.connRefused()
		}
	}
	ll.closedPending = s.metrics.pendingClosed.Inc
	ll.idled = s.connIdled
	ll.grace = s.pendingGrace
	// The requests' contexts: cancelled when the drain ends (shutdown).
	reqCtx, cut := context.WithCancelCause(context.Background())
	defer cut(nil)
	srv := &http.Server{
		Handler:           ll.started(s.counted(s.Handler())),
		BaseContext:       func(net.Listener) context.Context { return reqCtx },
		ConnState:         ll.track,
		ConnContext:       ll.connContext,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	if s.cfg.Poll > 0 {
		go s.watch(watchCtx, s.cfg.Poll)
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ll) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	return s.shutdown(srv, errc, cut)
}
