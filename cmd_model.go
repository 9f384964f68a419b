package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"

	"github.com/retainlab/retain/engine"
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

// runEvalModel scores labelled rows with a saved model and reports its
// metrics, confusion matrix and gains table.
func runEvalModel(_ context.Context, a *app, o *evalOptions) error {
	b, err := loadModel(a, o.model)
	if err != nil {
		return err
	}
	threshold := b.Threshold
	if o.threshold != 0 {
		if !(o.threshold > 0 && o.threshold < 1) {
			return usageError(fmt.Errorf("--model-threshold %g: want a probability in (0, 1)", o.threshold))
		}
		threshold = o.threshold
	}
	var name string
	var probs, labels []float64
	if o.src.log != "" {
		name = o.src.log
		probs, labels, err = scoreLog(a, o, b)
	} else {
		name = o.src.data
		probs, labels, err = scoreCSV(a, name, b)
	}
	if err != nil {
		return err
	}
	rep, err := metrics.NewReport(probs, labels, nil, threshold)
	if err != nil {
		return usageError(fmt.Errorf("%s: %w", name, err))
	}
	if o.json {
		return writeJSON(a.stdout, evalModelResult{Model: o.model, Data: name, Scored: len(probs), Report: rep})
	}
	fmt.Fprintf(a.stdout, "Model:   %s, %s\n", o.model, describeNetwork(b.Net.Architecture))
	fmt.Fprintf(a.stdout, "Trained: on %s, %d epochs\n", b.SourceDescription, b.EpochsTrained)
	fmt.Fprintf(a.stdout, "Scored:  %s, label %s (positive class %q)\n\n", name, b.Label.Name, b.Label.Positive)
	printMetrics(a.stdout, "Metrics", rep, nil)
	fmt.Fprintln(a.stdout)
	printConfusion(a.stdout, rep.Confusion)
	fmt.Fprintln(a.stdout)
	printGains(a.stdout, rep.Gains)
	return nil
}

// scoreCSV scores the rows of a per-user CSV that have a label.
func scoreCSV(a *app, path string, b *experiment.Bundle) (probs, labels []float64, err error) {
	raw, err := readAll(a, path)
	if err != nil {
		return nil, nil, err
	}
	scored, err := b.ScoreCSV(bytes.NewReader(raw), path)
	if err != nil {
		return nil, nil, err
	}
	if scored.Actual == nil {
		return nil, nil, usageError(fmt.Errorf("%s has no %q column: eval needs the true labels (predict scores unlabelled rows)",
			path, b.Label.Name))
	}
	for i, y := range scored.Actual {
		if !math.IsNaN(y) { // a blank label cannot be compared with
			probs = append(probs, scored.Probabilities[i])
			labels = append(labels, y)
		}
	}
	return probs, labels, nil
}

// scoreLog builds the cohort of an order log at the given cutoff and
// scores every customer: a model trained on one cutoff judged on a later one.
func scoreLog(a *app, o *evalOptions, b *experiment.Bundle) (probs, labels []float64, err error) {
	src, err := o.src.source()
	if err != nil {
		return nil, nil, err
	}
	d, err := experiment.Load(src, a.open)
	if err != nil {
		return nil, nil, err
	}
	rows := make([]int, d.Table.Rows)
	for i := range rows {
		rows[i] = i
	}
	x, err := b.Pipeline.Transform(d.Table, rows)
	if err != nil {
		return nil, nil, usageError(fmt.Errorf("%s: %w", src.Path, err))
	}
	net, err := b.Network()
	if err != nil {
		return nil, nil, err
	}
	raw := x.RawMatrix()
	if raw.Stride != raw.Cols {
		return nil, nil, fmt.Errorf("%s: prepared matrix is not contiguous", src.Path)
	}
	probs = make([]float64, len(rows))
	engine.NewPredictor(net).PredictFlat(probs, nil, raw.Data[:len(rows)*raw.Cols], len(rows))
	fmt.Fprintf(a.stderr, "Scored %s\n", d.Source.Describe())
	return probs, d.Table.Label.Values, nil
}
