package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// shellWords splits line as a POSIX shell does (sh's own parsing: set --
// LINE), so that a test reads a suggested command as the user's shell
// will.
func shellWords(t *testing.T, line string) []string {
	t.Helper()
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no POSIX shell to read the command with")
	}
	out, err := exec.Command(sh, "-c", "set -- "+line+`; printf '%s\0' "$@"`).Output()
	if err != nil {
		t.Fatalf("sh could not read %s: %v", line, err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
}

// comparableConfig is cfg less what no flag gives and nothing trains
// differently by: the fixed decay when a prior per training row sets it
// from the rows (experiment.New), the decay check's prior without a prior
// to compare it with, a positive weight of 0 (the engine's 1), how an
// order log is validated (retain train splits at random; the Plan screen
// offers the command for runs split at random only), the calibration
// rows and whether a small part drops them when nothing is calibrated,
// and an empty list of hidden layers (nil).
func comparableConfig(cfg experiment.Config) experiment.Config {
	if cfg.L2Prior > 0 {
		cfg.Train.L2 = 0
	} else {
		cfg.L2PriorAlt = 0
	}
	if cfg.Train.PosWeight == 0 {
		cfg.Train.PosWeight = 1
	}
	cfg.Validation = ""
	if !cfg.Calibrates() {
		cfg.CalibFrac, cfg.Calibration, cfg.CalibIfPossible = 0, experiment.CalibNone, false
	}
	if len(cfg.Hidden) == 0 {
		cfg.Hidden = nil
	}
	return cfg
}

// loadedAs is what a command line must give again of the data d loaded
// with label: its kind, file, label column, date order, horizon, the
// cutoff its cohort was built at, log columns, BG/NBD inputs, built-in
// size and seed, and the columns left out and read as categories.
func loadedAs(src experiment.Source, label string, cohort *data.CohortReport) experiment.Source {
	out := experiment.Source{Kind: src.Kind, Path: src.Path, DateOrder: src.DateOrder, Exclude: src.Exclude, Categorical: src.Categorical}
	switch src.Kind {
	case "csv":
		out.Label = label
	case "log":
		out.HorizonDays, out.Cutoff, out.LogColumns = src.HorizonDaysOrDefault(), src.Cutoff, src.LogColumns
		if cohort != nil {
			out.Cutoff = cohort.Cutoff
		}
		out.Features.BTYD = src.Features.BTYD
	case "builtin":
		out.Users, out.DataSeed = src.Users, src.DataSeed
		if out.Users == 0 {
			out.Users = data.DefaultShopUsers
		}
	}
	return out
}

// tuiConfig is the configuration the TUI starts with (cmd_tui.go's), as
// the Model screen shows it before a change.
func tuiConfig() experiment.Config {
	cfg := experiment.DefaultConfig()
	cfg.CalibFrac, cfg.Calibration, cfg.CalibIfPossible = experiment.DefaultCalibFrac, experiment.DefaultCalibration, true
	cfg.Validation = experiment.OutOfTime
	return cfg
}

// TestTrainArgsRoundTrip: the retain train command the Plan screen
// suggests (common.TrainArgs, quoted by common.ShellLine), read by a
// POSIX shell and then by retain train's own flags, gives back the run's
// data as loaded, the configuration the Model screen set and the levers
// marked. Before the fix the command carried the data flags alone, so
// every case below but the default one read back retain train's defaults.
func TestTrainArgsRoundTrip(t *testing.T) {
	csvCfg := tuiConfig()
	csvCfg.Hidden = []engine.LayerSpec{{Units: 16, Activation: engine.Tanh}, {Units: 8, Activation: engine.Sigmoid}}
	csvCfg.Train.Optimizer = engine.OptimizerConfig{Kind: "sgd", LR: 0.01, Momentum: 0.9, Nesterov: true}
	csvCfg.Train.BatchSize, csvCfg.Train.Epochs, csvCfg.Train.PosWeight = 16, 7, 2.5
	csvCfg.Train.L2, csvCfg.L2Prior, csvCfg.L2PriorAlt = 50.0/900, 50, 0 // the decay 50/rows gave 900 rows
	csvCfg.Train.EarlyStop.Patience = 3
	csvCfg.Train.Schedule = engine.ScheduleConfig{Kind: "plateau", Factor: 0.3, Patience: 2, MinDelta: 1e-4, MinLR: 1e-5}
	csvCfg.Train.ClipNorm, csvCfg.Train.AverageEpochs = 1.5, 2
	csvCfg.ValFrac, csvCfg.TestFrac, csvCfg.Seed, csvCfg.Threshold = 0.2, 0.1, 42, 0.4
	csvCfg.Pipeline = data.PipelineOptions{Scale: data.ScaleRobust, Impute: data.ImputeMedian}
	csvCfg.CalibFrac, csvCfg.Calibration, csvCfg.CalibIfPossible = 0.15, experiment.CalibIsotonic, false

	logCfg := tuiConfig()
	logCfg.Hidden = nil // a logistic regression
	logCfg.Train.Optimizer.LR = 0.003
	logCfg.Train.L2, logCfg.L2Prior = 1e-4, 0 // a fixed decay; the check's 2/rows stays, unused
	logCfg.Train.Schedule = engine.ScheduleConfig{Kind: "step", Every: 5, Factor: 0.25}
	logCfg.Calibration, logCfg.CalibFrac = experiment.CalibNone, 0
	logCfg.Validation = experiment.RandomSplit

	// The §5 preset as the Model screen applies it: its test part held
	// out as validation, the seed kept (modelscreen.nextPreset).
	p, err := experiment.PresetByName(experiment.PresetArticle5)
	if err != nil {
		t.Fatal(err)
	}
	presetCfg := p.Config
	presetCfg.ValFrac, presetCfg.TestFrac, presetCfg.Seed = presetCfg.TestFrac, 0, 3

	mixed := tuiConfig()
	mixed.Hidden = []engine.LayerSpec{{Units: 64, Activation: engine.ReLU}, {Units: 32, Activation: engine.Tanh}, {Units: 4, Activation: engine.ReLU}}
	mixed.Train.Schedule = engine.ScheduleConfig{Kind: "cosine", MinLR: 1e-6}
	mixed.Pipeline.Log1p, mixed.Pipeline.MissingIndicators = false, false
	mixed.L2Prior, mixed.L2PriorAlt = 5, 1

	cutoff := time.Date(2011, 9, 10, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name   string
		src    experiment.Source
		label  string
		cohort *data.CohortReport
		cfg    experiment.Config
		levers []string
	}{
		{"csv with every kind of setting", experiment.Source{Kind: "csv", Path: `/tmp/my "shop" data/it's users.csv`, DateOrder: "dmy",
			Exclude: []string{"email", "a,b"}, Categorical: []string{"Region", `say "hi"`}},
			"churned", nil, csvCfg, []string{"tenure:up", "coupons"}},
		{"order log at the default cutoff, a fixed decay", experiment.Source{Kind: "log", Path: "orders 2024.csv", HorizonDays: 90, DateOrder: "mdy",
			LogColumns: data.LogColumns{Customer: "Customer ID", Time: "InvoiceDate"}, Features: experiment.LogFeatures{BTYD: true}},
			"", &data.CohortReport{Cutoff: cutoff, HorizonDays: 90}, logCfg, nil},
		{"built-in shop, the §5 preset", experiment.Source{Kind: "builtin", Users: 1200, DataSeed: 9}, "", nil, presetCfg, nil},
		{"built-in shop, mixed activations", experiment.Source{Kind: "builtin"}, "", nil, mixed, nil},
		{"defaults", experiment.Source{Kind: "builtin"}, "", nil, tuiConfig(), nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := &experiment.Experiment{Data: &experiment.Data{Source: tc.src, Cohort: tc.cohort}, Config: tc.cfg,
				Pipeline: &data.Pipeline{Label: data.LabelSpec{Name: tc.label}}}
			args, ok := common.TrainArgs(e, tc.levers)
			if !ok {
				t.Fatalf("no command for %+v", tc.src)
			}
			line := common.ShellLine(args)
			t.Log(line)
			words := shellWords(t, line)
			if len(words) < 2 || words[0] != "retain" || words[1] != "train" {
				t.Fatalf("%s: not a retain train command", line)
			}
			o := &trainOptions{}
			cmd := trainCommand(newCLI(t).app, o)
			if err := cmd.ParseFlags(words[2:]); err != nil {
				t.Fatalf("%s: %v", line, err)
			}
			if err := cmd.ValidateFlagGroups(); err != nil {
				t.Fatalf("%s: %v", line, err)
			}
			src, err := o.src.source()
			if err != nil {
				t.Fatalf("%s: %v", line, err)
			}
			cfg, err := o.cfg.config()
			if err != nil {
				t.Fatalf("%s: %v", line, err)
			}
			if src, err = o.cfg.presetSource(src); err != nil {
				t.Fatalf("%s: %v", line, err)
			}
			if got, want := comparableConfig(cfg), comparableConfig(tc.cfg); !reflect.DeepEqual(got, want) {
				t.Errorf("%s\nreads back the configuration\n%+v\nthe screen's is\n%+v", line, got, want)
			}
			if got, want := loadedAs(src, src.Label, nil), loadedAs(tc.src, tc.label, tc.cohort); !reflect.DeepEqual(got, want) {
				t.Errorf("%s\nreads back the data\n%+v\nloaded as\n%+v", line, got, want)
			}
			if !reflect.DeepEqual(o.levers, tc.levers) {
				t.Errorf("%s\nreads back the levers %q, marked %q", line, o.levers, tc.levers)
			}
		})
	}
}

