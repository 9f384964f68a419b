package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/retainlab/retain/experiment"
)

// applyPreset gives every configuration flag the user left at its default
// the value of --preset. Flags the user gave keep their values, and so does
// a flag whose preset value would undo one the user gave (see
// presetYields): article-5 has no validation part and no calibration, so
// --calibration platt alone would otherwise still train uncalibrated.
func (f *configFlags) applyPreset() error {
	if f.preset == "" {
		return nil
	}
	p, err := experiment.PresetByName(f.preset)
	if err != nil {
		return usageError(fmt.Errorf("--preset %q: want %s", f.preset, strings.Join(experiment.PresetNames(), " or ")))
	}
	if p.Source.Kind != "" && !f.presetData {
		return usageError(fmt.Errorf("--preset %s brings its own data, which this command does not read: use it with train or eval --cv", p.Name))
	}
	yields := f.presetYields()
	for name, value := range presetFlagValues(p.Config) {
		fl := f.fs.Lookup(name)
		if fl == nil || fl.Changed || yields[name] {
			continue
		}
		if err := fl.Value.Set(value); err != nil {
			return fmt.Errorf("preset %s: --%s %s: %w", p.Name, name, value, err)
		}
	}
	return nil
}

// presetYields names the flags that keep their defaults in place of the
// preset's values because a flag the user gave needs them: a calibration
// map needs calibration rows (--calib) and a share of them needs a map
// (--calibration); calibrating on the validation part, early stopping,
// weight averaging and the decay check need a validation part (--val);
// the decay check needs a decay per training row (--l2-prior).
func (f *configFlags) presetYields() map[string]bool {
	given := func(name string) bool { return f.fs.Changed(name) }
	yields := map[string]bool{}
	if given("calibration") && !strings.EqualFold(strings.TrimSpace(f.calibrate), string(experiment.CalibNone)) {
		yields["calib"] = true
	}
	calibFrac, err := parseCalib(f.calib)
	if given("calib") && err == nil && calibFrac != 0 {
		yields["calibration"] = true
	}
	// --calib keeps its default, "val", when it yields.
	onValidation := (yields["calib"] && !given("calib")) || (given("calib") && err == nil && calibFrac < 0)
	if onValidation || (given("early-stop") && f.earlyStop > 0) || (given("average-epochs") && f.average > 0) ||
		(given("l2-prior-alt") && f.l2PriorAlt > 0) {
		yields["val"] = true
	}
	if given("l2-prior-alt") && f.l2PriorAlt > 0 && !given("l2") {
		yields["l2-prior"] = true
	}
	return yields
}

// presetFlagValues spells a preset's configuration as flag values.
func presetFlagValues(c experiment.Config) map[string]string {
	units := make([]string, len(c.Hidden))
	acts := make([]string, len(c.Hidden))
	for i, l := range c.Hidden {
		units[i], acts[i] = strconv.Itoa(l.Units), l.Activation.String()
	}
	// One activation for all layers, when they share it, so --layers
	// alone can change the depth.
	if len(acts) > 1 && !slices.ContainsFunc(acts, func(a string) bool { return a != acts[0] }) {
		acts = acts[:1]
	}
	layers := strings.Join(units, ",")
	if layers == "" {
		layers, acts = "none", []string{"relu"}
	}
	g := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	calibration := string(c.Calibration)
	if calibration == "" {
		calibration = string(experiment.CalibNone)
	}
	pos := c.Train.PosWeight
	if pos == 0 {
		pos = 1
	}
	return map[string]string{
		"layers": layers, "activation": strings.Join(acts, ","),
		"lr": g(c.Train.Optimizer.LR), "optimizer": c.Train.Optimizer.Kind,
		"momentum": g(c.Train.Optimizer.Momentum), "nesterov": strconv.FormatBool(c.Train.Optimizer.Nesterov),
		"batch": strconv.Itoa(c.Train.BatchSize), "epochs": strconv.Itoa(c.Train.Epochs),
		"l2": g(c.Train.L2), "pos-weight": g(pos), "early-stop": strconv.Itoa(c.Train.EarlyStop.Patience),
		"val": g(c.ValFrac), "test": g(c.TestFrac), "threshold": g(c.Threshold),
		"calib": presetCalib(c), "calibration": calibration, "clip-norm": g(c.Train.ClipNorm),
		"average-epochs": g(c.Train.AverageEpochs), "l2-prior": g(c.L2Prior), "l2-prior-alt": g(c.L2PriorAlt),
		"scale": c.Pipeline.Scale.String(), "log1p": strconv.FormatBool(c.Pipeline.Log1p),
		"impute": c.Pipeline.Impute.String(), "missing-indicators": strconv.FormatBool(c.Pipeline.MissingIndicators),
	}
}

// presetSource is the data a preset brings (article-4.3's 100 users) in
// place of the built-in default; src otherwise. A preset with its own data
// refuses flags that choose other data.
func (f *configFlags) presetSource(src experiment.Source) (experiment.Source, error) {
	if f.preset == "" {
		return src, nil
	}
	p, err := experiment.PresetByName(f.preset)
	if err != nil || p.Source.Kind == "" {
		return src, nil // config() reports a bad name
	}
	if name := firstGiven(f.cmdFlags.Changed, "data", "log", "builtin-users", "builtin-seed"); name != "" {
		return src, usageError(fmt.Errorf("--preset %s trains on the article's own data (100 users, 10 behaviour features): drop --%s, or use --preset article-5 with your data", p.Name, name))
	}
	return p.Source, nil
}

// presetCalib spells a configuration's calibration rows as --calib does.
func presetCalib(c experiment.Config) string {
	switch {
	case !c.Calibrates():
		return "0"
	case c.CalibratesOnValidation():
		return calibOnValidation
	}
	return strconv.FormatFloat(c.CalibFrac, 'g', -1, 64)
}
