package scoreapi

import (
	"context"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
)

// TestCancelledRequestStopsScoring cancels a predict request's context
// (as net/http does when its client goes) while its rows are being
// explained, and checks that the handler returns without explaining the
// rest, frees its predict slot and is counted as cancelled.
//
// Before 6 December 2026 scoring took no context: the request was scored
// and explained to its end (all 2,000 rows, status 200) and held its slot
// all that time, so 16 abandoned 10,000-row requests kept every other
// client out for over a minute.
func TestCancelledRequestStopsScoring(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	const rows = 2000
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var explained atomic.Int64
	m := s.model.Load()
	m.explained = func(int) {
		if explained.Add(1) == 1 {
			cancel() // the client goes once the first row is explained
		}
	}
	body := `{"rows":[` + strings.Repeat(goodRow+",", rows-1) + goodRow + `],"explain":2}`
	req := httptest.NewRequest(http.MethodPost, "/v1/predict", strings.NewReader(body)).WithContext(ctx)
	req.Header.Set("Authorization", "Bearer "+testToken)
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req) // returns: the handler has finished
	if rec.Code != 499 {
		t.Errorf("status %d, want 499 (cancelled)", rec.Code)
	}
	// Each worker explains at most checkEvery rows between two looks at
	// the context, so at most workers×checkEvery after the first.
	workers := runtime.GOMAXPROCS(0)
	if n := explained.Load(); n > int64(1+workers*checkEvery) {
		t.Errorf("%d of %d rows explained after the cancel at the first, want at most 1+%d×%d", n, rows, workers, checkEvery)
	}
	if len(s.slots) != 0 {
		t.Errorf("%d predict slots held after the handler returned, want 0", len(s.slots))
	}
	got := scrapeServer(t, s)
	for _, line := range []string{`retain_api_errors_total{kind="cancelled"} 1`,
		`retain_api_requests_total{code="499",path="/v1/predict"} 1`} {
		if !strings.Contains(got, line+"\n") {
			t.Errorf("metrics lack %q", line)
		}
	}
}

// TestCancelledBeforeScoring checks that a request whose context has
// ended by the time it holds a slot is not scored at all.
func TestCancelledBeforeScoring(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req, err := decodeRequest(strings.NewReader(`{"rows":[`+goodRow+`],"explain":1}`), 10, 24)
	if err != nil {
		t.Fatal(err.Message)
	}
	if _, bad := s.model.Load().score(ctx, req); bad != errCancelled {
		t.Errorf("score after the cancel gave %v, want errCancelled", bad)
	}
}
