package main

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
)

// parseConfig parses args as the configuration flags of a command called
// name and returns the flags and the configuration they build.
func parseConfig(t *testing.T, name string, args ...string) (*configFlags, experiment.Config, error) {
	t.Helper()
	cmd := &cobra.Command{Use: name}
	var src sourceFlags
	src.register(cmd, true)
	f := &configFlags{}
	f.register(cmd)
	if err := cmd.ParseFlags(args); err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	cfg, err := f.config()
	return f, cfg, err
}

func TestTrainingSettingFlagsReachTheConfig(t *testing.T) {
	cases := []struct {
		args  []string
		check func(c experiment.Config) bool
	}{
		{[]string{"--lr-schedule", "step", "--lr-step", "3", "--lr-factor", "0.2"},
			func(c experiment.Config) bool {
				return c.Train.Schedule == engine.ScheduleConfig{Kind: "step", Every: 3, Factor: 0.2}
			}},
		{[]string{"--lr-schedule", "plateau", "--lr-patience", "4", "--min-lr", "1e-5"},
			func(c experiment.Config) bool {
				return c.Train.Schedule == engine.ScheduleConfig{Kind: "plateau", Factor: 0.5, Patience: 4, MinDelta: 1e-4, MinLR: 1e-5}
			}},
		{[]string{"--lr-schedule", "cosine", "--min-lr", "1e-4"},
			func(c experiment.Config) bool {
				return c.Train.Schedule == engine.ScheduleConfig{Kind: "cosine", MinLR: 1e-4}
			}},
		{[]string{"--lr-schedule", "none"},
			func(c experiment.Config) bool { return c.Train.Schedule == engine.ScheduleConfig{} }},
		{[]string{"--clip-norm", "1.5"}, func(c experiment.Config) bool { return c.Train.ClipNorm == 1.5 }},
		{[]string{"--average-epochs", "2"}, func(c experiment.Config) bool { return c.Train.AverageEpochs == 2 }},
		{[]string{"--optimizer", "sgd", "--lr", "0.01", "--momentum", "0.9", "--nesterov"},
			func(c experiment.Config) bool {
				return c.Train.Optimizer == engine.OptimizerConfig{Kind: "sgd", LR: 0.01, Momentum: 0.9, Nesterov: true}
			}},
		{[]string{"--val", "0.3"}, func(c experiment.Config) bool { return c.ValFrac == 0.3 }},
		{[]string{"--early-stop", "0"}, func(c experiment.Config) bool { return c.Train.EarlyStop.Patience == 0 }},
		{[]string{"--early-stop", "25"}, func(c experiment.Config) bool { return c.Train.EarlyStop.Patience == 25 }},
	}
	for _, tc := range cases {
		_, cfg, err := parseConfig(t, "train", tc.args...)
		if err != nil {
			t.Errorf("%v: %v", tc.args, err)
			continue
		}
		if !tc.check(cfg) {
			t.Errorf("%v: train config %+v", tc.args, cfg.Train)
		}
	}
}

func TestBadTrainingSettingsExitTwo(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"train", "--lr-schedule", "warm"}, `--lr-schedule "warm": want none, step, plateau or cosine`},
		{[]string{"train", "--lr-step", "5"}, "--lr-step applies to --lr-schedule step"},
		{[]string{"train", "--lr-schedule", "cosine", "--lr-factor", "0.1"}, "--lr-factor applies to --lr-schedule step or plateau"},
		{[]string{"train", "--lr-schedule", "step", "--min-lr", "0.1"}, "--min-lr applies to --lr-schedule plateau or cosine"},
		{[]string{"train", "--lr-schedule", "step", "--lr-step", "0"}, "--lr-step 0: want a number of epochs ≥ 1"},
		{[]string{"train", "--lr-schedule", "plateau", "--lr-factor", "1"}, "--lr-factor 1: want a factor in (0, 1) for the plateau schedule"},
		{[]string{"train", "--lr-schedule", "plateau", "--lr-patience", "0"}, "--lr-patience 0: want a number of epochs ≥ 1"},
		{[]string{"train", "--lr-schedule", "cosine", "--min-lr", "-1"}, "--min-lr -1: want a rate in [0, 0.001], at most --lr"},
		{[]string{"train", "--clip-norm", "-1"}, "--clip-norm -1: want a gradient norm > 0, or 0 for no clipping"},
		{[]string{"train", "--average-epochs", "-2"}, "--average-epochs -2: want a number of epochs > 0, or 0 for no averaging"},
		{[]string{"eval", "--cv", "3", "--clip-norm", "NaN"}, "--clip-norm NaN: want a gradient norm > 0, or 0 for no clipping"},
		{[]string{"train", "--preset", "keras"}, `--preset "keras": want article-4.3 or article-5`},
		{[]string{"train", "--preset", "article-4.3", "--data", "users.csv"}, "--preset article-4.3 trains on the article's own data (100 users, 10 behaviour features): drop --data"},
		{[]string{"train", "--preset", "article-4.3", "--builtin-users", "500"}, "drop --builtin-users"},
		{[]string{"backtest", "--log", "orders.csv", "--preset", "article-4.3"}, "--preset article-4.3 brings its own data, which this command does not read"},
		{[]string{"eval", "--model", "m.json", "--data", "u.csv", "--preset", "article-5"}, "--preset describes training and applies to --cv, not to --model"},
	}
	for _, tc := range cases {
		c := newCLI(t)
		if code := c.run(context.Background(), tc.args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", tc.args, code, c.stderr.String())
		}
		if !strings.Contains(c.stderr.String(), tc.want) {
			t.Errorf("%v: stderr %q, want it to contain %q", tc.args, c.stderr.String(), tc.want)
		}
	}
}

