package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"runtime"
	"strconv"
	"sync"

	"github.com/spf13/cobra"

	"github.com/retainlab/retain/experiment"
)

// predictOptions are the flags of `retain predict`.
type predictOptions struct {
	model, data string
	explain     int
}

func newPredictCmd(a *app) *cobra.Command {
	o := &predictOptions{}
	cmd := &cobra.Command{
		Use:   "predict --model FILE --data FILE [--explain N]",
		Short: "Score users with a saved model (CSV on stdout)",
		Long: `Score every row of a per-user CSV with a saved model and print one CSV line per
user: id, probability of the positive class, and the predicted class at the
model's threshold. The file needs the feature columns the model was trained on
(in any order; the label column is optional and extra columns are ignored).

With --explain N, each line also gets the N columns that moved that user's
probability most, as "column=value (+0.123)": integrated gradients summed over
each original column, in probability points, measured against the average
user of the file.`,
		Example: `  retain predict --model model.json --data users.csv > scores.csv
  retain predict --model model.json --data users.csv --explain 3`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return classify(runPredict(cmd.Context(), a, o))
		},
	}
	fs := cmd.Flags()
	fs.StringVarP(&o.model, "model", "m", "", "model bundle `FILE` written by train")
	fs.StringVar(&o.data, "data", "", "per-user CSV `FILE` to score")
	fs.IntVar(&o.explain, "explain", 0, "add the top `N` reasons of each prediction")
	_ = cmd.MarkFlagRequired("model")
	_ = cmd.MarkFlagRequired("data")
	_ = cmd.MarkFlagFilename("model", "json")
	_ = cmd.MarkFlagFilename("data", "csv", "tsv", "txt")
	return cmd
}

func runPredict(ctx context.Context, a *app, o *predictOptions) error {
	if o.explain < 0 {
		return usageError(fmt.Errorf("--explain %d: want a number of reasons ≥ 0", o.explain))
	}
	b, err := loadModel(a, o.model)
	if err != nil {
		return err
	}
	raw, err := readAll(a, o.data)
	if err != nil {
		return err
	}
	scored, err := b.ScoreCSV(bytes.NewReader(raw), o.data)
	if err != nil {
		return err
	}
	var reasons [][]string
	if o.explain > 0 {
		need := b.ExplainMemory(len(scored.IDs), o.explain, runtime.GOMAXPROCS(0))
		if err := a.checkMemory(fmt.Sprintf("--explain %d: explaining %d rows", o.explain, len(scored.IDs)), need); err != nil {
			return err
		}
		if reasons, err = explainRows(ctx, b, scored, o.data, o.explain); err != nil {
			return err
		}
	}
	w := csv.NewWriter(a.stdout)
	header := []string{"id", "probability", "predicted_" + b.Label.Name}
	for k := range o.explain {
		header = append(header, fmt.Sprintf("reason_%d", k+1))
	}
	if err := w.Write(header); err != nil {
		return err
	}
	for i, id := range scored.IDs {
		rec := []string{id, strconv.FormatFloat(scored.Probabilities[i], 'f', 6, 64), scored.Predicted[i]}
		if reasons != nil {
			rec = append(rec, reasons[i]...)
		}
		if err := w.Write(rec); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}

// explainRows returns the top n reasons of every row, each as
// "column=value (+0.123)", padded with empty cells when the model has fewer
// columns than n. Rows are explained in parallel, one network copy per
// worker, since integrated gradients costs a few hundred forward passes.
func explainRows(ctx context.Context, b *experiment.Bundle, scored *experiment.Scored, name string, n int) ([][]string, error) {
	x := scored.X
	count, cols := x.Dims()
	if count == 0 {
		return nil, errors.New("no rows to explain")
	}
	// Reasons are measured against the training-mean user the model file
	// stores; files without one fall back to this file's average user.
	var baseline []float64
	if b.Baseline == nil {
		baseline = make([]float64, cols)
		for i := range count {
			for j := range cols {
				baseline[j] += x.At(i, j) / float64(count)
			}
		}
	}
	out := make([][]string, count)
	overflow := make([]error, count)
	next := make(chan int)
	workers := min(runtime.GOMAXPROCS(0), count) // each builds its own network
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for range workers {
		explainer, err := b.Explainer(baseline)
		if err != nil {
			return nil, err
		}
		wg.Go(func() {
			for i := range next {
				ex, err := explainer.Explain(x.RawRowView(i))
				if err != nil {
					errs <- fmt.Errorf("explaining row %d of %s: %w", i+1, name, err)
					return
				}
				// Every row goes on, so that the first bad row is the one
				// reported whatever the order the workers finish in.
				overflow[i] = checkReasons(b, ex, scored.IDs, name, i)
				cells := make([]string, n)
				for k := range min(n, len(ex.Reasons)) {
					r := ex.Reasons[k]
					cells[k] = fmt.Sprintf("%s=%s (%+.3f)", r.Column, r.Value, r.Attribution)
				}
				out[i] = cells
			}
		})
	}
	err := feed(ctx, next, count, errs)
	close(next)
	wg.Wait()
	if err == nil {
		select {
		case err = <-errs:
		default:
		}
	}
	if err != nil {
		return nil, err
	}
	for _, e := range overflow {
		if e != nil {
			return nil, e
		}
	}
	return out, nil
}

// checkReasons refuses an explanation whose attributions overflowed: a
// model file with extreme numbers would otherwise print "+NaN" reasons.
func checkReasons(b *experiment.Bundle, ex experiment.Explanation, ids []string, name string, i int) error {
	for _, r := range ex.Reasons {
		if math.IsNaN(r.Attribution) || math.IsInf(r.Attribution, 0) {
			id := strconv.Itoa(i + 1)
			if i < len(ids) {
				id = ids[i]
			}
			return &experiment.ScoreError{Model: b.File, Data: name, Row: i + 1, ID: id,
				What: fmt.Sprintf("a reason for column %q", r.Column), Value: r.Attribution}
		}
	}
	return nil
}

// feed hands the row indices 0..count-1 to the workers until done, a worker
// fails or ctx is cancelled.
func feed(ctx context.Context, next chan<- int, count int, errs <-chan error) error {
	for i := range count {
		select {
		case next <- i:
		case err := <-errs:
			return err
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}
