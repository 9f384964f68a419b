package scoreapi

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// TestLoadCountsFailuresByCause: api-bench said only "N failed". A run of
// six requests on one connection, answered 200, 503, 503, closed without
// an answer, 200 and 413, counts its four failures by cause, the most
// frequent first.
func TestLoadCountsFailuresByCause(t *testing.T) {
	var n atomic.Int32
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch n.Add(1) {
		case 2, 3:
			w.WriteHeader(http.StatusServiceUnavailable)
		case 4:
			c, _, err := http.NewResponseController(w).Hijack()
			if err != nil {
				t.Error(err)
				return
			}
			c.Close()
		case 6:
			w.WriteHeader(http.StatusRequestEntityTooLarge)
		}
	}))
	defer ts.Close()
	l := Load{URL: ts.URL, Body: []byte(`{}`), Workers: 1, Count: 6, Timeout: time.Minute}
	r := l.Run(context.Background(), ts.Client())
	if r.Sent != 6 || r.OK != 2 || r.Failed != 4 {
		t.Fatalf("%d sent, %d ok, %d failed; want 6, 2, 4", r.Sent, r.OK, r.Failed)
	}
	r.Elapsed, r.Throughput, r.P50, r.P99, r.Max = time.Second, 2, time.Millisecond, time.Millisecond, time.Millisecond
	want := "6 sent, 2 ok, 4 failed in 1s: 2 req/s, p50 1ms, p99 1ms, max 1ms; " +
		"failed: 2 HTTP 503, 1 HTTP 413, 1 connection closed before the answer"
	if got := r.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestFailureCauseNamesNoAddress: a refused connection and the run's
// bound are worded without the addresses and ports that would count each
// failure apart.
func TestFailureCauseNamesNoAddress(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	l := Load{URL: "http://" + addr + "/v1/predict", Body: []byte(`{}`), Workers: 1, Count: 1, Timeout: time.Minute}
	r := l.Run(context.Background(), &http.Client{})
	if want := map[string]int{"connection refused": 1}; len(r.Failures) != 1 || r.Failures["connection refused"] != 1 {
		t.Errorf("failures %v, want %v", r.Failures, want)
	}
	ctx, cancel := context.WithDeadline(context.Background(), time.Unix(0, 0))
	defer cancel()
	if got, want := failureCause(ctx, context.DeadlineExceeded, time.Minute), "not answered within the run's bound of 1m0s"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