// TestScheduleAndMomentumOutOfRangeExitTwo: a schedule floor above the
// learning rate (which would make the rate climb, or jump up at the first
// plateau) and a NaN momentum are refused before training with the valid
// range, not trained into a climbing rate or a divergence (exit 1).
func TestScheduleAndMomentumOutOfRangeExitTwo(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"train", "--lr-schedule", "cosine", "--min-lr", "1"}, "retain: --min-lr 1: want a rate in [0, 0.001], at most --lr\n"},
		{[]string{"train", "--lr-schedule", "plateau", "--min-lr", "5"}, "retain: --min-lr 5: want a rate in [0, 0.001], at most --lr\n"},
		{[]string{"train", "--lr", "0.01", "--lr-schedule", "cosine", "--min-lr", "NaN"}, "retain: --min-lr NaN: want a rate in [0, 0.01], at most --lr\n"},
		{[]string{"eval", "--cv", "2", "--lr-schedule", "plateau", "--min-lr", "0.5"}, "retain: --min-lr 0.5: want a rate in [0, 0.001], at most --lr\n"},
		{[]string{"train", "--optimizer", "sgd", "--momentum", "NaN"}, "retain: --momentum NaN: want a momentum from 0 up to (not including) 1, such as 0.9\n"},
	} {
		mustRefuse(t, tc.args, tc.want)
	}
}

func TestPresetArticle5(t *testing.T) {
	_, cfg, err := parseConfig(t, "train", "--preset", "article-5")
	if err != nil {
		t.Fatal(err)
	}
	// The article's §5: Dense(64, relu), Dense(32, relu), Dense(1,
	// sigmoid), Adam, 10 epochs, batch 32, no early stopping, [0, 1].
	want := []engine.LayerSpec{{Units: 64, Activation: engine.ReLU}, {Units: 32, Activation: engine.ReLU}}
	if !reflect.DeepEqual(cfg.Hidden, want) {
		t.Errorf("hidden %v, want %v", cfg.Hidden, want)
	}
	tr := cfg.Train
	if tr.Optimizer != (engine.OptimizerConfig{Kind: "adam", LR: 1e-3}) || tr.Epochs != 10 || tr.BatchSize != 32 ||
		tr.EarlyStop.Patience != 0 || tr.Schedule != (engine.ScheduleConfig{}) {
		t.Errorf("training %+v", tr)
	}
	if cfg.Pipeline.Scale != data.ScaleMinMax || cfg.Pipeline.Log1p {
		t.Errorf("pipeline %+v, want min-max to [0, 1] without ln(1+v)", cfg.Pipeline)
	}
	if cfg.ValFrac != 0 || cfg.TestFrac != 0.2 || cfg.Calibrates() {
		t.Errorf("val %g test %g calibrates %v, want fit on all training rows and evaluate on 20 %% test rows",
			cfg.ValFrac, cfg.TestFrac, cfg.Calibrates())
	}
	// A flag the user gives overrides the preset.
	_, cfg, err = parseConfig(t, "train", "--preset", "article-5", "--epochs", "40", "--layers", "16")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Train.Epochs != 40 || len(cfg.Hidden) != 1 || cfg.Hidden[0].Units != 16 || cfg.Train.BatchSize != 32 {
		t.Errorf("overrides: epochs %d hidden %v batch %d", cfg.Train.Epochs, cfg.Hidden, cfg.Train.BatchSize)
	}
}

