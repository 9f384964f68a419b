package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/retainlab/retain/internal/cpuclock"
	"github.com/retainlab/retain/scoreapi"
)

// apiBenchOptions are the flags of the hidden `retain api-bench`.
type apiBenchOptions struct {
	model, data      string
	requests, batch  int
	batchRequests    int
	rates            []float64
	timeout          time.Duration
	explain, workers int
}

func newAPIBenchCmd(a *app) *cobra.Command {
	o := &apiBenchOptions{}
	cmd := &cobra.Command{
		Use:    "api-bench --model FILE --data CSV",
		Short:  "Measure `retain api` on loopback with a Go load generator",
		Hidden: true,
		Long: `Start the scoring API in this process on 127.0.0.1 (with a token), then
measure single-row requests at each --rate, open-loop (latency from when each
request was due), and --batch-row requests closed-loop on --workers
connections. Bodies come from the first rows of --data. Bounded by
--requests per rate and --timeout per run.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return classify(runAPIBench(cmd.Context(), a, o))
		},
	}
	fs := cmd.Flags()
	fs.StringVarP(&o.model, "model", "m", "", "model bundle `FILE`")
	fs.StringVar(&o.data, "data", "", "comma-separated `CSV` with the model's columns")
	fs.IntVar(&o.requests, "requests", 5000, "single-row requests per rate")
	fs.Float64SliceVar(&o.rates, "rate", []float64{500, 2000}, "open-loop paces in requests/s")
	fs.IntVar(&o.batch, "batch-rows", 1000, "rows of each batch request")
	fs.IntVar(&o.batchRequests, "batch-requests", 100, "batch requests")
	fs.IntVar(&o.workers, "workers", 2, "connections of the batch run")
	fs.IntVar(&o.explain, "explain", 0, "reasons asked for in every request")
	fs.DurationVar(&o.timeout, "timeout", time.Minute, "bound of each run")
	_ = cmd.MarkFlagRequired("model")
	_ = cmd.MarkFlagRequired("data")
	_ = cmd.MarkFlagFilename("model", "json")
	_ = cmd.MarkFlagFilename("data", "csv")
	return cmd
}

func runAPIBench(ctx context.Context, a *app, o *apiBenchOptions) error {
	if o.requests <= 0 || o.batch <= 0 || o.batchRequests <= 0 || o.workers <= 0 || o.timeout <= 0 {
		return usageError(errors.New("api-bench: counts and --timeout must be positive"))
	}
	const token = "api-bench-token"
	srv, err := scoreapi.New(o.model, scoreapi.Config{Token: []byte(token), MaxRows: o.batch, Poll: -1})
	if err != nil {
		return err
	}
	raw, err := readAll(a, o.data)
	if err != nil {
		return err
	}
	rows, err := scoreapi.RowsFromCSV(bytes.NewReader(raw), srv.Model().Bundle.Pipeline)
	if err != nil {
		return usageError(fmt.Errorf("%s: %w", o.data, err))
	}
	if len(rows) == 0 {
		return usageError(fmt.Errorf("%s: no rows", o.data))
	}
	body := func(n int) ([]byte, error) {
		batch := make([]map[string]any, n)
		for i := range batch {
			batch[i] = rows[i%len(rows)]
		}
		return json.Marshal(scoreapi.Request{Rows: batch, Explain: o.explain})
	}
	single, err := body(1)
	if err != nil {
		return err
	}
	big, err := body(o.batch)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	sctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(sctx, ln) }()
	defer func() { stop(); <-done }()
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: 4096, MaxIdleConnsPerHost: 4096}}
	url := "http://" + ln.Addr().String() + "/v1/predict"
	fmt.Fprintf(a.stdout, "retain api-bench: model %s, %s, GOMAXPROCS %d, %s\n", srv.Model().ID, o.data,
		runtime.GOMAXPROCS(0), runtime.Version())
	warm := scoreapi.Load{URL: url, Token: token, Body: single, Workers: 1, Count: 200, Timeout: o.timeout}
	warm.Run(ctx, client)
	for _, rate := range o.rates {
		l := scoreapi.Load{URL: url, Token: token, Body: single, Rate: rate, Count: o.requests, Timeout: o.timeout}
		cpu := cpuclock.Process()
		r := l.Run(ctx, client)
		fmt.Fprintf(a.stdout, "single row, open loop at %.0f req/s: %v; %s\n", rate, r, cpuPer(cpuclock.Process()-cpu, r))
	}
	l := scoreapi.Load{URL: url, Token: token, Body: big, Workers: o.workers, Count: o.batchRequests, Timeout: o.timeout}
	cpu := cpuclock.Process()
	r := l.Run(ctx, client)
	fmt.Fprintf(a.stdout, "%d-row batches, closed loop on %d connections: %v (%.0f rows/s; body %d bytes); %s\n",
		o.batch, o.workers, r, r.Throughput*float64(o.batch), len(big), cpuPer(cpuclock.Process()-cpu, r))
	return ctx.Err()
}

// cpuPer says how much CPU time (server and load generator together) each
// request of r took: what the figures would need on an idle machine.
func cpuPer(cpu time.Duration, r scoreapi.LoadResult) string {
	if cpu <= 0 || r.Sent == 0 {
		return "CPU time not measured"
	}
	return fmt.Sprintf("CPU %v per request (server + load generator)", (cpu / time.Duration(r.Sent)).Round(time.Microsecond))
}
