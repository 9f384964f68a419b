package scoreapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"
)

// TestBusyAnswers503 fills every predict slot by hand (as requests being
// scored would) and checks that one more request waits QueueWait and is
// then told to retry, in a message whose noun agrees with the count, while
// health checks still answer; once a slot frees up the same request is
// scored.
func TestBusyAnswers503(t *testing.T) {
	for _, c := range []struct {
		slots int
		want  string
	}{
		{1, "the server is at its limit of 1 request in flight; retry after 1 s"},
		{2, "the server is at its limit of 2 requests in flight; retry after 1 s"},
	} {
		t.Run(fmt.Sprint(c.slots), func(t *testing.T) {
			s, _ := newTestServer(t, Config{MaxInFlight: c.slots, QueueWait: time.Millisecond})
			for range c.slots {
				s.slots <- struct{}{}
			}
			body := `{"rows":[` + goodRow + `]}`
			rec := call(t, s, http.MethodPost, "/v1/predict", testToken, body)
			if rec.Code != http.StatusServiceUnavailable {
				t.Fatalf("status %d with every slot taken, want 503 (%s)", rec.Code, rec.Body)
			}
			if got := rec.Header().Get("Retry-After"); got != "1" {
				t.Errorf("Retry-After %q, want 1", got)
			}
			var got struct{ Error apiError }
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			if got.Error.Message != c.want {
				t.Errorf("message %q, want %q", got.Error.Message, c.want)
			}
			if rec := call(t, s, http.MethodGet, "/healthz", "", ""); rec.Code != http.StatusOK {
				t.Errorf("/healthz while busy: %d", rec.Code)
			}
			<-s.slots
			if rec := call(t, s, http.MethodPost, "/v1/predict", testToken, body); rec.Code != http.StatusOK {
				t.Fatalf("status %d with a slot free, want 200 (%s)", rec.Code, rec.Body)
			}
			if len(s.slots) != c.slots-1 {
				t.Errorf("%d slots taken after the request, want the %d held by hand", len(s.slots), c.slots-1)
			}
		})
	}
}