// TestPresetYieldsToGivenFlags: a flag given beside --preset article-5
// overrides it even where the preset's other values would undo it (no
// validation part, no calibration rows, no calibration map): the values it
// needs return to the defaults, and the rest stays the preset's.
func TestPresetYieldsToGivenFlags(t *testing.T) {
	def := experiment.DefaultConfig()
	for _, tc := range []struct {
		args        []string
		val, calib  float64
		calibration experiment.CalibrationMethod
		patience    int
	}{
		{[]string{"--calibration", "platt"}, def.ValFrac, 0, experiment.CalibPlatt, 0},
		{[]string{"--calibration", "isotonic", "--val", "0.1"}, 0.1, 0, experiment.CalibIsotonic, 0},
		{[]string{"--calib", "0.2"}, 0, 0.2, experiment.DefaultCalibration, 0},
		{[]string{"--calib", "val"}, def.ValFrac, 0, experiment.DefaultCalibration, 0},
		{[]string{"--early-stop", "5"}, def.ValFrac, 0, experiment.CalibNone, 5},
		{[]string{"--early-stop", "5", "--val", "0.3"}, 0.3, 0, experiment.CalibNone, 5},
	} {
		_, cfg, err := parseConfig(t, "train", append([]string{"--preset", "article-5"}, tc.args...)...)
		if err != nil {
			t.Errorf("%v: %v", tc.args, err)
			continue
		}
		if cfg.ValFrac != tc.val || cfg.CalibFrac != tc.calib || cfg.Calibration != tc.calibration || cfg.Train.EarlyStop.Patience != tc.patience {
			t.Errorf("%v: val %g calib %g calibration %q early stop %d, want %g %g %q %d", tc.args,
				cfg.ValFrac, cfg.CalibFrac, cfg.Calibration, cfg.Train.EarlyStop.Patience, tc.val, tc.calib, tc.calibration, tc.patience)
		}
		if cfg.TestFrac != 0.2 || cfg.Train.Epochs != 10 || cfg.Pipeline.Scale != data.ScaleMinMax {
			t.Errorf("%v: test %g epochs %d scale %v: the preset's other values were lost", tc.args, cfg.TestFrac, cfg.Train.Epochs, cfg.Pipeline.Scale)
		}
	}
	// End to end: the model is calibrated on the validation part.
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--preset", "article-5", "--calibration", "platt", "--epochs", "1", "--json"); code != exitOK {
		t.Fatalf("exit %d: %s", code, c.stderr.String())
	}
	var out struct {
		Split       map[string]int `json:"split"`
		Calibration struct {
			Method   string `json:"method"`
			FittedOn string `json:"fitted_on"`
		} `json:"calibration"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if out.Calibration.Method != "platt" || out.Calibration.FittedOn != "validation" || out.Split["validation"] != 500 || out.Split["test"] != 1000 {
		t.Errorf("split %v calibration %+v, want platt fitted on 500 validation rows, 1000 test rows", out.Split, out.Calibration)
	}
}

func TestPresetArticle43TrainsOnTheHundredUsers(t *testing.T) {
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--preset", "article-4.3", "--json"); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	var doc struct {
		Source  experiment.Source `json:"source"`
		Split   partRows          `json:"split"`
		Epochs  int               `json:"epochs"`
		Part    experiment.Part   `json:"part"`
		Network engine.Architecture
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	// 100 users, ten behaviour features; 20 % held out as the test set.
	if doc.Source.Kind != "textbook" || doc.Network.Inputs != 10 || doc.Split != (partRows{Train: 80, Test: 20}) {
		t.Errorf("source %+v, inputs %d, split %+v", doc.Source, doc.Network.Inputs, doc.Split)
	}
	if doc.Epochs != 10 || doc.Part != experiment.TestPart {
		t.Errorf("epochs %d part %q, want all 10 epochs and the test part", doc.Epochs, doc.Part)
	}
}

func TestTrainReportsTheAUCInterval(t *testing.T) {
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--builtin-users", "600", "--epochs", "2", "--json"); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	var doc struct {
		ROCAUC float64           `json:"roc_auc"`
		CI     *metrics.Interval `json:"roc_auc_ci"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.CI == nil || doc.CI.Method != "DeLong" || doc.CI.Level != 0.95 || !(doc.CI.Low < doc.ROCAUC && doc.ROCAUC < doc.CI.High) {
		t.Fatalf("roc_auc %v, roc_auc_ci %+v", doc.ROCAUC, doc.CI)
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "train", "--builtin-users", "600", "--epochs", "2"); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	// The same seed trains the same network: the text shows the JSON's figures.
	want := fmt.Sprintf("roc_auc            %.4f  (95 %% CI %.3f–%.3f, DeLong; Bayes limit ", doc.ROCAUC, doc.CI.Low, doc.CI.High)
	if !strings.Contains(c.stdout.String(), want) {
		t.Errorf("text lacks %q:\n%s", want, c.stdout.String())
	}
}
