package planscreen

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// withSource returns a copy of run whose data reads as if loaded from
// src; the shared run is not changed.
func withSource(run common.Run, src experiment.Source) common.Run {
	e := *run.Exp
	d := *e.Data
	d.Source = src
	e.Data = &d
	run.Exp = &e
	return run
}

// TestGoldenEveryoneCommands: on a run of a per-user file, the plan says
// that its customers are the 10 of the 100 held out of training (the
// textbook run: 10 % validation) and gives the two commands that list all
// 100, built from the run's file, label and excluded columns.
func TestGoldenEveryoneCommands(t *testing.T) {
	run := withSource(screentest.TextbookRun(t), experiment.Source{Kind: "csv", Path: "../my data/users.csv", Exclude: []string{"email"}})
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := planned(t, c, run)
		view := screentest.Render(s, c.Width, c.Height)
		if c.Zh() {
			screentest.MustContain(t, view, "10 位验证客户", "全部 100 位")
		} else {
			screentest.MustContain(t, view, "Only the 10 validation customers", "100")
		}
		screentest.Golden(t, s, c.Width, c.Height)
		// On a small screen the commands are at the page's end (on a full
		// one, 120×40 and up, at its top: everyoneFoot).
		t.Run("end", func(t *testing.T) {
			end := feed(t, s, screentest.Press("G"))
			if c.Width < 120 || c.Height < 40 {
				screentest.MustContain(t, screentest.Render(end, c.Width, c.Height), "contacts.csv")
			}
			screentest.Golden(t, end, c.Width, c.Height)
		})
	})
}

// commandTexts are the screen's everyone commands each as one line of
// the shell.
func commandTexts(s Model) []string {
	var out []string
	for _, c := range s.everyoneCommands() {
		out = append(out, common.ShellLine(c))
	}
	return out
}

