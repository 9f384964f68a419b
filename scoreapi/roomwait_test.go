package scoreapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"
)

// errorMessage is the message of the JSON error rec holds.
func errorMessage(t testing.TB, rec *httptest.ResponseRecorder) string {
	t.Helper()
	var got struct {
		Error apiError `json:"error"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatalf("answer %q: %v", rec.Body, err)
	}
	return got.Error.Message
}

// TestRoomWaitShared: a request waited up to QueueWait for bytes of the
// body budget and then up to QueueWait again for a slot, twice the wait
// the README gives. The waits now share one QueueWait. The server's clock
// is a fake one that moves only when the test moves it, and QueueWait is
// an hour, so no real timer can fire: a request (B) finds the body budget
// held by a stalled request (A) and waits; while it waits, A finishes, the
// one slot is taken by hand and the clock moves on by spent. B must then
// wait for the slot with an hour less spent, or, when the hour is spent,
// be answered 503 at once naming the slots.
func TestRoomWaitShared(t *testing.T) {
	type waited struct {
		kind string
		left time.Duration
	}
	for _, c := range []struct {
		spent  time.Duration
		status int
		waits  []waited
	}{
		// 1 h - 20 min = 40 min left for the slot, which the test frees.
		{20 * time.Minute, http.StatusOK, []waited{{roomBody, time.Hour}, {roomSlot, 40 * time.Minute}}},
		// Nothing left: no wait for the slot.
		{time.Hour, http.StatusServiceUnavailable, []waited{{roomBody, time.Hour}}},
	} {
		t.Run(fmt.Sprint(c.spent), func(t *testing.T) {
			const maxBody = 1000
			s, _ := newTestServer(t, Config{MaxBody: maxBody, MaxInFlight: 1, BodyMemory: maxBody + 1, QueueWait: time.Hour})
			var mu sync.Mutex
			clock := time.Date(2026, 12, 5, 23, 0, 0, 0, time.UTC)
			s.now = func() time.Time {
				mu.Lock()
				defer mu.Unlock()
				return clock
			}
			body := `{"rows":[` + goodRow + `]}`
			// A takes the whole body budget (its first piece is the
			// 1,001-byte chunk: it gives no length) and stalls.
			stalled, slowA, doneA := sendStalled(s, body)
			var waits []waited
			s.waiting = func(kind string, left time.Duration) {
				waits = append(waits, waited{kind, left})
				switch kind {
				case roomBody:
					close(stalled.rest)
					<-doneA
					s.slots <- struct{}{}
					mu.Lock()
					clock = clock.Add(c.spent)
					mu.Unlock()
				case roomSlot:
					<-s.slots
				}
			}
			rec := call(t, s, http.MethodPost, "/v1/predict", testToken, body)
			if slowA.Code != http.StatusOK {
				t.Errorf("A: status %d, want 200 (%s)", slowA.Code, slowA.Body)
			}
			if !slices.Equal(waits, c.waits) {
				t.Errorf("B waited %v, want %v", waits, c.waits)
			}
			if rec.Code != c.status {
				t.Fatalf("B: status %d, want %d (%s)", rec.Code, c.status, rec.Body)
			}
			if c.status == http.StatusServiceUnavailable {
				want := "the server is at its limit of 1 request in flight; retry after 1 s"
				if got := errorMessage(t, rec); got != want || rec.Header().Get("Retry-After") != "1" {
					t.Errorf("B: message %q, Retry-After %q; want %q, 1", got, rec.Header().Get("Retry-After"), want)
				}
				<-s.slots
			}
			if len(s.slots) != 0 || !s.bodies.TryAcquire(maxBody+1) {
				t.Errorf("after both: %d slots taken, or the body budget not all given back", len(s.slots))
			}
		})
	}
}

// TestBodyBudgetMessage: the 503 of a spent body budget names the budget's
// total, not a size of each body (data.Bytes counts bytes below 1 KiB; 257
// MiB is the default, 16 × (16 MiB + 64 KiB)).
func TestBodyBudgetMessage(t *testing.T) {
	for budget, want := range map[int64]string{
		1001:                   "the server is at its limit of 1001 bytes for the request bodies it holds at once; retry after 1 s",
		16 * (16<<20 + 64<<10): "the server is at its limit of 257 MiB for the request bodies it holds at once; retry after 1 s",
	} {
		if got := bodyBudgetMessage(budget); got != want {
			t.Errorf("budget %d: %q, want %q", budget, got, want)
		}
	}
}
