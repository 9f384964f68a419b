package scoreapi

import (
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"net/http"
	"strings"
	"time"
)

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
