package scoreapi

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestDrainCutsRequestsStillRunning stops a server while a request is
// being explained and ends the drain (the injected timer) before it
// finishes: the request is answered 503 (the server is shutting down) and
// Serve returns a *DrainError counting it. Before, Serve returned "shutting down:
// context deadline exceeded", retain api exited 130 as if interrupted and
// the client's connection was closed with no answer.
func TestDrainCutsRequestsStillRunning(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	ends := make(chan func(), 2)
	s.drainTimer = func(_ time.Duration, end func()) func() bool {
		ends <- end
		return func() bool { return true }
	}
	release, started := make(chan struct{}), make(chan struct{})
	var cutAt int
	s.drainCut = func(n int) {
		cutAt = n
		close(release)
	}
	var once sync.Once
	s.model.Load().explained = func(int) {
		once.Do(func() { close(started) })
		<-release
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	type answer struct {
		code int
		body string
		err  error
	}
	answers := make(chan answer, 1)
	go func() {
		body := `{"rows":[` + strings.Repeat(goodRow+",", 99) + goodRow + `],"explain":2}`
		req, _ := http.NewRequest(http.MethodPost, "http://"+ln.Addr().String()+"/v1/predict", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+testToken)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			answers <- answer{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		answers <- answer{resp.StatusCode, string(b), err}
	}()
	<-started
	stop()     // SIGTERM
	(<-ends)() // the drain ends with the request still running
	a := <-answers
	var e struct {
		Error struct{ Message string } `json:"error"`
	}
	if a.err != nil || a.code != http.StatusServiceUnavailable || json.Unmarshal([]byte(a.body), &e) != nil ||
		!strings.HasPrefix(e.Error.Message, "the server is shutting down") {
		t.Fatalf("answer %d %q (%v), want 503: the server is shutting down", a.code, a.body, a.err)
	}
	err = <-done
	var drain *DrainError
	if !errors.As(err, &drain) || drain.Cut != 1 || cutAt != 1 {
		t.Fatalf("Serve returned %v (cut %d), want a DrainError of 1 request", err, cutAt)
	}
	if want := "1 request still running after the 10s drain was cut off"; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %q, want it to start %q", err, want)
	}
}
