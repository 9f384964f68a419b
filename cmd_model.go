package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
)

// saveModel writes the trained model bundle atomically: path holds the
// complete model or whatever it held before, never a part.
func saveModel(e *experiment.Experiment, threshold float64, path string) error {
	b, err := e.Bundle(threshold)
	if err != nil {
		return err
	}
	return experiment.WriteFileAtomic(path, b.Write)
}

// loadModel reads and validates a model bundle.
func loadModel(a *app, path string) (*experiment.Bundle, error) {
	f, err := a.open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return experiment.ReadBundle(f, path)
}

// readAll reads a whole input file, so it can be parsed more than once.
func readAll(a *app, path string) ([]byte, error) {
	f, err := a.open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// evalModelResult is the JSON document of `retain eval --model --json`.
type evalModelResult struct {
	Model  string `json:"model"`
	Data   string `json:"data"`
	Scored int    `json:"scored_rows"`
	metrics.Report
}

// runEvalModel scores the labelled rows of a CSV with a saved model and
// reports its metrics, confusion matrix and gains table.
func runEvalModel(_ context.Context, a *app, o *evalOptions) error {
	if o.src.log != "" {
		return usageError(errors.New("eval --model scores a per-user CSV (--data); build one from the order log first"))
	}
	b, err := loadModel(a, o.model)
	if err != nil {
		return err
	}
	raw, err := readAll(a, o.src.data)
	if err != nil {
		return err
	}
	scored, err := b.ScoreCSV(bytes.NewReader(raw), o.src.data)
	if err != nil {
		return err
	}
	if o.threshold != 0 {
		if !(o.threshold > 0 && o.threshold < 1) {
			return usageError(fmt.Errorf("--model-threshold %g: want a probability in (0, 1)", o.threshold))
		}
		scored.Threshold = o.threshold
	}
	if scored.Actual == nil {
		return usageError(fmt.Errorf("%s has no %q column: eval needs the true labels (predict scores unlabelled rows)",
			o.src.data, b.Label.Name))
	}
	rep, err := scored.Report()
	if err != nil {
		return usageError(fmt.Errorf("%s: %w", o.src.data, err))
	}
	if o.json {
		return writeJSON(a.stdout, evalModelResult{Model: o.model, Data: o.src.data, Scored: len(scored.IDs), Report: rep})
	}
	fmt.Fprintf(a.stdout, "Model:   %s, %s\n", o.model, describeNetwork(b.Net.Architecture))
	fmt.Fprintf(a.stdout, "Trained: on %s, %d epochs\n", b.SourceDescription, b.EpochsTrained)
	fmt.Fprintf(a.stdout, "Scored:  %s, label %s (positive class %q)\n\n", o.src.data, b.Label.Name, b.Label.Positive)
	printMetrics(a.stdout, "Metrics", rep, nil)
	fmt.Fprintln(a.stdout)
	printConfusion(a.stdout, rep.Confusion)
	fmt.Fprintln(a.stdout)
	printGains(a.stdout, rep.Gains)
	return nil
}
