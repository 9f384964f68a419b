package scoreapi

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
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
	// P50, P99 and Max are latencies of the answered requests.
	P50, P99, Max time.Duration
	// Throughput is answered requests per second of Elapsed.
	Throughput float64
}

// String formats the figures on one line.
func (r LoadResult) String() string {
	return fmt.Sprintf("%d sent, %d ok, %d failed in %v: %.0f req/s, p50 %v, p99 %v, max %v", r.Sent, r.OK,
		r.Failed, r.Elapsed.Round(time.Millisecond), r.Throughput, r.P50.Round(time.Microsecond),
		r.P99.Round(time.Microsecond), r.Max.Round(time.Microsecond))
}

// Run sends the requests and measures them; client carries them (its
// transport should keep enough idle connections for the pace).
func (l Load) Run(ctx context.Context, client *http.Client) LoadResult {
	ctx, cancel := context.WithTimeout(ctx, l.Timeout)
	defer cancel()
	lat := make([]time.Duration, l.Count)
	ok := make([]bool, l.Count)
	var wg sync.WaitGroup
	start := time.Now()
	sent := 0
	if l.Rate > 0 {
		for i := range l.Count {
			due := start.Add(time.Duration(float64(i) / l.Rate * float64(time.Second)))
			if d := time.Until(due); d > 0 {
				select {
				case <-ctx.Done():
				case <-time.After(d):
				}
			}
			if ctx.Err() != nil {
				break
			}
			sent++
			wg.Go(func() { lat[i], ok[i] = l.send(ctx, client, due) })
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
					lat[i], ok[i] = l.send(ctx, client, time.Now())
				}
			})
		}
		wg.Wait()
		sent = min(next, l.Count)
	}
	wg.Wait()
	res := LoadResult{Sent: sent, Elapsed: time.Since(start)}
	var answered []time.Duration
	for i := range sent {
		if ok[i] {
			answered = append(answered, lat[i])
		}
	}
	res.OK, res.Failed = len(answered), sent-len(answered)
	if len(answered) > 0 {
		slices.Sort(answered)
		res.P50 = answered[(len(answered)-1)/2]
		res.P99 = answered[(len(answered)*99+99)/100-1]
		res.Max = answered[len(answered)-1]
		res.Throughput = float64(len(answered)) / res.Elapsed.Seconds()
	}
	return res
}

// send makes one request and returns its latency from due and whether it
// was answered 200.
func (l Load) send(ctx context.Context, client *http.Client, due time.Time) (time.Duration, bool) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, l.URL, bytes.NewReader(l.Body))
	if err != nil {
		return 0, false
	}
	req.Header.Set("Content-Type", "application/json")
	if l.Token != "" {
		req.Header.Set("Authorization", "Bearer "+l.Token)
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, false
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return time.Since(due), resp.StatusCode == http.StatusOK
}
