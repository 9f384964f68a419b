package walkthrough

import (
	"context"
	"testing"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// fixtureExperiment is the textbook case (100 users, ten features) with a
// tiny 6→4 ReLU network trained for two epochs from a fixed seed, so every
// number in the views is reproducible.
func fixtureExperiment(t testing.TB) *experiment.Experiment {
	t.Helper()
	return fixtureWith(t, func(*experiment.Config) {})
}

// fixtureWith is fixtureExperiment with the configuration changed by edit.
func fixtureWith(t testing.TB, edit func(*experiment.Config)) *experiment.Experiment {
	t.Helper()
	d, err := experiment.Load(experiment.Source{Kind: "textbook"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Hidden = []engine.LayerSpec{{Units: 6, Activation: engine.ReLU}, {Units: 4, Activation: engine.ReLU}}
	cfg.Train.Epochs = 2
	cfg.Train.BatchSize = 16
	cfg.Train.EarlyStop.Patience = 0
	cfg.L2Prior = 0 // the backward step's reference has no L2 term
	cfg.Seed = 7
	edit(&cfg)
	exp, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := exp.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return exp
}

// fixtureRow is the user the tests walk through: the first training row,
// so the demonstration batch holds a real training user.
func fixtureRow(exp *experiment.Experiment) int { return exp.TrainRows[0] }

// fixtureModel returns the walkthrough of the fixture user at w×h.
func fixtureModel(t testing.TB, lang string, w, h int) (Model, *experiment.Experiment) {
	t.Helper()
	exp := fixtureExperiment(t)
	in, err := NewInput(exp, fixtureRow(exp))
	if err != nil {
		t.Fatal(err)
	}
	m := New(in, lang, DefaultStyles())
	if m.Err() != nil {
		t.Fatal(m.Err())
	}
	m.SetSize(w, h)
	return m, exp
}

// wideExperiment is the textbook case with wider hidden layers, whose sums
// have more terms than a page lists.
func wideExperiment(t testing.TB, units ...int) *experiment.Experiment {
	t.Helper()
	d, err := experiment.Load(experiment.Source{Kind: "textbook"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Hidden = nil
	for _, u := range units {
		cfg.Hidden = append(cfg.Hidden, engine.LayerSpec{Units: u, Activation: engine.ReLU})
	}
	cfg.Train.Epochs, cfg.Train.BatchSize, cfg.Train.EarlyStop.Patience = 1, 16, 0
	cfg.Seed = 3
	exp, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := exp.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return exp
}
