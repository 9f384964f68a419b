package scoreapi

import (
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
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

// sendStalled starts a predict request of body on s whose body stalls after
// its first 10 bytes, and returns once they have been read: closing
// stalled.rest sends the rest; done closes when the request has been
// answered, in slow.
func sendStalled(s *Server, body string) (stalled *stalledBody, slow *httptest.ResponseRecorder, done chan struct{}) {
	stalled = &stalledBody{head: body[:10], tail: body[10:], started: make(chan struct{}), rest: make(chan struct{})}
	req := httptest.NewRequest(http.MethodPost, "/v1/predict", stalled)
	req.Header.Set("Authorization", "Bearer "+testToken)
	slow = httptest.NewRecorder()
	done = make(chan struct{})
	go func() {
		defer close(done)
		s.Handler().ServeHTTP(slow, req)
	}()
	<-stalled.started
	return stalled, slow, done
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
	stalled, slow, done := sendStalled(s, body)
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

// TestBodyMemoryBounded: bodies are read before a request takes a slot, so
// the slots no longer bound the memory the bodies being read hold; the
// budget does. With room for one body, a second request whose body arrives
// while the first's has stalled gets a 503 naming the budget, with
// Retry-After; once the first finishes every byte is given back and the
// next request is scored.
func TestBodyMemoryBounded(t *testing.T) {
	const maxBody = 1000
	s, _ := newTestServer(t, Config{MaxBody: maxBody, MaxInFlight: 4, BodyMemory: maxBody + 1, QueueWait: time.Millisecond})
	body := `{"rows":[` + goodRow + `]}`
	stalled, slow, done := sendStalled(s, body)
	rec := call(t, s, http.MethodPost, "/v1/predict", testToken, body)
	close(stalled.rest)
	<-done
	// 1001 bytes (data.Bytes writes no separator): the chunk of a 1,000-byte
	// limit, MaxBody + 1.
	want := "the server is at its limit of 1001 bytes for the request bodies it holds at once; retry after 1 s"
	if got := errorMessage(t, rec); rec.Code != http.StatusServiceUnavailable || got != want || rec.Header().Get("Retry-After") != "1" {
		t.Errorf("with the budget held: status %d, Retry-After %q, message %q; want 503, 1 and %q",
			rec.Code, rec.Header().Get("Retry-After"), got, want)
	}
	if slow.Code != http.StatusOK {
		t.Errorf("the request holding the budget: status %d, want 200 (%s)", slow.Code, slow.Body)
	}
	if rec := call(t, s, http.MethodPost, "/v1/predict", testToken, body); rec.Code != http.StatusOK {
		t.Errorf("after both: status %d, want 200 (%s)", rec.Code, rec.Body)
	}
	if !s.bodies.TryAcquire(maxBody + 1) {
		t.Error("the body budget was not all given back")
	}
}

// TestReadBodyPieces: readBody's pieces follow the bytes that arrive — a
// first of length + 1 bytes for a body that gives its length, else 4 KiB,
// each next one twice the one before, none over the largest — and the
// bytes read back are the body's. The sizes are worked out by hand for a
// 20,000-byte body and a largest piece of 16 KiB.
func TestReadBodyPieces(t *testing.T) {
	long := strings.Repeat("0123456789", 2000)
	for _, c := range []struct {
		body   string
		length int64
		want   []int64
	}{
		// 20,001 capped at 16,384, full; then 3,616 bytes in another 16,384.
		{long, int64(len(long)), []int64{16 << 10, 16 << 10}},
		// 4,096 + 8,192 full, the rest (7,712) in 16,384.
		{long, -1, []int64{4 << 10, 8 << 10, 16 << 10}},
		{"01234", 5, []int64{6}},
		{"", 0, []int64{1}},
	} {
		var took []int64
		r, err := readBody(strings.NewReader(c.body), c.length, 16<<10, func(n int64) error {
			took = append(took, n)
			return nil
		})
		if err != nil {
			t.Fatalf("length %d: %v", c.length, err)
		}
		got, _ := io.ReadAll(r)
		if string(got) != c.body || !slices.Equal(took, c.want) {
			t.Errorf("length %d: read back %d bytes of %d, pieces %v; want pieces %v", c.length, len(got), len(c.body), took, c.want)
		}
	}
}
