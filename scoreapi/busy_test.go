package scoreapi

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"
)

// TestBusyAnswers503 fills every predict slot by hand (as requests being
// scored would) and checks that one more request waits QueueWait and is
// then told to retry, while health checks still answer; once a slot frees
// up the same request is scored.
func TestBusyAnswers503(t *testing.T) {
	s, _ := newTestServer(t, Config{MaxInFlight: 2, QueueWait: time.Millisecond})
	s.slots <- struct{}{}
	s.slots <- struct{}{}
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
	if want := "2 requests are being scored, the most at once; retry shortly"; got.Error.Message != want {
		t.Errorf("message %q, want %q", got.Error.Message, want)
	}
	if rec := call(t, s, http.MethodGet, "/healthz", "", ""); rec.Code != http.StatusOK {
		t.Errorf("/healthz while busy: %d", rec.Code)
	}
	<-s.slots
	if rec := call(t, s, http.MethodPost, "/v1/predict", testToken, body); rec.Code != http.StatusOK {
		t.Fatalf("status %d with a slot free, want 200 (%s)", rec.Code, rec.Body)
	}
	if len(s.slots) != 1 {
		t.Errorf("%d slots taken after the request, want the 1 held by hand", len(s.slots))
	}
}