// TestTrainArgsRunConfig: the command gives the settings a run was
// started with, not what training wrote into its configuration: a decay
// check that switched to 2/rows is run again by the command (the default
// 20/rows then 2/rows, so no flag), and the default calibration dropped
// on a validation part too small for it is the default again.
func TestTrainArgsRunConfig(t *testing.T) {
	switched := tuiConfig()
	switched.Train.L2, switched.L2Prior, switched.L2PriorAlt = 2.0/900, 2, 0 // as experiment.ApplyDecay leaves it
	dropped := tuiConfig()
	dropped.CalibFrac, dropped.Calibration = 0, experiment.CalibNone // as carveIfAsked leaves it
	for name, e := range map[string]*experiment.Experiment{
		"decay check switched": {Config: switched, Decay: &experiment.DecayCheck{Prior: 20, AltPrior: 2, Switched: true}},
		"calibration dropped":  {Config: dropped, CalibNote: "not calibrated: too few rows"},
	} {
		t.Run(name, func(t *testing.T) {
			e.Data = &experiment.Data{Source: experiment.Source{Kind: "builtin"}}
			args, _ := common.TrainArgs(e, nil)
			if got, want := common.ShellLine(args), "retain train --builtin-users 5000 --builtin-seed 0"; got != want {
				t.Errorf("got %s\nwant %s", got, want)
			}
		})
	}
}

