package common

import (
	"slices"
	"strconv"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// cliDefault is the configuration retain train uses without flags:
// experiment.DefaultConfig with the default calibration.
func cliDefault() experiment.Config {
	cfg := experiment.DefaultConfig()
	cfg.CalibFrac, cfg.Calibration, cfg.CalibIfPossible = experiment.DefaultCalibFrac, experiment.DefaultCalibration, true
	return cfg
}

// ConfigArgs are retain train's flags for the settings of cfg that differ
// from its defaults: the network, the optimiser, the decay, the
// schedule, the shares held out, the seed, the calibration and the
// preprocessing. A preset (the Model screen's p) is its settings: they are
// given one by one. How an order log is validated has no flag (retain
// train splits at random); the screens offer the command for runs split
// at random only.
func ConfigArgs(cfg experiment.Config) []string {
	def := cliDefault()
	g := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	var out []string
	add := func(flag, value string) { out = append(out, "--"+flag, value) }
	out = append(out, layerArgs(cfg.Hidden, def.Hidden)...)
	opt := cfg.Train.Optimizer
	if opt.Kind != def.Train.Optimizer.Kind {
		add("optimizer", opt.Kind)
	}
	if opt.LR != def.Train.Optimizer.LR {
		add("lr", g(opt.LR))
	}
	if opt.Kind == "sgd" && opt.Momentum != 0 {
		add("momentum", g(opt.Momentum))
	}
	if opt.Kind == "sgd" && opt.Nesterov {
		out = append(out, "--nesterov")
	}
	if cfg.Train.BatchSize != def.Train.BatchSize {
		add("batch", strconv.Itoa(cfg.Train.BatchSize))
	}
	if cfg.Train.Epochs != def.Train.Epochs {
		add("epochs", strconv.Itoa(cfg.Train.Epochs))
	}
	// A fixed decay (no prior per training row) is --l2, which turns the
	// prior and the decay check off; a prior keeps --l2 out.
	if cfg.L2Prior == 0 {
		add("l2", g(cfg.Train.L2))
	} else {
		if cfg.L2Prior != def.L2Prior {
			add("l2-prior", g(cfg.L2Prior))
		}
		if cfg.L2PriorAlt != def.L2PriorAlt {
			add("l2-prior-alt", g(cfg.L2PriorAlt))
		}
	}
	if pw := cfg.Train.PosWeight; pw != 0 && pw != 1 {
		add("pos-weight", g(pw))
	}
	if p := cfg.Train.EarlyStop.Patience; p != def.Train.EarlyStop.Patience {
		add("early-stop", strconv.Itoa(p))
	}
	out = append(out, scheduleArgs(cfg.Train.Schedule)...)
	if cfg.Train.ClipNorm != def.Train.ClipNorm {
		add("clip-norm", g(cfg.Train.ClipNorm))
	}
	if cfg.Train.AverageEpochs != def.Train.AverageEpochs {
		add("average-epochs", g(cfg.Train.AverageEpochs))
	}
	if cfg.ValFrac != def.ValFrac {
		add("val", g(cfg.ValFrac))
	}
	if cfg.TestFrac != def.TestFrac {
		add("test", g(cfg.TestFrac))
	}
	if cfg.Seed != def.Seed {
		add("seed", strconv.FormatUint(cfg.Seed, 10))
	}
	if cfg.Threshold != def.Threshold {
		add("threshold", g(cfg.Threshold))
	}
	switch {
	case !cfg.Calibrates():
		add("calibration", string(experiment.CalibNone))
	default:
		if cfg.Calibration != def.Calibration {
			add("calibration", string(cfg.Calibration))
		}
		if cfg.CalibFrac > 0 {
			add("calib", g(cfg.CalibFrac))
		}
	}
	return append(out, pipelineArgs(cfg.Pipeline, def.Pipeline)...)
}

// layerArgs are --layers and --activation for hidden, each when it
// differs from def's: one activation when every layer has it, else one
// per layer.
func layerArgs(hidden, def []engine.LayerSpec) []string {
	units := func(h []engine.LayerSpec) []string {
		out := make([]string, len(h))
		for i, l := range h {
			out[i] = strconv.Itoa(l.Units)
		}
		return out
	}
	var out []string
	if u := units(hidden); !slices.Equal(u, units(def)) {
		layers := strings.Join(u, ",")
		if len(u) == 0 {
			layers = "none"
		}
		out = append(out, "--layers", layers)
	}
	if len(hidden) == 0 {
		return out
	}
	acts := make([]string, len(hidden))
	same := true
	for i, l := range hidden {
		acts[i] = l.Activation.String()
		same = same && acts[i] == acts[0]
	}
	switch {
	case !same:
		out = append(out, "--activation", strings.Join(acts, ","))
	case len(def) == 0 || acts[0] != def[0].Activation.String():
		out = append(out, "--activation", acts[0])
	}
	return out
}

// scheduleArgs are the learning-rate schedule's flags, each setting when
// it differs from the command line's default for the schedule.
func scheduleArgs(s engine.ScheduleConfig) []string {
	g := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	if !s.On() {
		return nil
	}
	out := []string{"--lr-schedule", s.Kind}
	if s.Kind == "step" && s.Every != 10 {
		out = append(out, "--lr-step", strconv.Itoa(s.Every))
	}
	if (s.Kind == "step" || s.Kind == "plateau") && s.Factor != 0.5 {
		out = append(out, "--lr-factor", g(s.Factor))
	}
	if s.Kind == "plateau" && s.Patience != 5 {
		out = append(out, "--lr-patience", strconv.Itoa(s.Patience))
	}
	if (s.Kind == "plateau" || s.Kind == "cosine") && s.MinLR != 0 {
		out = append(out, "--min-lr", g(s.MinLR))
	}
	return out
}

// pipelineArgs are the preprocessing flags of p that differ from def.
func pipelineArgs(p, def data.PipelineOptions) []string {
	var out []string
	if p.Scale != def.Scale {
		out = append(out, "--scale", p.Scale.String())
	}
	if p.Log1p != def.Log1p {
		out = append(out, "--log1p="+strconv.FormatBool(p.Log1p))
	}
	if p.Impute != def.Impute {
		out = append(out, "--impute", p.Impute.String())
	}
	if p.MissingIndicators != def.MissingIndicators {
		out = append(out, "--missing-indicators="+strconv.FormatBool(p.MissingIndicators))
	}
	return out
}