// TestEveryoneCommands checks the commands for each kind of source and
// that the plan's own assumptions and a chosen target go into retain
// plan's flags. The textbook run trains for 2 epochs without calibration
// (screentest.TextbookRun: experiment.DefaultConfig, which calibrates
// nothing), so retain train is given --epochs 2 --calibration none.
func TestEveryoneCommands(t *testing.T) {
	base := screentest.TextbookRun(t)
	c := screentest.Common("en", 160, 48)
	cutoff := time.Date(2011, 9, 10, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		src  experiment.Source
		want []string
	}{
		{"csv", experiment.Source{Kind: "csv", Path: "../my data/users.csv", Categorical: []string{"Region", "OS"}},
			[]string{"retain train --data '../my data/users.csv' --label purchases_next_30d --categorical Region,OS --epochs 2 --calibration none --out model.json",
				"retain plan --model model.json --data '../my data/users.csv' --contacts-out contacts.csv"}},
		{"log", experiment.Source{Kind: "log", Path: "orders.parquet", HorizonDays: 90, Cutoff: cutoff},
			[]string{"retain train --log orders.parquet --horizon 90d --cutoff 2011-09-10 --epochs 2 --calibration none --out model.json",
				"retain plan --model model.json --log orders.parquet --contacts-out contacts.csv"}},
		{"log default horizon", experiment.Source{Kind: "log", Path: "o.csv"},
			[]string{"retain train --log o.csv --horizon 30d --epochs 2 --calibration none --out model.json",
				"retain plan --model model.json --log o.csv --contacts-out contacts.csv"}},
		{"builtin", experiment.Source{Kind: "builtin", DataSeed: 7},
			[]string{"retain train --builtin-users 5000 --builtin-seed 7 --epochs 2 --calibration none --out model.json",
				"retain plan --model model.json --contacts-out contacts.csv"}},
		{"textbook", experiment.Source{Kind: "textbook"}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := planned(t, c, withSource(base, tc.src))
			if got := commandTexts(s); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("commands\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}

	s := planned(t, c, withSource(base, experiment.Source{Kind: "csv", Path: "u.csv"}))
	s = typeIn(t, s, "b", "10%")
	s = typeIn(t, s, "c", "2.5")
	s = typeIn(t, s, "s", "0.2")
	toggled := common.TargetFor(nil, base.Exp.Pipeline.Label).Toggled()
	next, cmd := s.Update(common.TargetMsg{Target: toggled})
	s = feed(t, next.(Model), cmd())
	// The textbook label encourages "yes" by default (its name is not a
	// churn word); toggled, the plan prevents "no" (experiment.Toggled),
	// which --target names as prevent:no, and retain plan reads back the
	// same target.
	want := "retain plan --model model.json --data u.csv --budget 10% --cost 2.5 --success 0.2 --target prevent:no --contacts-out contacts.csv"
	if got := commandTexts(s)[1]; got != want {
		t.Errorf("plan command with the screen's assumptions:\n%s\nwant\n%s", got, want)
	}
	back, err := experiment.ParseTarget("prevent:no", base.Exp.Pipeline.Label)
	if err != nil || back.Direction != toggled.Direction || back.OnPositive != toggled.OnPositive {
		t.Errorf("--target prevent:no reads back as %+v (%v), the screen's target is %+v", back, err, toggled)
	}
}

// settingsRun is a run of the textbook users trained as the Model screen
// can set it, away from every default it shows: two layers of their own
// activations, sgd with momentum, a batch, epochs, a prior per training
// row without the decay check, a positive weight, patience, a step
// schedule, a validation share, a seed and the preprocessing. Its data
// read as a per-user file whose path holds spaces and quotes, with a
// column left out.
func settingsRun(t *testing.T) common.Run {
	run := screentest.Train(t, "textbook", 3, func(c *experiment.Config) {
		c.Hidden = []engine.LayerSpec{{Units: 16, Activation: engine.Tanh}, {Units: 8, Activation: engine.LeakyReLU}}
		c.Train.Optimizer = engine.OptimizerConfig{Kind: "sgd", LR: 0.03, Momentum: 0.9}
		c.Train.BatchSize, c.Train.PosWeight, c.Train.EarlyStop.Patience = 16, 2, 5
		c.L2Prior, c.L2PriorAlt = 50, 0
		c.Train.Schedule = engine.ScheduleConfig{Kind: "step", Every: 2, Factor: 0.5}
		c.ValFrac, c.Seed = 0.3, 7
		c.Pipeline.Scale, c.Pipeline.Log1p = data.ScaleMinMax, false
	})
	return withSource(run, experiment.Source{Kind: "csv", Path: `../my "shop"/it's users.csv`, Exclude: []string{"email"}})
}

// TestGoldenEveryoneSettings: the commands the Plan screen gives for the
// list of every customer carry the run's settings (each that differs from
// retain train's defaults), the lever marked on the screen and the plan's
// budget, its file's path quoted for the shell; at 80×24 at the page's end
// (G), at 200×60 under the headline, in English and Chinese. Before the
// fix, retain train had the data flags alone.
func TestGoldenEveryoneSettings(t *testing.T) {
	run := settingsRun(t)
	for _, lang := range screentest.Langs {
		for _, sz := range [][2]int{{80, 24}, {200, 60}} {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, sz[0], sz[1]), func(t *testing.T) {
				c := screentest.Common(lang, sz[0], sz[1])
				s := planned(t, c, run)
				s = typeIn(t, s, "b", "10%")
				// The first column of the checklist marked as a lever.
				s = feed(t, s, screentest.Press("l"))
				s = feed(t, s, screentest.Press("space"))
				next, cmd := s.Update(screentest.Press("enter"))
				s = next.(Model)
				if cmd != nil {
					s = feed(t, s, cmd())
				}
				if sz[0] < 120 {
					s = feed(t, s, screentest.Press("G"))
				}
				view := screentest.Render(s, sz[0], sz[1])
				screentest.MustContain(t, view, "--epochs 3", "--optimizer sgd", "--levers", "--budget 10%")
				screentest.Golden(t, s, sz[0], sz[1])
			})
		}
	}
}

// TestEveryoneNoteWithoutCommands: a built-in shop with planted abusers
// (retain tui --builtin-abusers), which retain train cannot draw, has the
// note without commands, saying why, in either language.
func TestEveryoneNoteWithoutCommands(t *testing.T) {
	run := withSource(screentest.TextbookRun(t), experiment.Source{Kind: "builtin"})
	run.Exp.Data.Planted = 0.05 // run's data are withSource's copy
	for lang, want := range map[string]string{"en": "cannot draw the built-in shop with planted abusers", "zh": "无法生成植入了滥用者的内置商店"} {
		s := planned(t, screentest.Common(lang, 160, 48), run)
		if cmds := s.everyoneCommands(); cmds != nil {
			t.Errorf("%s: commands %q, want none", lang, cmds)
		}
		screentest.MustContain(t, screentest.Render(s, 160, 48), want)
	}
}
