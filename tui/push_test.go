package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/screentest"
	"github.com/retainlab/retain/tui/tunescreen"
)

// selectField moves the Model screen's selection down to the field label.
func selectField(t *testing.T, m Model, label string) Model {
	t.Helper()
	for i := 0; m.modelScr.Selected() != label; i++ {
		if i == 40 {
			t.Fatalf("no %s field", label)
		}
		m = pressAll(t, m, "down")
	}
	return m
}

// TestTrainIsGivenInputsOnlyWhenTheyChange: keys that change nothing the
// Train screen plans with (its pace keys, moving through the Model
// screen's fields, switching tabs) give it nothing; a Model-screen key
// that changes the epochs gives it the new configuration once, and its
// idle view plans with the new epochs.
func TestTrainIsGivenInputsOnlyWhenTheyChange(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 100, 30)
	m = pressAll(t, m, "3")
	given := m.trainScr.InputsGiven()
	m = pressAll(t, m, "+", "-", "+", "-", "2", "down", "up", "3", "-", "+")
	if n := m.trainScr.InputsGiven() - given; n != 0 {
		t.Fatalf("keys that changed nothing gave the Train screen its inputs %d times, want 0", n)
	}
	m = selectField(t, pressAll(t, m, "2"), "Epochs")
	given = m.trainScr.InputsGiven()
	before := m.modelScr.Config().Train.Epochs
	m = pressAll(t, m, "right")
	if after := m.modelScr.Config().Train.Epochs; before != 200 || after != 500 {
		t.Fatalf("epochs %d → %d, want 200 → 500", before, after)
	}
	if n := m.trainScr.InputsGiven() - given; n != 1 {
		t.Fatalf("changing the epochs gave the Train screen its inputs %d times, want 1", n)
	}
	m = pressAll(t, m, "3", "+", "-")
	if n := m.trainScr.InputsGiven() - given; n != 1 {
		t.Fatalf("after the change, the Train screen was given its inputs %d times, want 1", n)
	}
	screentest.MustContain(t, screen(m), "· 500 epochs", "epoch 0/500", "400")
}

// TestTuneIsGivenInputsOnlyWhenTheyChange: switching to the Tune screen
// and pressing keys there give it nothing while the Model screen's
// configuration stands; once it changed, the Tune screen gets it when
// shown, once.
func TestTuneIsGivenInputsOnlyWhenTheyChange(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 100, 30)
	m = pressAll(t, m, "T")
	given := m.tuneScr.InputsGiven()
	m = pressAll(t, m, "down", "up", "2", "down", "up", "T", "down", "up")
	if n := m.tuneScr.InputsGiven() - given; n != 0 {
		t.Fatalf("keys that changed nothing gave the Tune screen its inputs %d times, want 0", n)
	}
	m = selectField(t, pressAll(t, m, "2"), "Epochs")
	m = pressAll(t, m, "right", "T", "down", "up")
	if n := m.tuneScr.InputsGiven() - given; n != 1 {
		t.Fatalf("changing the epochs gave the Tune screen its inputs %d times, want 1", n)
	}
}

// TestTuneKeepsItsBaseWhileASearchRuns: a configuration changed while a
// search runs is not given to the Tune screen, even on its keys; it is
// given once, when the search ended.
func TestTuneKeepsItsBaseWhileASearchRuns(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 100, 30)
	m = pressAll(t, m, "T")
	m, search := update(t, m, screentest.Press("s"))
	if !m.tuneScr.Running() {
		t.Fatal("s did not start a search")
	}
	given := m.tuneScr.InputsGiven()
	m = selectField(t, pressAll(t, m, "2"), "Epochs")
	m = pressAll(t, m, "right", "T", "down", "up")
	if n := m.tuneScr.InputsGiven() - given; n != 0 {
		t.Fatalf("while a search ran, the Tune screen was given its inputs %d times, want 0", n)
	}
	m, _ = update(t, m, screentest.Press("s")) // stop: the search ends with a DoneMsg
	screentest.Drain(search, func(msg tea.Msg) (tea.Cmd, bool) {
		var cmd tea.Cmd
		m, cmd = update(t, m, msg)
		return cmd, true
	})
	if m.tuneScr.Running() {
		t.Fatal("the search did not end")
	}
	if n := m.tuneScr.InputsGiven() - given; n != 1 {
		t.Fatalf("when the search ended, the Tune screen was given its inputs %d times, want 1", n)
	}
}

// TestAppliedTrialIsGivenToTrain: a trial the Tune screen applies to the
// Model screen is given to the Train screen once, which plans with it.
func TestAppliedTrialIsGivenToTrain(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 100, 30)
	given := m.trainScr.InputsGiven()
	cfg := m.modelScr.Config()
	cfg.Train.Epochs = 30
	m, _ = update(t, m, tunescreen.ApplyMsg{Config: cfg, Trial: 3})
	if n := m.trainScr.InputsGiven() - given; n != 1 {
		t.Fatalf("applying a trial gave the Train screen its inputs %d times, want 1", n)
	}
	m = pressAll(t, m, "3", "+")
	if n := m.trainScr.InputsGiven() - given; n != 1 {
		t.Fatalf("after applying a trial, the Train screen was given its inputs %d times, want 1", n)
	}
	screentest.MustContain(t, screen(m), "· 30 epochs", "epoch 0/30")
}
