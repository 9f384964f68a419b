package scoreapi

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Load describes one run of the load generator.
type Load struct {
	// URL is the /v1/predict address; Token the bearer token ("" sends
	// none); Body the request body every request sends.
	URL, Token string
	Body       []byte
	// Rate is the open-loop pace in requests per second: request i is due
	// at start + i/Rate, whether or not earlier ones have been answered,
	// and its latency counts from when it was due (so a stalled server
	// shows in the figures instead of slowing the generator down). Zero
	// runs closed-loop: Workers requests in flight, each sent when the
	// previous one is answered.
	Rate    float64
	Workers int
	// Count bounds the requests; Timeout the whole run (requests not
	// answered by then count as failed).
	Count   int
	Timeout time.Duration
}

// LoadResult are the figures of a run.
type LoadResult struct {
	Sent, OK, Failed int
	// Elapsed runs from the first request's start to the last answer.
	Elapsed time.Duration
	// P50, P99 and Max are latencies of the answered requests, counted
	// from when each was due (open loop) or sent (closed loop).
	P50, P99, Max time.Duration
	// SentP50 and SentP99 count the same latencies from when the request
	// actually left the generator, and LagP99 is the 99th percentile of how
	// late the generator sent them (its timer wakes up to a millisecond
	// late, and a busy machine delays it further): the service's own share
	// of the latency is the "sent" figure, the user's wait the first.
	SentP50, SentP99, LagP99 time.Duration
	// Throughput is answered requests per second of Elapsed.
	Throughput float64
	// Paced is true for an open-loop run (Load.Rate > 0); a closed-loop run
	// sends each request when it is due, so its "sent" figures are the
	// same as the others and String leaves them out.
	Paced bool
	// Failures counts the failed requests by cause: "HTTP 503", "not
	// answered within the run's bound of 1m0s", "connection refused", …
	// (see failureCause).
	Failures map[string]int
}

// String formats the figures on one line.
func (r LoadResult) String() string {
	us := func(d time.Duration) time.Duration { return d.Round(time.Microsecond) }
	line := fmt.Sprintf("%d sent, %d ok, %d failed in %v: %.0f req/s, p50 %v, p99 %v, max %v",
		r.Sent, r.OK, r.Failed, r.Elapsed.Round(time.Millisecond), r.Throughput, us(r.P50), us(r.P99), us(r.Max))
	if r.Paced {
		line += fmt.Sprintf("; from sending: p50 %v, p99 %v (sender late by %v at p99)", us(r.SentP50), us(r.SentP99), us(r.LagP99))
	}
	if len(r.Failures) == 0 {
		return line
	}
	// The most frequent cause first; causes of one count by name.
	causes := slices.Collect(maps.Keys(r.Failures))
	slices.SortFunc(causes, func(a, b string) int {
		return cmp.Or(cmp.Compare(r.Failures[b], r.Failures[a]), strings.Compare(a, b))
	})
	for i, c := range causes {
		causes[i] = fmt.Sprintf("%d %s", r.Failures[c], c)
	}
	return line + "; failed: " + strings.Join(causes, ", ")
}

