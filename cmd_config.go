package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// configFlags are the flags that describe an experiment: the network, how
// it trains and how the rows are split. Their defaults are
// experiment.DefaultConfig's.
type configFlags struct {
	layers     string
	activation []string
	lr         float64
	optimizer  string
	momentum   float64
	nesterov   bool
	batch      int
	epochs     int
	l2         float64
	l2Prior    float64
	l2PriorAlt float64
	posWeight  float64
	earlyStop  int
	seed       uint64
	val, test  float64
	threshold  float64
	calib      string
	calibrate  string
	sched      scheduleFlags
	clipNorm   float64
	average    float64
	workers    int
	preset     string
	// fs holds the flags above, to tell given values from defaults;
	// cmdFlags are all the command's.
	fs, cmdFlags *pflag.FlagSet
	// presetData is whether the command reads a preset's own data.
	presetData bool
	pipeline   pipelineFlags
	// calibFlag is --calib, to tell the default share from a given one.
	calibFlag *pflag.Flag
	// l2Flag is --l2: a given decay replaces the default's L2Prior.
	l2Flag *pflag.Flag
}

// register adds the configuration flags to cmd.
func (f *configFlags) register(cmd *cobra.Command) {
	def := experiment.DefaultConfig()
	units := make([]string, len(def.Hidden))
	for i, l := range def.Hidden {
		units[i] = strconv.Itoa(l.Units)
	}
	// The flags are defined on a set of their own so that each can be
	// marked as describing training (see trainingFlag) as it joins cmd.
	fs := pflag.NewFlagSet(cmd.Name(), pflag.ContinueOnError)
	fs.SortFlags = false
	fs.StringVar(&f.layers, "layers", strings.Join(units, ","), "hidden layer sizes, comma-separated (\"none\" or 0: no hidden layer, a logistic regression)")
	fs.StringSliceVar(&f.activation, "activation", []string{def.Hidden[0].Activation.String()},
		"hidden activation: one for all layers or one per layer (relu, leaky_relu, tanh, sigmoid, linear)")
	fs.Float64Var(&f.lr, "lr", def.Train.Optimizer.LR, "learning rate")
	fs.StringVar(&f.optimizer, "optimizer", def.Train.Optimizer.Kind, "optimiser: adam or sgd")
	fs.Float64Var(&f.momentum, "momentum", 0, "momentum of sgd")
	fs.BoolVar(&f.nesterov, "nesterov", false, "Nesterov momentum for sgd")
	fs.IntVar(&f.batch, "batch", def.Train.BatchSize, "mini-batch size")
	fs.IntVar(&f.epochs, "epochs", def.Train.Epochs, "maximum number of epochs")
	fs.Float64Var(&f.l2, "l2", def.Train.L2, "a fixed L2 weight decay; given, it replaces --l2-prior's decay")
	fs.Float64Var(&f.l2Prior, "l2-prior", def.L2Prior, fmt.Sprintf(
		"L2 weight decay of `N` divided by the number of training rows, at most %g; N is raised in proportion with fewer than %d training rows per network input (0: off, --l2 then gives the decay)", experiment.L2PriorCap, experiment.PriorRowsPerInput))
	fs.Float64Var(&f.l2PriorAlt, "l2-prior-alt", def.L2PriorAlt, fmt.Sprintf(
		"after training, train again with the decay `N` / training rows (never raised) from the same first weights and keep that network when its validation log loss is lower by more than %g standard errors (0: off)", experiment.DecaySwitchZ))
	fs.Float64Var(&f.posWeight, "pos-weight", 1, "loss weight of the positive class (class imbalance)")
	fs.IntVar(&f.earlyStop, "early-stop", def.Train.EarlyStop.Patience, "stop after `N` epochs without validation improvement (0: off)")
	fs.Uint64Var(&f.seed, "seed", def.Seed, "seed of the split, the initial weights and the shuffles")
	fs.Float64Var(&f.val, "val", def.ValFrac, "share of rows held out for validation")
	fs.Float64Var(&f.test, "test", def.TestFrac, "share of rows held out as a test set (final metrics use it when > 0)")
	fs.Float64Var(&f.threshold, "threshold", def.Threshold, "probability at or above which a user is labelled positive")
	fs.StringVar(&f.calib, "calib", calibOnValidation,
		`rows to calibrate the probabilities and choose thresholds on: "val", the validation part; a share in (0, 1) of the rows outside the test part, held out from training and early stopping; 0: no calibration`)
	fs.StringVar(&f.calibrate, "calibration", string(experiment.DefaultCalibration), "calibration map: platt, isotonic or none")
	f.sched.register(fs)
	fs.Float64Var(&f.clipNorm, "clip-norm", 0, "rescale the gradient when its Euclidean norm exceeds `N` (0: off)")
	fs.Float64Var(&f.average, "average-epochs", def.Train.AverageEpochs,
		"validate and keep a moving average of the weights over about `N` epochs (0: off)")
	fs.IntVar(&f.workers, "workers", 0, fmt.Sprintf(
		"workers that share each batch of %d rows or more (0: one per core; 1 leaves the other cores to other work)", engine.ParallelMinBatch))
	fs.StringVar(&f.preset, "preset", "", "start from a preset of the source article: article-4.3 (its 100-user case) or article-5 (its Keras code); other flags override it")
	f.pipeline.register(fs)
	f.calibFlag, f.l2Flag = fs.Lookup("calib"), fs.Lookup("l2")
	f.fs, f.cmdFlags = fs, cmd.Flags()
	f.presetData = cmd.Name() == "train" || cmd.Name() == "eval"
	fs.VisitAll(markTraining)
	cmd.Flags().AddFlagSet(fs)
	f.pipeline.completions(cmd)
	_ = cmd.RegisterFlagCompletionFunc("calibration", cobra.FixedCompletions([]string{"platt", "isotonic", "none"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("lr-schedule", cobra.FixedCompletions([]string{"none", "step", "plateau", "cosine"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("preset", cobra.FixedCompletions(experiment.PresetNames(), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("optimizer", cobra.FixedCompletions([]string{"adam", "sgd"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("activation", cobra.FixedCompletions(
		[]string{"relu", "leaky_relu", "tanh", "sigmoid", "linear"}, cobra.ShellCompDirectiveNoFileComp))
}

// trainingFlag is the annotation of the flags that describe what to train:
// the configuration and the built-in population. Commands that use a saved
// model refuse them rather than ignore them.
const trainingFlag = "retain_training"

// markTraining annotates f with trainingFlag.
func markTraining(f *pflag.Flag) {
	if f.Annotations == nil {
		f.Annotations = map[string][]string{}
	}
	f.Annotations[trainingFlag] = []string{"true"}
}

// isTraining reports whether f describes what to train.
func isTraining(f *pflag.Flag) bool {
	_, ok := f.Annotations[trainingFlag]
	return ok
}

// config builds the experiment configuration; every error is the user's.
func (f *configFlags) config() (experiment.Config, error) {
	cfg := experiment.DefaultConfig()
	if err := f.applyPreset(); err != nil {
		return cfg, err
	}
	if err := f.checkRanges(); err != nil {
		return cfg, usageError(err)
	}
	hidden, err := parseLayers(f.layers, f.activation)
	if err != nil {
		return cfg, usageError(err)
	}
	cfg.Hidden = hidden
	// The engine reads a learning rate of 0 as "the optimiser's default":
	// a user who typed --lr 0 would train with another rate than reported.
	if !(f.lr > 0) || math.IsInf(f.lr, 0) {
		return cfg, usageError(fmt.Errorf("--lr %g: want a positive learning rate such as 0.001", f.lr))
	}
	// The engine reads a weight of 0 as 1 too.
	if !(f.posWeight > 0) || math.IsInf(f.posWeight, 0) {
		return cfg, usageError(fmt.Errorf("--pos-weight %g: want a positive weight (1 weighs both classes alike)", f.posWeight))
	}
	opt := engine.OptimizerConfig{Kind: strings.ToLower(f.optimizer), LR: f.lr}
	switch opt.Kind {
	case "adam":
		if f.momentum != 0 || f.nesterov {
			return cfg, usageError(errors.New("--momentum and --nesterov apply to --optimizer sgd"))
		}
	case "sgd":
		opt.Momentum, opt.Nesterov = f.momentum, f.nesterov
	default:
		return cfg, usageError(fmt.Errorf("--optimizer %q: want adam or sgd", f.optimizer))
	}
	cfg.Train.Optimizer = opt
	cfg.Train.BatchSize, cfg.Train.Epochs = f.batch, f.epochs
	cfg.Train.L2, cfg.Train.PosWeight, cfg.L2Prior, cfg.L2PriorAlt = f.l2, f.posWeight, f.l2Prior, f.l2PriorAlt
	// A fixed --l2 replaces the decay per training row unless --l2-prior
	// was given too, which then must be 0: both would set the same decay.
	if f.l2Flag != nil && f.l2Flag.Changed {
		if f.fs.Changed("l2-prior") && f.l2Prior != 0 {
			return cfg, usageError(fmt.Errorf("--l2 %g and --l2-prior %g both set the L2 decay: give one (or --l2-prior 0 with --l2)", f.l2, f.l2Prior))
		}
		cfg.L2Prior = 0
		if f.fs.Changed("l2-prior-alt") && f.l2PriorAlt != 0 {
			return cfg, usageError(fmt.Errorf("--l2 %g and --l2-prior-alt %g: the decay check compares two priors per training row; give --l2-prior instead of --l2", f.l2, f.l2PriorAlt))
		}
		cfg.L2PriorAlt = 0
	}
	if !(f.l2PriorAlt >= 0) || math.IsInf(f.l2PriorAlt, 0) {
		return cfg, usageError(fmt.Errorf("--l2-prior-alt %g: want a prior > 0, or 0 for no decay check", f.l2PriorAlt))
	}
	if cfg.L2Prior == 0 && cfg.L2PriorAlt != 0 {
		if f.fs.Changed("l2-prior-alt") {
			return cfg, usageError(fmt.Errorf("--l2-prior-alt %g needs a decay per training row to compare with: --l2-prior is 0", f.l2PriorAlt))
		}
		cfg.L2PriorAlt = 0 // the default's check: nothing to compare it with
	}
	cfg.Train.EarlyStop.Patience = f.earlyStop
	if !(f.clipNorm >= 0) || math.IsInf(f.clipNorm, 0) {
		return cfg, usageError(fmt.Errorf("--clip-norm %g: want a gradient norm > 0, or 0 for no clipping", f.clipNorm))
	}
	cfg.Train.ClipNorm = f.clipNorm
	if !(f.average >= 0) || math.IsInf(f.average, 0) {
		return cfg, usageError(fmt.Errorf("--average-epochs %g: want a number of epochs > 0, or 0 for no averaging", f.average))
	}
	cfg.Train.AverageEpochs = f.average
	cfg.Train.Workers = f.workers
	if cfg.Train.Schedule, err = f.sched.config(f.fs, f.lr); err != nil {
		return cfg, usageError(err)
	}
	if err := f.pipeline.apply(&cfg); err != nil {
		return cfg, err
	}
	cfg.Seed, cfg.ValFrac, cfg.TestFrac, cfg.Threshold = f.seed, f.val, f.test, f.threshold
	calibFrac, err := parseCalib(f.calib)
	if err != nil {
		return cfg, usageError(err)
	}
	switch m := experiment.CalibrationMethod(strings.ToLower(f.calibrate)); m {
	case experiment.CalibPlatt, experiment.CalibIsotonic, experiment.CalibNone:
		cfg.Calibration = m
	default:
		return cfg, usageError(fmt.Errorf("--calibration %q: want platt, isotonic or none", f.calibrate))
	}
	// Rows to calibrate on and no map to fit on them: refused, not ignored.
	if cfg.Calibration == experiment.CalibNone && calibFrac != 0 && f.fs.Changed("calibration") && f.fs.Changed("calib") {
		return cfg, usageError(fmt.Errorf("--calib %s chooses rows to calibrate on, but --calibration none fits no calibration: drop --calib, or give --calibration platt or isotonic", f.calib))
	}
	cfg.CalibFrac = max(calibFrac, 0)
	if calibFrac == 0 {
		cfg.Calibration = experiment.CalibNone
	}
	// The default gives way on data too small for it; a share the user gave
	// is refused instead.
	cfg.CalibIfPossible = f.calibFlag == nil || !f.calibFlag.Changed
	if cfg.Calibration == experiment.CalibNone {
		cfg.CalibFrac = 0
	}
	if err := cfg.Validate(); err != nil {
		return cfg, usageError(err)
	}
	return cfg, nil
}

// parseLayers reads "64,32" with one activation for every layer or one per
// layer.
func parseLayers(layers string, activations []string) ([]engine.LayerSpec, error) {
	layers = strings.TrimSpace(layers)
	if layers == "" || strings.EqualFold(layers, "none") || layers == "0" {
		return nil, nil
	}
	parts := strings.Split(layers, ",")
	if len(activations) != 1 && len(activations) != len(parts) {
		return nil, fmt.Errorf("--activation: give one activation or one per layer (%d layers, %d activations)",
			len(parts), len(activations))
	}
	specs := make([]engine.LayerSpec, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("--layers %q: layer %d is %q, want a positive number of units", layers, i+1, p)
		}
		name := activations[0]
		if len(activations) > 1 {
			name = activations[i]
		}
		act, err := engine.ParseActivation(name)
		if err != nil {
			return nil, fmt.Errorf("--activation: %w", err)
		}
		specs[i] = engine.LayerSpec{Units: n, Activation: act}
	}
	return specs, nil
}

// calibOnValidation is --calib's value for calibrating on the validation
// part, its default.
const calibOnValidation = "val"

// parseCalib reads --calib: -1 for the validation part, 0 for none, or the
// share of the rows outside the test part to carve.
func parseCalib(s string) (float64, error) {
	if t := strings.ToLower(strings.TrimSpace(s)); t == calibOnValidation || t == "validation" {
		return -1, nil
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || !(v >= 0 && v < 1) {
		return 0, fmt.Errorf(`--calib %q: want "val" (the validation part), a share in (0, 1) of the rows outside the test part, or 0 (no calibration)`, s)
	}
	return v, nil
}
