package scoreapi

import (
	"testing"
	"time"
)

// TestLoadResultStringShowsSendingFiguresOnlyWhenPaced checks the one-line
// summary: a closed-loop run sends each request when it is due, so its
// from-sending figures repeat the others and are left out; an open-loop run
// shows them and the sender's lateness.
func TestLoadResultStringShowsSendingFiguresOnlyWhenPaced(t *testing.T) {
	r := LoadResult{Sent: 10, OK: 9, Failed: 1, Elapsed: 2 * time.Second, Throughput: 4.5,
		P50: 1500 * time.Microsecond, P99: 3 * time.Millisecond, Max: 4 * time.Millisecond,
		SentP50: time.Millisecond, SentP99: 2 * time.Millisecond, LagP99: 700 * time.Microsecond}
	want := "10 sent, 9 ok, 1 failed in 2s: 4 req/s, p50 1.5ms, p99 3ms, max 4ms"
	if got := r.String(); got != want {
		t.Errorf("closed loop:\n got %q\nwant %q", got, want)
	}
	r.Paced = true
	want += "; from sending: p50 1ms, p99 2ms (sender late by 700µs at p99)"
	if got := r.String(); got != want {
		t.Errorf("open loop:\n got %q\nwant %q", got, want)
	}
}
