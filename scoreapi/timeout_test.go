package scoreapi

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestSlowBodyIs408: a body still arriving when the read timeout passed was
// a 400 whose message was the network's error, naming the server's and the
// client's sockets ("read tcp 127.0.0.1:18080->127.0.0.1:46860: i/o
// timeout"). It is a 408 in the API's error shape, saying what happened,
// and the connection is closed.
func TestSlowBodyIs408(t *testing.T) {
	const limit = 200 * time.Millisecond
	s, _ := newTestServer(t, Config{ReadTimeout: limit})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// The body promises 1000 bytes and sends 9: the rest never comes.
	fmt.Fprintf(conn, "POST /v1/predict HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n"+
		"Content-Length: 1000\r\n\r\n{\"rows\":[", testToken)
	// The server answers once its deadline passes; this one only keeps a
	// broken server from hanging the test.
	if err := conn.SetReadDeadline(time.Now().Add(30 * time.Second)); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer to a slow body: %v", err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestTimeout {
		t.Fatalf("status %d, want 408 (%s)", resp.StatusCode, raw)
	}
	want := `{"error":{"status":408,"message":"the request did not arrive within 200ms (the server's read timeout); ` +
		`send the body at once, or fewer rows per request"}}` + "\n"
	if string(raw) != want {
		t.Errorf("body\n%s want\n%s", raw, want)
	}
	if !resp.Close {
		t.Error("the 408 does not close the connection")
	}
	if line := `retain_api_errors_total{kind="timeout"} 1`; !strings.Contains(scrapeServer(t, s), line+"\n") {
		t.Errorf("/metrics lacks %q", line)
	}
}

// scrapeServer returns the server's metrics text.
func scrapeServer(t *testing.T, s *Server) string {
	t.Helper()
	return call(t, s, http.MethodGet, "/metrics", testToken, "").Body.String()
}