// Run sends the requests and measures them; client carries them (its
// transport should keep enough idle connections for the pace).
func (l Load) Run(ctx context.Context, client *http.Client) LoadResult {
	ctx, cancel := context.WithTimeout(ctx, l.Timeout)
	defer cancel()
	lat := make([]time.Duration, l.Count)
	lag := make([]time.Duration, l.Count)
	ok := make([]bool, l.Count)
	// why is each failed request's cause ("" for one answered 200).
	why := make([]string, l.Count)
	var wg sync.WaitGroup
	start := time.Now()
	sent := 0
	if l.Rate > 0 {
		// Yield-waiting the last millisecond keeps the pace exact; above
		// 1,000 requests/s it would keep a core busy, so the timer alone
		// paces and the lateness shows in LagP99.
		spin := l.Rate <= 1000
		for i := range l.Count {
			due := start.Add(time.Duration(float64(i) / l.Rate * float64(time.Second)))
			waitUntil(ctx, due, spin)
			if ctx.Err() != nil {
				break
			}
			sent++
			wg.Go(func() { lat[i], lag[i], why[i] = l.send(ctx, client, due) })
		}
	} else {
		var mu sync.Mutex
		next := 0
		for range max(l.Workers, 1) {
			wg.Go(func() {
				for {
					mu.Lock()
					i := next
					next++
					mu.Unlock()
					if i >= l.Count || ctx.Err() != nil {
						return
					}
					lat[i], lag[i], why[i] = l.send(ctx, client, time.Now())
				}
			})
		}
		wg.Wait()
		sent = min(next, l.Count)
	}
	wg.Wait()
	res := LoadResult{Sent: sent, Elapsed: time.Since(start), Paced: l.Rate > 0}
	var answered, fromSend, late []time.Duration
	for i := range sent {
		ok[i] = why[i] == ""
		if !ok[i] {
			if res.Failures == nil {
				res.Failures = map[string]int{}
			}
			res.Failures[why[i]]++
		}
		if ok[i] {
			answered = append(answered, lat[i])
			fromSend = append(fromSend, lat[i]-lag[i])
			late = append(late, lag[i])
		}
	}
	res.OK, res.Failed = len(answered), sent-len(answered)
	if len(answered) > 0 {
		res.P50, res.P99, res.Max = quantile(answered, 50), quantile(answered, 99), quantile(answered, 100)
		res.SentP50, res.SentP99 = quantile(fromSend, 50), quantile(fromSend, 99)
		res.LagP99 = quantile(late, 99)
		res.Throughput = float64(len(answered)) / res.Elapsed.Seconds()
	}
	return res
}

// quantile sorts d and returns its q-th percentile (nearest rank; d must
// not be empty).
func quantile(d []time.Duration, q int) time.Duration {
	slices.Sort(d)
	return d[(len(d)*q+99)/100-1]
}

// waitUntil returns at due (or when ctx ends). Go's timers wake up to a
// millisecond late, which would add that much to every open-loop latency,
// so with spin the last millisecond is waited by yielding the processor in
// a loop: the generator keeps its pace at the cost of some CPU.
func waitUntil(ctx context.Context, due time.Time, spin bool) {
	early := time.Duration(0)
	if spin {
		early = time.Millisecond
	}
	if d := time.Until(due) - early; d > 0 {
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
		case <-t.C:
		}
		t.Stop()
	}
	for ctx.Err() == nil && time.Now().Before(due) {
		runtime.Gosched()
	}
}

// send makes one request and returns its latency from due, how late after
// due it was sent, and why it failed ("" when it was answered 200).
func (l Load) send(ctx context.Context, client *http.Client, due time.Time) (time.Duration, time.Duration, string) {
	lag := max(time.Since(due), 0)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, l.URL, bytes.NewReader(l.Body))
	if err != nil {
		return 0, 0, err.Error()
	}
	req.Header.Set("Content-Type", "application/json")
	if l.Token != "" {
		req.Header.Set("Authorization", "Bearer "+l.Token)
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, 0, failureCause(ctx, err, l.Timeout)
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	switch {
	case resp.StatusCode != http.StatusOK:
		return 0, 0, fmt.Sprintf("HTTP %d", resp.StatusCode)
	case err != nil:
		return 0, 0, failureCause(ctx, err, l.Timeout)
	}
	return time.Since(due), lag, ""
}

// failureCause words why a request got no answer, in words that do not
// depend on the connection (no addresses or ports), so that failures of one
// cause count together.
func failureCause(ctx context.Context, err error, timeout time.Duration) string {
	var op *net.OpError
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return fmt.Sprintf("not answered within the run's bound of %v", timeout)
	case errors.Is(err, context.Canceled):
		return "cancelled"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, syscall.ECONNRESET):
		return "connection reset by the server"
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return "no local port free to connect from"
	case errors.Is(err, syscall.EMFILE):
		return "too many open files"
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "connection closed before the answer"
	case errors.As(err, &op):
		return fmt.Sprintf("%s: %v", op.Op, op.Err)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return err.Error()
}