// TestTrainArgsNone: the textbook shop and a built-in shop with planted
// abusers have no retain train command line.
func TestTrainArgsNone(t *testing.T) {
	for name, d := range map[string]*experiment.Data{
		"textbook": {Source: experiment.Source{Kind: "textbook"}},
		"abusers":  {Source: experiment.Source{Kind: "builtin"}, Planted: 0.05},
	} {
		if args, ok := common.TrainArgs(&experiment.Experiment{Data: d, Config: tuiConfig()}, nil); ok {
			t.Errorf("%s: got %q, want no command", name, args)
		}
	}
}

// TestTrainArgsReproduceTheRun: the network retain train trains from the
// suggested command is the run's. The run is made as the Train screen
// makes one (experiment.Prepare, the training, then the decay check) on a
// csv file whose path holds a space and a quote, with settings away from
// the defaults; retain train, given the words of common.TrainArgs and
// --json, reports on the same validation rows the same ROC AUC, log loss
// and best epoch as the run's own evaluation (Evaluate's figures, the
// Evaluate screen's). Before the fix it trained with the defaults.
func TestTrainArgsReproduceTheRun(t *testing.T) {
	// A per-user file: the built-in shop's 1,500 users (seed 4) written
	// as CSV, so that the run and the command read the same file.
	shop, err := data.GenerateShop(1500, 4)
	if err != nil {
		t.Fatal(err)
	}
	var csvText strings.Builder
	if err := shop.WriteCSV(&csvText); err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, `the "shop's" users.csv`, csvText.String())
	d, err := experiment.Load(experiment.Source{Kind: "csv", Path: path, Label: "purchases_next_30d"}, func(p string) (io.ReadCloser, error) { return os.Open(p) })
	if err != nil {
		t.Fatal(err)
	}
	cfg := tuiConfig()
	cfg.Hidden = []engine.LayerSpec{{Units: 16, Activation: engine.Tanh}, {Units: 8, Activation: engine.ReLU}}
	cfg.Train.Optimizer = engine.OptimizerConfig{Kind: "sgd", LR: 0.05, Momentum: 0.8}
	cfg.Train.BatchSize, cfg.Train.Epochs, cfg.Train.PosWeight, cfg.Train.EarlyStop.Patience = 64, 8, 1.5, 3
	cfg.L2Prior, cfg.L2PriorAlt = 40, 4
	cfg.ValFrac, cfg.Seed = 0.2, 11
	cfg.Pipeline.Scale, cfg.Pipeline.Log1p = data.ScaleRobust, false
	e, err := experiment.Prepare(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	ev, err := e.Evaluate(experiment.ValPart, cfg.Threshold)
	if err != nil {
		t.Fatal(err)
	}
	args, ok := common.TrainArgs(e, nil)
	if !ok {
		t.Fatal("no command")
	}
	words := shellWords(t, common.ShellLine(args))
	c := newCLI(t)
	if code := c.run(context.Background(), append(words[1:], "--json")...); code != exitOK {
		t.Fatalf("%s: exit %d, stderr %s", common.ShellLine(args), code, c.stderr.String())
	}
	var doc struct {
		Part      string  `json:"part"`
		Rows      int     `json:"rows"`
		ROCAUC    float64 `json:"roc_auc"`
		LogLoss   float64 `json:"log_loss"`
		BestEpoch int     `json:"best_epoch"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprintf("%s: %d rows, ROC AUC %.12f, log loss %.12f, best epoch %d", doc.Part, doc.Rows, doc.ROCAUC, doc.LogLoss, doc.BestEpoch)
	want := fmt.Sprintf("validation: %d rows, ROC AUC %.12f, log loss %.12f, best epoch %d", ev.Report.Rows, ev.Report.ROCAUC, ev.Report.LogLoss, e.Trainer.BestEpoch())
	if got != want {
		t.Errorf("%s\nretain train: %s\nthe run:      %s", common.ShellLine(args), got, want)
	}
}
