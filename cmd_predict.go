package main

import (
	"bytes"
	"context"
	"fmt"
	"runtime"

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
user: id, probability of the positive class (6 decimals), and the predicted class at the
model's threshold. The file needs the feature columns the model was trained on
(in any order; the label column is optional and extra columns are ignored).

With --explain N, each line also gets the N columns that moved that user's
probability most, as "column=value (+0.1234)": integrated gradients summed over
each original column, in probability points, measured against the mean
training user stored in the model file (the average user of the file for
older model files without one).

The header is <id column>,probability_<label>_<positive>,predicted_<label>
and reason_1 … reason_N ("row" and 1-based row numbers when the file has no
id column); the TUI's Users export writes the same format.`,
		Example: `  retain predict --model model.json --data users.csv > scores.csv
  retain predict --model model.json --data users.csv --explain 3`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return classify(runPredict(cmd.Context(), a, o))
		},
	}
	fs := cmd.Flags()
	fs.StringVarP(&o.model, "model", "m", "", "model bundle `FILE` written by train")
	fs.StringVar(&o.data, "data", "", "per-user CSV or Parquet `FILE` to score")
	fs.IntVar(&o.explain, "explain", 0, "add the top `N` reasons of each prediction")
	_ = cmd.MarkFlagRequired("model")
	_ = cmd.MarkFlagRequired("data")
	_ = cmd.MarkFlagFilename("model", "json")
	_ = cmd.MarkFlagFilename("data", "csv", "tsv", "txt", "parquet")
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
	opts := experiment.ExportOptions{IDName: scored.IDName, Label: b.Label, Threshold: b.Threshold,
		Reasons: o.explain, Model: b.File, Data: o.data}
	if o.explain > 0 {
		need := b.ExplainMemory(scored.Len(), o.explain, runtime.GOMAXPROCS(0))
		if err := a.checkMemory(fmt.Sprintf("--explain %d: explaining %d rows", o.explain, scored.Len()), need); err != nil {
			return err
		}
		// Reasons are measured against the training-mean user the model
		// file stores; files without one fall back to this file's average.
		var fallback []float64
		if b.Baseline == nil {
			fallback = meanInput(scored)
		}
		if opts.Explainer, err = b.Explainer(fallback); err != nil {
			return err
		}
	}
	return experiment.WriteScoresCSV(ctx, a.stdout, scored, opts)
}

// meanInput is the average prepared input of the scored rows: the baseline
// of explanations when the model file stores no training mean.
func meanInput(s *experiment.Scored) []float64 {
	count, cols := s.X.Dims()
	mean := make([]float64, cols)
	for i := range count {
		for j := range cols {
			mean[j] += s.X.At(i, j) / float64(count)
		}
	}
	return mean
}
