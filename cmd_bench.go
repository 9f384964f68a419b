package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// benchOptions are the flags of `retain bench`.
type benchOptions struct {
	src     sourceFlags
	cfg     configFlags
	batches []int
	runs    int
	minTime time.Duration
	json    bool
}

func newBenchCmd(a *app) *cobra.Command {
	o := &benchOptions{}
	cmd := &cobra.Command{
		Use:   "bench [flags]",
		Short: "Measure training throughput (samples per second) at several batch sizes",
		Long: `Measure how many training samples per second the engine processes on the
built-in data (or --data), at each batch size. Each run trains whole epochs for
at least --min-time; the figure reported is the median over --runs runs, after
one warm-up run.`,
		Example: `  retain bench
  retain bench --batch-sizes 32,256,1024 --runs 7 --json
  retain bench --workers 1    # one core, for the ratio to the default`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if name := firstGiven(cmd.Flags().Changed, benchIgnored...); name != "" {
				return usageError(benchIgnoredError(name))
			}
			return classify(runBench(cmd.Context(), a, o))
		},
	}
	o.src.register(cmd, true)
	o.cfg.register(cmd)
	fs := cmd.Flags()
	fs.IntSliceVar(&o.batches, "batch-sizes", []int{32, 256, 1024}, "batch sizes to measure")
	fs.IntVar(&o.runs, "runs", 5, "measured runs per batch size (the median is reported)")
	fs.DurationVar(&o.minTime, "min-time", 500*time.Millisecond, "least training time of one run")
	fs.BoolVar(&o.json, "json", false, "print the results as one JSON document")
	// Training-length and split flags mean nothing here: bench trains on
	// every row for as long as --min-time says.
	for _, name := range benchIgnored {
		_ = fs.MarkHidden(name)
	}
	return cmd
}

// benchIgnored are the training flags bench has no use for; given, they are
// refused rather than ignored.
var benchIgnored = []string{"batch", "epochs", "early-stop", "val", "test", "threshold", "calibration", "calib"}

// benchIgnoredError says why flag does not apply to bench.
func benchIgnoredError(flag string) error {
	if flag == "batch" {
		return errors.New("--batch does not apply to bench: give the batch sizes to measure with --batch-sizes")
	}
	if flag == "calibration" || flag == "calib" {
		return fmt.Errorf("--%s does not apply to bench: it measures training speed, and calibrates nothing", flag)
	}
	return fmt.Errorf("--%s does not apply to bench: it trains on every row for --min-time", flag)
}

// benchRow is one batch size's result.
type benchRow struct {
	Batch int `json:"batch"`
	// Workers is how many workers computed each batch's gradient.
	Workers       int       `json:"workers"`
	SamplesPerSec float64   `json:"samples_per_sec"`
	Runs          []float64 `json:"runs_samples_per_sec"`
}

// benchResult is the JSON document of `retain bench --json`.
type benchResult struct {
	Source    experiment.Source   `json:"source"`
	Network   engine.Architecture `json:"network"`
	Optimizer string              `json:"optimizer"`
	TrainRows int                 `json:"train_rows"`
	// Processor names the processor: model name, family and model, AVX-512.
	Processor string     `json:"processor"`
	Results   []benchRow `json:"results"`
}

func runBench(ctx context.Context, a *app, o *benchOptions) error {
	src, err := o.src.source()
	if err != nil {
		return err
	}
	o.cfg.val, o.cfg.test, o.cfg.earlyStop = 0, 0, 0
	cfg, err := o.cfg.config()
	if err != nil {
		return err
	}
	if !o.cfg.calibFlag.Changed {
		cfg.CalibFrac = 0 // throughput is measured on all the training rows
	}
	if o.runs < 1 || o.minTime <= 0 || len(o.batches) == 0 {
		return usageError(fmt.Errorf("bench needs --runs ≥ 1, --min-time > 0 and at least one batch size"))
	}
	for _, b := range o.batches {
		if b < 1 {
			return usageError(fmt.Errorf("--batch-sizes: %d is not a batch size", b))
		}
	}
	d, err := a.load(src)
	if err != nil {
		return err
	}
	res := benchResult{Source: d.Source, Optimizer: cfg.Train.Optimizer.Kind, Processor: processorDescription()}
	live := a.isTerminal(a.stderr)
	for _, b := range o.batches {
		row := benchRow{Batch: b}
		if !live {
			fmt.Fprintf(a.stderr, "batch %d: %d runs\n", b, o.runs)
		}
		for run := range o.runs + 1 {
			if live {
				fmt.Fprintf(a.stderr, "\r\x1b[Kbatch %d: run %d/%d", b, run, o.runs)
			}
			sps, e, err := benchRun(ctx, d, cfg, b, o.minTime)
			if err != nil {
				if live {
					fmt.Fprintln(a.stderr)
				}
				return withDivergedHint(err, fmt.Sprintf("%s: batch %d", d.Source.Describe(), b), " (try a lower --lr)")
			}
			res.Network, res.TrainRows, row.Workers = e.Architecture(), e.Train.Rows, e.Trainer.Workers()
			if run > 0 { // run 0 warms caches and the CPU clock up
				row.Runs = append(row.Runs, sps)
			}
		}
		if live {
			fmt.Fprint(a.stderr, "\r\x1b[K")
		}
		row.SamplesPerSec = median(row.Runs)
		res.Results = append(res.Results, row)
	}
	if o.json {
		return writeJSON(a.stdout, res)
	}
	fmt.Fprintf(a.stdout, "Training throughput on %s: %s training rows\n", d.Source.Describe(), data.Thousands(res.TrainRows))
	runs := fmt.Sprintf("median of %d runs", o.runs)
	if o.runs == 1 {
		runs = "1 run"
	}
	fmt.Fprintf(a.stdout, "Network %s, %s; %s of at least %s\n",
		describeNetwork(res.Network), res.Optimizer, runs, o.minTime)
	fmt.Fprintf(a.stdout, "Processor: %s\n", res.Processor)
	tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "batch\tworkers\tsamples/s\tslowest\tfastest\t\n")
	for _, r := range res.Results {
		fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\t\n", r.Batch, r.Workers, data.Thousands(int(r.SamplesPerSec)),
			data.Thousands(int(slices.Min(r.Runs))), data.Thousands(int(slices.Max(r.Runs))))
	}
	return tw.Flush()
}

// benchRun trains whole epochs at the given batch size until minTime has
// passed and returns the samples per second.
func benchRun(ctx context.Context, d *experiment.Data, cfg experiment.Config, batch int, minTime time.Duration) (float64, *experiment.Experiment, error) {
	cfg.Train.BatchSize = batch
	cfg.Train.Epochs = 1 << 30 // the loop below decides when to stop
	e, err := experiment.New(d, cfg)
	if err != nil {
		return 0, nil, err
	}
	start := time.Now()
	epochs := 0
	for time.Since(start) < minTime {
		if err := e.Trainer.TrainEpoch(ctx); err != nil {
			return 0, nil, err
		}
		epochs++
	}
	return float64(epochs*e.Train.Rows) / time.Since(start).Seconds(), e, nil
}

// median returns the middle value (the mean of the two middle ones for an
// even count).
func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
