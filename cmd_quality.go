package main

import (
	"context"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// qualityOptions are the flags of `retain quality`.
type qualityOptions struct {
	datasets string
	json     bool
	suite    bool
	// sets and cands, when not empty, keep only the suite's sets named and
	// the candidates whose name contains one of the given texts.
	sets, cands []string
	// seed, with suite, replaces every candidate's seed (folds, first
	// weights and shuffles).
	seed uint64
}

func newQualityCmd(a *app) *cobra.Command {
	o := &qualityOptions{}
	cmd := &cobra.Command{
		Use:   "quality [flags]",
		Short: "Cross-validate the default configuration on the reference data sets (README table)",
		Long: fmt.Sprintf(`Cross-validate retain's default configuration (%d folds) on the
online_shoppers and telco_churn data sets and on the built-in data, and print
the quality table of the README as Markdown: the mean ROC AUC next to the
reference it is held to (scikit-learn's MLPClassifier on the real data, the
Bayes limit on the built-in data). It takes a few minutes.`, experiment.QualityFolds),
		Example: `  retain quality --datasets ../shared/datasets
  RETAIN_DATASETS=/data retain quality --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if name := firstGiven(cmd.Flags().Changed, "sets", "candidates", "seed"); !o.suite && name != "" {
				return usageError(fmt.Errorf("--%s applies with --suite", name))
			}
			if o.suite {
				return classify(runQualitySuite(cmd.Context(), a, o))
			}
			return classify(runQuality(cmd.Context(), a, o))
		},
	}
	def := a.env("RETAIN_DATASETS")
	if def == "" {
		def = "../shared/datasets"
	}
	cmd.Flags().StringVar(&o.datasets, "datasets", def, "`DIR` holding online_shoppers/ and telco_churn/; $RETAIN_DATASETS, when set, is the default")
	cmd.Flags().BoolVar(&o.json, "json", false, "print the rows as one JSON document")
	cmd.Flags().BoolVar(&o.suite, "suite", false,
		"instead, cross-validate the candidate defaults on the whole suite (shared sets, order-log cohorts, reshaped built-in shops) and print the table the default was chosen from")
	cmd.Flags().StringSliceVar(&o.sets, "sets", nil, "with --suite, only these `NAMES` of sets (comma-separated)")
	cmd.Flags().StringSliceVar(&o.cands, "candidates", nil,
		"with --suite, only the candidates whose name contains one of these `TEXTS` (comma-separated)")
	cmd.Flags().Uint64Var(&o.seed, "seed", experiment.DefaultConfig().Seed,
		"with --suite, the seed of every candidate (its folds, first weights and shuffles)")
	_ = cmd.MarkFlagDirname("datasets")
	return cmd
}

func runQuality(ctx context.Context, a *app, o *qualityOptions) error {
	if st, err := os.Stat(o.datasets); err != nil || !st.IsDir() {
		return usageError(fmt.Errorf("--datasets %s: not a directory (it must hold online_shoppers/ and telco_churn/)", o.datasets))
	}
	fmt.Fprintf(a.stderr, "Cross-validating the default configuration on 3 data sets (%d folds each); this takes a few minutes…\n",
		experiment.QualityFolds)
	rows, err := experiment.QualityTable(ctx, a.open, o.datasets)
	if err != nil {
		return err
	}
	if o.json {
		return writeJSON(a.stdout, rows)
	}
	fmt.Fprintf(a.stdout, "| data set | rows | label | ROC AUC (%d-fold mean ± std) | accuracy | F1 | reference ROC AUC | bar | |\n",
		experiment.QualityFolds)
	fmt.Fprintln(a.stdout, "|---|---:|---|---:|---:|---:|---|---:|---|")
	failed := 0
	for _, r := range rows {
		verdict := "✓"
		if !r.Pass {
			verdict, failed = "✗ below the bar", failed+1
		}
		fmt.Fprintf(a.stdout, "| %s | %s | %s | %.3f ± %.3f | %.3f | %.3f | %.3f (%s) | %.3f | %s |\n",
			r.Dataset, data.Thousands(r.Rows), r.Label, r.AUCMean, r.AUCStd, r.Accuracy, r.F1, r.Reference, r.ReferenceName, r.Bar, verdict)
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d data sets fell below their bar", failed, len(rows))
	}
	return nil
}
