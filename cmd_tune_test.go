package main

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

func TestTuneFlagErrorsExitTwo(t *testing.T) {
	users := usersCSV(t, 100)
	missing := filepath.Join(t.TempDir(), "no", "model.json")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"tune", "--data", users, "--folds", "1"}, "retain: --folds 1: want at least 2\n"},
		{[]string{"tune", "--data", users, "--trials", "-1"}, "retain: --trials -1: want at least 1 (0: as many as --budget allows)\n"},
		{[]string{"tune", "--data", users, "--budget", "-1s"}, "retain: --budget -1s: want a positive duration such as 2m\n"},
		{[]string{"tune", "--data", users, "--budget", "0"}, "retain: --budget 0 sets no time limit: give --trials N to say when to stop\n"},
		{[]string{"tune", "--data", users, "--trials", "3", "--out", missing},
			"retain: --out " + missing + ": directory " + filepath.Dir(missing) + " does not exist\n"},
		{[]string{"tune", "--budget", "soon"},
			"retain: --budget \"soon\": want a duration such as 30s, 2m or 1h30m\nRun 'retain tune --help' for usage.\n"},
	} {
		cl := newCLI(t)
		if code := cl.run(context.Background(), c.args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2", c.args, code)
		}
		if got := cl.stderr.String(); got != c.want {
			t.Errorf("%v:\nstderr %q\nwant   %q", c.args, got, c.want)
		}
		if cl.stdout.Len() != 0 {
			t.Errorf("%v: wrote %q on stdout", c.args, cl.stdout.String())
		}
	}
}

// parseTrainFlags reads flags as retain train does.
func parseTrainFlags(t *testing.T, flags []string) experiment.Config {
	t.Helper()
	var f configFlags
	cmd := &cobra.Command{Use: "train"}
	f.register(cmd)
	if err := cmd.Flags().Parse(flags); err != nil {
		t.Fatalf("%v: %v", flags, err)
	}
	cfg, err := f.config()
	if err != nil {
		t.Fatalf("%v: %v", flags, err)
	}
	return cfg
}

// TestTrainFlagsGiveTheConfig: the printed flags, read back by train,
// give the configuration they were printed from.
func TestTrainFlagsGiveTheConfig(t *testing.T) {
	sgd := tuneBase(9)
	sgd.Hidden = []engine.LayerSpec{{Units: 16, Activation: engine.Tanh}, {Units: 8, Activation: engine.LeakyReLU}}
	sgd.Train.Optimizer = engine.OptimizerConfig{Kind: "sgd", LR: 0.01, Momentum: 0.9, Nesterov: true}
	sgd.Train.L2, sgd.Train.BatchSize, sgd.Train.PosWeight, sgd.Train.EarlyStop.Patience = 1e-4, 256, 2.75, 20
	sgd.Pipeline = data.PipelineOptions{Scale: data.ScaleZScore}
	// A fixed decay replaces the default's decay per training row, as an
	// explicit --l2 does (and the search's l2 dimension): a configuration
	// with both would train with the prior's decay, not 1e-4.
	sgd.L2Prior = 0
	def := tuneBase(1)
	def.Train.PosWeight = 1 // 0 and 1 both mean unweighted; the flag says 1
	for _, want := range []experiment.Config{def, sgd} {
		got := parseTrainFlags(t, trainFlags(want))
		if !reflect.DeepEqual(got.Hidden, want.Hidden) || !reflect.DeepEqual(got.Train, want.Train) ||
			got.Pipeline != want.Pipeline || got.L2Prior != want.L2Prior || got.Seed != want.Seed || got.ValFrac != want.ValFrac ||
			got.CalibFrac != want.CalibFrac || got.Calibration != want.Calibration {
			t.Errorf("flags %v\ngive %+v\nwant %+v", trainFlags(want), got, want)
		}
	}
}

// TestL2PriorFlag: --l2-prior sets the decay per training row, 0 turns it
// off, an explicit --l2 replaces it, and both at once are refused.
func TestL2PriorFlag(t *testing.T) {
	for _, c := range []struct {
		flags      []string
		prior, fix float64
	}{
		{nil, 20, 0}, // the default: 20 / training rows
		{[]string{"--l2-prior", "50"}, 50, 0},
		{[]string{"--l2-prior", "0"}, 0, 0},
		{[]string{"--l2", "0.01"}, 0, 0.01},
		{[]string{"--l2-prior", "0", "--l2", "0.01"}, 0, 0.01},
	} {
		cfg := parseTrainFlags(t, c.flags)
		if cfg.L2Prior != c.prior || cfg.Train.L2 != c.fix {
			t.Errorf("%v: prior %g, l2 %g; want %g, %g", c.flags, cfg.L2Prior, cfg.Train.L2, c.prior, c.fix)
		}
	}
	var f configFlags
	cmd := &cobra.Command{Use: "train"}
	f.register(cmd)
	if err := cmd.Flags().Parse([]string{"--l2", "0.01", "--l2-prior", "20"}); err != nil {
		t.Fatal(err)
	}
	_, err := f.config()
	const want = "--l2 0.01 and --l2-prior 20 both set the L2 decay: give one (or --l2-prior 0 with --l2)"
	if err == nil || err.Error() != want {
		t.Errorf("both: %v, want %q", err, want)
	}
	cli := newCLI(t)
	if code := cli.run(context.Background(), "train", "--builtin-users", "200", "--l2-prior", "-1"); code != exitUsage {
		t.Errorf("--l2-prior -1: exit %d, want 2; stderr %q", code, cli.stderr.String())
	}
}

