package planscreen

import (
	"strings"
	"testing"
	"time"

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

// TestEveryoneCommands checks the commands for each kind of source and
// that the plan's own assumptions and a chosen target go into retain
// plan's flags.
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
			[]string{"retain train --data '../my data/users.csv' --label purchases_next_30d --categorical Region,OS --out model.json",
				"retain plan --model model.json --data '../my data/users.csv' --contacts-out contacts.csv"}},
		{"log", experiment.Source{Kind: "log", Path: "orders.parquet", HorizonDays: 90, Cutoff: cutoff},
			[]string{"retain train --log orders.parquet --horizon 90d --cutoff 2011-09-10 --out model.json",
				"retain plan --model model.json --log orders.parquet --contacts-out contacts.csv"}},
		{"log default horizon", experiment.Source{Kind: "log", Path: "o.csv"},
			[]string{"retain train --log o.csv --horizon 30d --out model.json",
				"retain plan --model model.json --log o.csv --contacts-out contacts.csv"}},
		{"builtin", experiment.Source{Kind: "builtin", DataSeed: 7},
			[]string{"retain train --builtin-users 5000 --builtin-seed 7 --out model.json",
				"retain plan --model model.json --contacts-out contacts.csv"}},
		{"textbook", experiment.Source{Kind: "textbook"}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := planned(t, c, withSource(base, tc.src))
			if got := s.everyoneCommands(); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
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
	if got := s.everyoneCommands()[1]; got != want {
		t.Errorf("plan command with the screen's assumptions:\n%s\nwant\n%s", got, want)
	}
	back, err := experiment.ParseTarget("prevent:no", base.Exp.Pipeline.Label)
	if err != nil || back.Direction != toggled.Direction || back.OnPositive != toggled.OnPositive {
		t.Errorf("--target prevent:no reads back as %+v (%v), the screen's target is %+v", back, err, toggled)
	}
}
