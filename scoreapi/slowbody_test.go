package scoreapi

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// stalledBody sends the start of a request body, says so on started, and
// sends nothing more until rest is closed; then it sends tail.
type stalledBody struct {
	head, tail string
	started    chan struct{}
	rest       chan struct{}
	phase      int
}

func (b *stalledBody) Read(p []byte) (int, error) {
	switch b.phase {
	case 0:
		b.phase++
		close(b.started)
		return copy(p, b.head), nil
	case 1:
		<-b.rest
		b.phase++
		return copy(p, b.tail), nil
	}
	return 0, io.EOF
}

// TestStalledBodyHoldsNoSlot: a request took its predict slot before it
// read its body, so a client sending its body slowly held the slot for up
// to the read timeout, and with every slot so held no other request was
// scored (each waited QueueWait, then got a 503). The body is now read
// first: with one slot, a request whose body has stalled halfway lets
// another be scored at once, and is itself scored once its body arrives.
func TestStalledBodyHoldsNoSlot(t *testing.T) {
	s, _ := newTestServer(t, Config{MaxInFlight: 1, QueueWait: time.Millisecond})
	body := `{"rows":[` + goodRow + `]}`
	stalled := &stalledBody{head: body[:10], tail: body[10:], started: make(chan struct{}), rest: make(chan struct{})}
	req := httptest.NewRequest(http.MethodPost, "/v1/predict", stalled)
	req.Header.Set("Authorization", "Bearer "+testToken)
	slow := httptest.NewRecorder()
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.Handler().ServeHTTP(slow, req)
	}()
	<-stalled.started
	if rec := call(t, s, http.MethodPost, "/v1/predict", testToken, body); rec.Code != http.StatusOK {
		close(stalled.rest)
		<-done
		t.Fatalf("status %d while another request's body is stalled, want 200 (%s)", rec.Code, rec.Body)
	}
	close(stalled.rest)
	<-done
	if slow.Code != http.StatusOK {
		t.Errorf("the stalled request, once its body arrived: status %d, want 200 (%s)", slow.Code, slow.Body)
	}
	if len(s.slots) != 0 {
		t.Errorf("%d slots taken after both requests, want 0", len(s.slots))
	}
}