// TestTuneEndToEnd searches a small table, checks that eval --cv with the
// printed flags measures the figure tune reported, and that --out writes
// the model and the result beside it.
func TestTuneEndToEnd(t *testing.T) {
	users := usersCSV(t, 200)
	out := filepath.Join(t.TempDir(), "model.json")
	cl := newCLI(t)
	args := []string{"tune", "--data", users, "--trials", "4", "--folds", "3", "--budget", "0", "--seed", "5", "--json", "--out", out}
	if code := cl.run(context.Background(), args...); code != exitOK {
		t.Fatalf("exit %d: %s", code, cl.stderr.String())
	}
	var doc struct {
		Flags []string `json:"flags"`
		Model string   `json:"model"`
		Tried int      `json:"tried"`
		Ended string   `json:"ended"`
		Best  struct {
			AUC    float64 `json:"roc_auc"`
			AUCStd float64 `json:"roc_auc_std"`
			Base   bool    `json:"base"`
		} `json:"best"`
		Board []struct {
			Base bool    `json:"base"`
			AUC  float64 `json:"roc_auc"`
		} `json:"leaderboard"`
		Gain *experiment.TuneGain `json:"best_vs_default"`
	}
	if err := json.Unmarshal(cl.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	// best_vs_default is there when the best is not the default, with the
	// difference of their means (paired over every fold: the mean of the
	// differences is the difference of the means).
	for _, b := range doc.Board {
		if b.Base && !doc.Best.Base && (doc.Gain == nil || math.Abs(doc.Gain.Difference-(doc.Best.AUC-b.AUC)) > 1e-12 || doc.Gain.ClearlyBetter != (doc.Gain.Difference > doc.Gain.Noise)) {
			t.Errorf("best_vs_default %+v, best %v, default %v", doc.Gain, doc.Best.AUC, b.AUC)
		}
	}
	if doc.Best.Base && doc.Gain != nil {
		t.Errorf("the default is the best, yet best_vs_default %+v", doc.Gain)
	}
	if doc.Tried != 4 || doc.Ended != "done" || doc.Model != out || !strings.Contains(cl.stderr.String(), "trial  roc_auc ± std") {
		t.Errorf("tried %d, ended %q, model %q; stderr %s", doc.Tried, doc.Ended, doc.Model, cl.stderr.String())
	}
	ev := newCLI(t)
	if code := ev.run(context.Background(), append([]string{"eval", "--cv", "3", "--data", users, "--json"}, doc.Flags...)...); code != exitOK {
		t.Fatalf("eval exit %d: %s", code, ev.stderr.String())
	}
	var cv experiment.CVResult
	if err := json.Unmarshal(ev.stdout.Bytes(), &cv); err != nil {
		t.Fatal(err)
	}
	if cv.Mean.ROCAUC != doc.Best.AUC || cv.Std.ROCAUC != doc.Best.AUCStd {
		t.Errorf("eval --cv %v: %v ± %v, tune said %v ± %v", doc.Flags, cv.Mean.ROCAUC, cv.Std.ROCAUC, doc.Best.AUC, doc.Best.AUCStd)
	}
	if _, err := os.Stat(out); err != nil {
		t.Error(err)
	}
	saved, err := os.ReadFile(out + ".tune.json")
	if err != nil || !json.Valid(saved) || !strings.Contains(string(saved), `"model": "`+out+`"`) {
		t.Errorf("tune.json: %v %.200s", err, saved)
	}
}

// TestTuneTextNamesTheFlags: without --json, stdout is the best trial's
// figures and the retain train command that gives it.
func TestTuneTextNamesTheFlags(t *testing.T) {
	users := usersCSV(t, 120)
	cl := newCLI(t)
	if code := cl.run(context.Background(), "tune", "--data", users, "--trials", "2", "--folds", "2", "--budget", "0"); code != exitOK {
		t.Fatalf("exit %d: %s", code, cl.stderr.String())
	}
	lines := strings.Split(cl.stdout.String(), "\n")
	// A best other than the default says whether it beats it (gainText).
	if len(lines) == 6 && (strings.HasPrefix(lines[1], "Not clearly better than the default: ") || strings.HasPrefix(lines[1], "Better than the default: ")) {
		lines = append(lines[:1], lines[2:]...)
	}
	if len(lines) != 5 || !strings.HasPrefix(lines[0], "Best: trial ") || !strings.Contains(lines[0], "2-fold CV ROC AUC") ||
		!strings.HasPrefix(lines[2], "  retain train --data "+users+" --layers ") ||
		lines[3] != strings.TrimSuffix(lines[3], "every trial measured")+"every trial measured" {
		t.Errorf("stdout:\n%s", cl.stdout.String())
	}
}

// TestTuneSettingsText: the default reads "default", a neighbour of the
// default names only what it changed on top of it, and a trial drawn
// from the whole space lists every setting.
func TestTuneSettingsText(t *testing.T) {
	one := []experiment.Setting{{Name: "layers", Value: "128,64"}, {Name: "l2", Value: "0.001"}}
	for _, c := range []struct {
		trial experiment.Trial
		want  string
	}{
		{experiment.Trial{Number: 1, Base: true}, "default"},
		{experiment.Trial{Number: 12, Parent: 1, OnBase: true, Settings: one}, "default with layers 128,64, l2 0.001"},
		{experiment.Trial{Number: 20, Parent: 12, OnBase: true, Settings: one}, "default with layers 128,64, l2 0.001"},
		{experiment.Trial{Number: 13, Parent: 5, Settings: one}, "layers 128,64, l2 0.001"},
		// A balanced weight is the number --pos-weight takes (here the
		// telco file's 5,174 negatives ÷ 1,869 positives, rounded to 4
		// decimals as Tune rounds it); "pos-weight balanced" alone sent
		// users to --pos-weight balanced, which takes a number.
		{experiment.Trial{Number: 5, Settings: []experiment.Setting{{Name: "layers", Value: "64"}, {Name: "pos-weight", Value: "balanced"}},
			Config: balancedConfig(), PosWeight: 2.7683}, "layers 64, pos-weight 2.7683 (balanced)"},
		{experiment.Trial{Number: 6, Settings: []experiment.Setting{{Name: "pos-weight", Value: "1"}}, PosWeight: 1}, "pos-weight 1"},
	} {
		if got := settingsText(&c.trial); got != c.want {
			t.Errorf("trial %d: %q, want %q", c.trial.Number, got, c.want)
		}
	}
}

// balancedConfig is a trial's configuration with the positive weight the
// search calls balanced.
func balancedConfig() experiment.Config {
	c := experiment.DefaultConfig()
	c.Train.PosWeight = experiment.BalancedPosWeight
	return c
}

// TestL2PriorAltFlag: the decay check is on by default at 2 / rows, off
// with 0 or with a fixed --l2, and refused where it has nothing to
// compare with or is not a prior.
func TestL2PriorAltFlag(t *testing.T) {
	for _, c := range []struct {
		flags []string
		alt   float64
	}{
		{nil, 2},
		{[]string{"--l2-prior-alt", "10"}, 10},
		{[]string{"--l2-prior-alt", "0"}, 0},
		{[]string{"--l2", "0.01"}, 0},
		{[]string{"--l2-prior", "0"}, 0},
	} {
		if cfg := parseTrainFlags(t, c.flags); cfg.L2PriorAlt != c.alt {
			t.Errorf("%v: alternative prior %g, want %g", c.flags, cfg.L2PriorAlt, c.alt)
		}
	}
	for _, c := range []struct {
		flags []string
		want  string
	}{
		{[]string{"--l2", "0.01", "--l2-prior-alt", "5"},
			"--l2 0.01 and --l2-prior-alt 5: the decay check compares two priors per training row; give --l2-prior instead of --l2"},
		{[]string{"--l2-prior", "0", "--l2-prior-alt", "5"}, "--l2-prior-alt 5 needs a decay per training row to compare with: --l2-prior is 0"},
		{[]string{"--l2-prior-alt", "-1"}, "--l2-prior-alt -1: want a prior > 0, or 0 for no decay check"},
	} {
		var f configFlags
		cmd := &cobra.Command{Use: "train"}
		f.register(cmd)
		if err := cmd.Flags().Parse(c.flags); err != nil {
			t.Fatal(err)
		}
		if _, err := f.config(); err == nil || err.Error() != c.want {
			t.Errorf("%v: %v, want %q", c.flags, err, c.want)
		}
	}
}

// TestTuneGainText: the line after Best says whether it beats the
// default, with the difference and its noise as experiment.TuneGain has
// them (review31 #17: 0.8496 against 0.8493 was printed as a best to copy).
func TestTuneGainText(t *testing.T) {
	for _, c := range []struct {
		g    experiment.TuneGain
		want string
	}{
		{experiment.TuneGain{Difference: 0.0003, Noise: 0.0012585706178041666, Paired: true, Folds: 5},
			"Not clearly better than the default: difference +0.0003, noise ±0.0013 (twice the standard error of the 5 paired fold differences); " +
				"the default does as well as far as these folds can tell"},
		{experiment.TuneGain{Difference: 0.006, Noise: 0.0049, Paired: true, Folds: 5, ClearlyBetter: true},
			"Better than the default: difference +0.0060, beyond the noise ±0.0049 (twice the standard error of the 5 paired fold differences)"},
		{experiment.TuneGain{Difference: -0.0004, Noise: 0.0094},
			"Not clearly better than the default: difference -0.0004, noise ±0.0094 (twice the standard error of the two means); " +
				"the default does as well as far as these folds can tell"},
	} {
		if got := gainText(&c.g); got != c.want {
			t.Errorf("%+v:\n%s\nwant\n%s", c.g, got, c.want)
		}
	}
}
