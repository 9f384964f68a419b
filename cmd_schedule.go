package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/retainlab/retain/engine"
)

// scheduleFlags choose the learning-rate schedule.
type scheduleFlags struct {
	kind     string
	every    int
	factor   float64
	patience int
	minLR    float64
}

// register adds the schedule flags to fs.
func (f *scheduleFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.kind, "lr-schedule", "none", "learning-rate schedule: none, step, plateau or cosine")
	fs.IntVar(&f.every, "lr-step", 10, "step schedule: multiply the rate by --lr-factor every `N` epochs")
	fs.Float64Var(&f.factor, "lr-factor", 0.5, "step and plateau schedules: the factor the rate is multiplied by")
	fs.IntVar(&f.patience, "lr-patience", 5, "plateau schedule: epochs without improvement of the monitored loss before the rate drops")
	fs.Float64Var(&f.minLR, "min-lr", 0, "plateau and cosine schedules: the lowest rate")
}

// scheduleUses names the schedules each tuning flag applies to.
var scheduleUses = map[string][]string{
	"lr-step":     {"step"},
	"lr-factor":   {"step", "plateau"},
	"lr-patience": {"plateau"},
	"min-lr":      {"plateau", "cosine"},
}

// config builds the schedule; a tuning flag the chosen schedule does not
// use is refused rather than ignored.
func (f *scheduleFlags) config(fs *pflag.FlagSet, lr float64) (engine.ScheduleConfig, error) {
	kind := strings.ToLower(strings.TrimSpace(f.kind))
	switch kind {
	case "none", "step", "plateau", "cosine":
	default:
		return engine.ScheduleConfig{}, fmt.Errorf("--lr-schedule %q: want none, step, plateau or cosine", f.kind)
	}
	for _, name := range []string{"lr-step", "lr-factor", "lr-patience", "min-lr"} {
		uses := scheduleUses[name]
		if fs.Changed(name) && !slices.Contains(uses, kind) {
			return engine.ScheduleConfig{}, fmt.Errorf("--%s applies to --lr-schedule %s", name, strings.Join(uses, " or "))
		}
	}
	switch kind {
	case "none":
		return engine.ScheduleConfig{}, nil
	case "step":
		if f.every < 1 {
			return engine.ScheduleConfig{}, fmt.Errorf("--lr-step %d: want a number of epochs ≥ 1", f.every)
		}
		if !(f.factor > 0 && f.factor <= 1) {
			return engine.ScheduleConfig{}, fmt.Errorf("--lr-factor %g: want a factor in (0, 1]", f.factor)
		}
		return engine.ScheduleConfig{Kind: kind, Every: f.every, Factor: f.factor}, nil
	}
	// The schedules only lower the rate (engine.TrainConfig.Validate).
	if !(f.minLR >= 0 && f.minLR <= lr) {
		return engine.ScheduleConfig{}, fmt.Errorf("--min-lr %g: want a rate in [0, %g], at most --lr", f.minLR, lr)
	}
	if kind == "cosine" {
		return engine.ScheduleConfig{Kind: kind, MinLR: f.minLR}, nil
	}
	if f.patience < 1 {
		return engine.ScheduleConfig{}, fmt.Errorf("--lr-patience %d: want a number of epochs ≥ 1", f.patience)
	}
	if !(f.factor > 0 && f.factor < 1) {
		return engine.ScheduleConfig{}, fmt.Errorf("--lr-factor %g: want a factor in (0, 1) for the plateau schedule", f.factor)
	}
	return engine.ScheduleConfig{Kind: kind, Factor: f.factor, Patience: f.patience, MinDelta: 1e-4, MinLR: f.minLR}, nil
}
