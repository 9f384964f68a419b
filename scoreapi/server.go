package scoreapi

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
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

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.mux }

// Metrics returns the server's Prometheus registry as a handler (what
// GET /metrics serves, without auth), for tests and tools.
func (s *Server) Metrics() http.Handler { return s.metrics.handler() }

// logf writes one line to the log.
func (s *Server) logf(format string, args ...any) {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.cfg.Log, "retain api: "+format+"\n", args...)
}

// route registers h at pattern ("METHOD /path"), wrapped in panic recovery,
// auth and metrics (see wrap); other methods on the path get a 405.
func (s *Server) route(pattern, path string, auth bool, h http.HandlerFunc) {
	s.wrap(pattern, path, auth, h)
	method, p, ok := strings.Cut(pattern, " ")
	if !ok {
		return
	}
	s.wrap(p, path, auth, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", method)
		writeError(w, &apiError{Status: http.StatusMethodNotAllowed, Kind: "method",
			Message: fmt.Sprintf("%s %s: this route takes %s", r.Method, r.URL.Path, method)})
	})
}

// wrap registers h at pattern, wrapped in panic recovery, auth (when
// auth is set) and metrics labelled with path.
func (s *Server) wrap(pattern, path string, auth bool, h http.HandlerFunc) {
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		s.metrics.inFlight.Inc()
		rec := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.logf("panic answering %s %s: %v", r.Method, r.URL.Path, v)
				s.metrics.errors.WithLabelValues("panic").Inc()
				if !rec.wrote {
					writeError(rec, &apiError{Status: http.StatusInternalServerError, Message: "internal error"})
				}
			}
			s.metrics.inFlight.Dec()
			s.metrics.requests.WithLabelValues(path, fmt.Sprint(rec.code)).Inc()
			s.metrics.latency.WithLabelValues(path).Observe(time.Since(start).Seconds())
		}()
		if s.cfg.Insecure {
			w.Header().Set("X-Retain-Auth", "disabled")
		}
		if auth && !s.authorised(r) {
			s.metrics.errors.WithLabelValues("unauthorized").Inc()
			w.Header().Set("WWW-Authenticate", `Bearer realm="retain"`)
			writeError(rec, &apiError{Status: http.StatusUnauthorized,
				Message: "missing or wrong bearer token (Authorization: Bearer <token from --token-file>)"})
			return
		}
		h(rec, r)
	})
}

// authorised compares the request's bearer token with the server's in
// constant time. It compares their SHA-256 digests, which have one length:
// subtle.ConstantTimeCompare returns at once on inputs of different
// lengths, which would let a client time its way to the token's length.
func (s *Server) authorised(r *http.Request) bool {
	if s.cfg.Insecure {
		return true
	}
	h := r.Header.Get("Authorization")
	const prefix = "bearer "
	if len(h) < len(prefix) || !strings.EqualFold(h[:len(prefix)], prefix) {
		return false
	}
	given, want := sha256.Sum256([]byte(strings.TrimSpace(h[len(prefix):]))), sha256.Sum256(*s.token.Load())
	return subtle.ConstantTimeCompare(given[:], want[:]) == 1
}

// statusWriter remembers the status code written.
type statusWriter struct {
	http.ResponseWriter
	code  int
	wrote bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.code, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// handlePredict scores the request's rows with the model current when it
// started.
//
// The body is read whole before the request takes a predict slot: a
// client sending its body slowly holds no slot, only its connection, for
// at most the read timeout, so it cannot keep other clients' requests
// from being scored. A body still takes no more than MaxBody bytes.
func (s *Server) handlePredict(w http.ResponseWriter, r *http.Request) {
	if bad := contentEncoding(w, r); bad != nil {
		s.refuse(w, bad)
		return
	}
	if r.ContentLength > s.cfg.MaxBody {
		// Declared too long: refused before a byte of it is read (and
		// the rest of it is not waited for).
		w.Header().Set("Connection", "close")
		s.refuse(w, jsonError(&http.MaxBytesError{Limit: s.cfg.MaxBody}))
		return
	}
	var held int64
	defer func() { s.bodies.Release(held) }()
	wait := s.newRoomWait()
	body, err := readBody(&timedBody{r: http.MaxBytesReader(w, r.Body, s.cfg.MaxBody), limit: s.cfg.ReadTimeout},
		r.ContentLength, s.chunk, func(n int64) error {
			if err := s.takeBody(r, wait, n); err != nil {
				return err
			}
			held += n
			return nil
		})
	switch {
	case errors.Is(err, errBodyBudget):
		if !s.cutOff(w, r) && r.Context().Err() == nil {
			w.Header().Set("Retry-After", "1")
			s.refuse(w, &apiError{Status: http.StatusServiceUnavailable, Kind: "busy",
				Message: bodyBudgetMessage(s.cfg.BodyMemory)})
		}
		return
	case err != nil:
		s.refuse(w, jsonError(err))
		return
	}
	if !s.acquire(w, r, wait) {
		return
	}
	defer func() { <-s.slots }()
	m := s.model.Load()
	// A row may carry every column of the training data: the inputs and
	// the columns the model ignores (besides an id and the label).
	var req *Request
	bad := errCancelled
	if r.Context().Err() == nil { // the client may have gone while it waited
		req, bad = decodeRequest(body, s.cfg.MaxRows, len(m.Bundle.Pipeline.Columns)+len(m.Bundle.Pipeline.Ignored))
	}
	var resp *Response
	if bad == nil {
		resp, bad = m.score(r.Context(), req)
	}
	if bad == errCancelled && s.cutOff(w, r) {
		return
	}
	if bad == errCancelled {
		// The client has gone: no one reads an answer; the status is
		// for the metrics (retain_api_requests_total{code="499"}).
		s.metrics.errors.WithLabelValues(bad.Kind).Inc()
		w.WriteHeader(bad.Status)
		return
	}
	if bad != nil {
		s.refuse(w, bad)
		return
	}
	s.metrics.rows.Add(float64(len(resp.Predictions)))
	if s.cfg.Pseudonym.Enabled() {
		for i := range resp.Predictions {
			if id := resp.Predictions[i].ID; id != "" {
				resp.Predictions[i].ID = s.cfg.Pseudonym.ID(id)
			}
		}
		w.Header().Set("X-Retain-Ids", "pseudonymised")
	}
	w.Header().Set("X-Retain-Model", m.ID)
	writeJSON(w, http.StatusOK, resp)
}

// refuse answers a predict request with bad, counting it; under
// --pseudonymise an e-mail address or phone number the client sent as a
// name is quoted as its pseudonym (Model.hideSent).
func (s *Server) refuse(w http.ResponseWriter, bad *apiError) {
	bad = s.model.Load().hideSent(bad)
	s.metrics.errors.WithLabelValues(bad.Kind).Inc()
	if bad.Status == http.StatusRequestTimeout {
		// The connection's read deadline has passed: it cannot carry
		// another request.
		w.Header().Set("Connection", "close")
	}
	writeError(w, bad)
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
		Handler:           ll.started(s.counted(s.mux)),
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
