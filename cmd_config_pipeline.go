package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// pipelineFlags are the preprocessing flags of the configuration; their
// defaults are experiment.DefaultConfig's pipeline.
type pipelineFlags struct {
	scale      string
	log1p      bool
	impute     string
	indicators bool
}

// register adds the preprocessing flags to fs.
func (f *pipelineFlags) register(fs *pflag.FlagSet) {
	def := experiment.DefaultConfig().Pipeline
	fs.StringVar(&f.scale, "scale", def.Scale.String(), "scaling of numeric columns: minmax, zscore, robust (median and interquartile range) or none")
	fs.BoolVar(&f.log1p, "log1p", def.Log1p, "pass numeric columns whose clipped range is not negative through ln(1+v) before scaling (--log1p=false: off)")
	fs.StringVar(&f.impute, "impute", def.Impute.String(), "fill missing numeric cells with the training median or mean")
	fs.BoolVar(&f.indicators, "missing-indicators", def.MissingIndicators, "add a 0/1 was-missing input for every column with missing training cells")
}

// completions registers the choices of --scale and --impute on cmd.
func (f *pipelineFlags) completions(cmd *cobra.Command) {
	_ = cmd.RegisterFlagCompletionFunc("scale", cobra.FixedCompletions([]string{"minmax", "zscore", "robust", "none"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("impute", cobra.FixedCompletions([]string{"median", "mean"}, cobra.ShellCompDirectiveNoFileComp))
}

// apply sets the preprocessing options of cfg; every error is the user's.
func (f *pipelineFlags) apply(cfg *experiment.Config) error {
	var scale data.Scaling
	if err := scale.UnmarshalText([]byte(strings.ToLower(strings.TrimSpace(f.scale)))); err != nil {
		return usageError(fmt.Errorf("--scale %q: want minmax, zscore, robust or none", f.scale))
	}
	var impute data.Imputation
	if err := impute.UnmarshalText([]byte(strings.ToLower(strings.TrimSpace(f.impute)))); err != nil {
		return usageError(fmt.Errorf("--impute %q: want median or mean", f.impute))
	}
	cfg.Pipeline.Scale, cfg.Pipeline.Log1p = scale, f.log1p
	cfg.Pipeline.Impute, cfg.Pipeline.MissingIndicators = impute, f.indicators
	return nil
}
