package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

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
reference it is held to (on the real data the better of scikit-learn's
MLPClassifier and its logistic regression, from shared/reference/README.md;
the Bayes limit on the built-in data). It takes a few minutes.`, experiment.QualityFolds),
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
	if err := checkDatasets(o.datasets, experiment.QualityFiles(o.datasets)); err != nil {
		return err
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

// checkDatasets refuses (exit 2) a --datasets folder that is missing, or
// that lacks one of the files the run will read, naming each missing path,
// before any training: the quality table cross-validates for minutes and
// the suite for hours before it would reach a later file.
func checkDatasets(dir string, files []string) error {
	var holds []string
	for _, f := range files {
		rel, err := filepath.Rel(dir, f)
		if err != nil {
			rel = f
		}
		holds = append(holds, filepath.ToSlash(rel))
	}
	needs := "it must hold " + andList(holds)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		what := "not a directory"
		if errors.Is(err, fs.ErrNotExist) {
			what = "no such directory"
		}
		return usageError(fmt.Errorf("--datasets %s: %s (%s)", dir, what, needs))
	}
	var missing []string
	for _, f := range files {
		if st, err := os.Stat(f); err != nil || !st.Mode().IsRegular() {
			missing = append(missing, f)
		}
	}
	switch len(missing) {
	case 0:
		return nil
	case 1:
		return usageError(fmt.Errorf("--datasets %s: no file %s (%s)", dir, missing[0], needs))
	}
	return usageError(fmt.Errorf("--datasets %s: no files %s (%s)", dir, andList(missing), needs))
}

// andList joins items as a list in words: "a", "a and b", "a, b and c".
func andList(items []string) string {
	if n := len(items); n > 1 {
		return strings.Join(items[:n-1], ", ") + " and " + items[n-1]
	}
	return strings.Join(items, "")
}
