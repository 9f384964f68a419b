package scoreapi

import (
	"context"
	"fmt"
	"net"
	"strings"
	"testing"
)

// TestServeAnswersOthersWhileOneAddressSendsBodiesSlowly (review36 #1):
// with MaxConns 4, a token holder at one address sends 4 predict requests
// whose headers are complete and whose bodies (of a announced 1,000,000
// bytes) stall after a few bytes; a health check from another address is
// still answered. Each slow request is known to be in its handler,
// reading its body, before the other client comes: over a pipe a write
// returns once read, and the second write of each is read only by the
// handler's body reader (the server reads nothing of a connection beyond
// its headers until the handler has read the body). Without the fix the
// connections stopped being pending with their headers, no place was
// made, and the health check waited, unanswered, for the 30 s read
// timeout of each (the test runs into go test's -timeout).
func TestServeAnswersOthersWhileOneAddressSendsBodiesSlowly(t *testing.T) {
	s, _ := newTestServer(t, Config{MaxConns: 4})
	s.pendingGrace = 0 // TestLimitConnsGivesHeadersAGrace tests it
	inner := newCountingListener()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, inner) }()
	var slow []net.Conn
	for range 4 {
		client, server := from(t, "10.0.0.1")
		inner.supply <- server
		head := fmt.Sprintf("POST /v1/predict HTTP/1.1\r\nHost: retain\r\nAuthorization: Bearer %s\r\n"+
			"Content-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{\"rows\":[", testToken)
		if _, err := fmt.Fprint(client, head); err != nil {
			t.Fatal(err)
		}
		// Read by the handler, reading the body.
		if _, err := fmt.Fprint(client, strings.Repeat(" ", 8)); err != nil {
			t.Fatal(err)
		}
		slow = append(slow, client)
	}
	client, server := from(t, "10.0.0.2")
	inner.supply <- server
	sendHealthz(t, client, "\r\n")
	answered(t, client)
	rec := call(t, s, "GET", "/metrics", testToken, "")
	if want := "retain_api_pending_connections_closed_total 1\n"; !strings.Contains(rec.Body.String(), want) {
		t.Errorf("/metrics lacks %q", want)
	}
	for _, c := range slow {
		c.Close()
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Serve: %v", err)
	}
}
