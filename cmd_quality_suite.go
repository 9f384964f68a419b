package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// runQualitySuite cross-validates every candidate default on every set of
// the suite and prints the table the default was chosen from.
func runQualitySuite(ctx context.Context, a *app, o *qualityOptions) error {
	sets, cands := experiment.SuiteSets(), experiment.SuiteCandidates()
	if len(o.sets) > 0 {
		sets = slices.DeleteFunc(sets, func(s experiment.SuiteSet) bool { return !slices.Contains(o.sets, s.Name) })
	}
	if len(o.cands) > 0 {
		cands = slices.DeleteFunc(cands, func(c experiment.SuiteCandidate) bool {
			return !slices.ContainsFunc(o.cands, func(t string) bool { return strings.Contains(c.Name, t) })
		})
	}
	for i := range cands {
		cands[i].Config.Seed = o.seed
	}
	if len(sets) == 0 || len(cands) == 0 {
		return usageError(fmt.Errorf("--sets and --candidates leave %d sets and %d candidates", len(sets), len(cands)))
	}
	if files := experiment.SuiteFiles(o.datasets, sets); len(files) > 0 {
		if err := checkDatasets(o.datasets, files); err != nil {
			return err
		}
	}
	fmt.Fprintf(a.stderr, "Cross-validating %s on %s (%d folds each); this takes a while…\n",
		data.Count(len(cands), "candidate configuration", "candidate configurations"), data.Count(len(sets), "data set", "data sets"), experiment.QualityFolds)
	res, err := experiment.QualitySuite(ctx, a.open, o.datasets, sets, cands, experiment.QualityFolds,
		func(set, cand string, c experiment.SuiteCell) {
			fmt.Fprintf(a.stderr, "%s · %s: %.4f ± %.4f (%.0f s)\n", set, cand, c.AUCMean, c.AUCStd, c.Seconds)
		})
	if err != nil {
		return err
	}
	if o.json {
		return writeJSON(a.stdout, res)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "| candidate | %s | mean | max shortfall | reaches the bars | CV time |\n", strings.Join(res.Sets, " | "))
	b.WriteString("|---|" + strings.Repeat("---:|", len(res.Sets)+2) + ":---:|---:|\n")
	for i, name := range res.Candidates {
		switch {
		case i == res.Chosen && i == res.Default:
			name = "**" + name + "** (chosen; the default)"
		case i == res.Chosen:
			name = "**" + name + "** (chosen)"
		case i == res.Default:
			name += " (the default)"
		}
		fmt.Fprintf(&b, "| %s |", name)
		var seconds float64
		for j := range res.Sets {
			c := res.Cells[i][j]
			seconds += c.Seconds
			best := true
			for k := range res.Candidates {
				best = best && res.Cells[k][j].AUCMean <= c.AUCMean
			}
			cell := fmt.Sprintf("%.3f", c.AUCMean)
			if best {
				cell = "**" + cell + "**"
			}
			fmt.Fprintf(&b, " %s |", cell)
		}
		bars := "yes"
		if !res.Eligible[i] {
			bars = "no"
		}
		fmt.Fprintf(&b, " %.3f | %.3f | %s | %.0f s |\n", res.MeanAUC[i], res.Regret[i], bars, seconds)
	}
	_, err = fmt.Fprint(a.stdout, b.String())
	return err
}
