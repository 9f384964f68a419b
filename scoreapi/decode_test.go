package scoreapi

import (
	"net/http"
	"runtime"
	"strings"
	"testing"
)

// TestManyTinyRowsAreCountedNotBuilt sends the most rows a body can hold,
// "{}" after "{}": the 413 must come without a map built per row. Built,
// a 16 MB body of them held 870 MB, and --max-inflight of them at once
// could exhaust the server's memory.
func TestManyTinyRowsAreCountedNotBuilt(t *testing.T) {
	const rows = 200_000
	body := `{"rows":[` + strings.Repeat(`{},`, rows-1) + `{}]}`
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	req, bad := decodeRequest(strings.NewReader(body), 10)
	runtime.ReadMemStats(&after)
	if req != nil || bad == nil || bad.Status != http.StatusRequestEntityTooLarge {
		t.Fatalf("%d rows with a limit of 10: %v, %+v; want a 413", rows, req, bad)
	}
	if want := "200000 rows: at most 10 per request (--max-rows)"; bad.Message != want {
		t.Errorf("message %q, want %q", bad.Message, want)
	}
	// The body is read and kept whole (and copied, as its rows are
	// parsed): a few times its size, never tens.
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%d bytes allocated for a %d-byte body", alloc, len(body))
	if alloc > uint64(10*len(body)) {
		t.Errorf("refusing a %d-byte body of %d rows allocated %d bytes (%.0f× the body)",
			len(body), rows, alloc, float64(alloc)/float64(len(body)))
	}
}
