package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/internal/shareddata"
)

// TestBacktestNotesEachFoldsNetwork: per fold, backtest says which network
// the decay check kept and why Platt scaling was not applied, in train's
// and eval --cv's words. The figures are made up; the text is written out
// by hand.
func TestBacktestNotesEachFoldsNetwork(t *testing.T) {
	f := &experiment.BacktestFold{Fold: 2,
		Decay: &experiment.DecayCheck{Prior: 20, AltPrior: 2, Loss: 0.6254, AltLoss: 0.6004, Rows: 218, Z: -1.81, Switched: true},
		CalibrationDropped: &experiment.CalibrationDropped{Method: experiment.CalibPlatt, FitPart: experiment.ValPart,
			Rows: 218, Positives: 117, MinClassRows: 20, MinRows: 383},
	}
	var w bytes.Buffer
	noteFoldNetwork(&w, f)
	want := "note: fold 2: decay check on the 218 validation rows: log loss 0.6254 at 20 / rows, 0.6004 at 2 / rows " +
		"(z -1.81; 2 / rows is taken only below -1.5): kept the 2 / rows network, not the 20 / rows one.\n" +
		"note: fold 2: calibration: none — the 218 validation rows hold 117 positive and 101 negative: too few to fit " +
		"Platt scaling, which needs at least 20 of each class (10 per parameter) and 383 rows at this positive rate " +
		"(to know it within ±0.05 at 95 %), so the network's own probabilities are kept\n"
	if w.String() != want {
		t.Errorf("notes\n%q\nwant\n%q", w.String(), want)
	}
	w.Reset()
	noteFoldNetwork(&w, &experiment.BacktestFold{Fold: 1})
	if w.Len() != 0 {
		t.Errorf("a fold without a check or a dropped map: %q", w.String())
	}
}

// On a real log, each fold's decay check is in --json (train's key,
// decay_check) and on stderr, with the same validation rows.
func TestBacktestJSONHoldsEachFoldsDecayCheck(t *testing.T) {
	shareddata.Need(t, cdnowMaster)
	c := newCLI(t)
	if code := c.run(context.Background(), "backtest", "--log", cdnowMaster, "--horizon", "90d", "--folds", "1",
		"--epochs", "2", "--json"); code != exitOK {
		t.Fatalf("backtest: exit %d, stderr %q", code, c.stderr.String())
	}
	var doc struct {
		Folds []struct {
			ValRows int                            `json:"val_rows"`
			Decay   *experiment.DecayCheck         `json:"decay_check"`
			Dropped *experiment.CalibrationDropped `json:"calibration_not_applied"`
		} `json:"folds"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Folds) != 1 || doc.Folds[0].Decay == nil {
		t.Fatalf("folds %+v: want one with its decay check", doc.Folds)
	}
	f := doc.Folds[0]
	if f.Decay.Rows != f.ValRows {
		t.Errorf("decay check on %d rows, the fold validates on %d", f.Decay.Rows, f.ValRows)
	}
	if want := fmt.Sprintf("\nnote: fold 1: decay check on the %s validation rows: ", data.Thousands(f.ValRows)); !strings.Contains(c.stderr.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, c.stderr)
	}
	if (f.Dropped != nil) != strings.Contains(c.stderr.String(), "note: fold 1: calibration: none — ") {
		t.Errorf("calibration_not_applied %+v, but stderr:\n%s", f.Dropped, c.stderr)
	}
	if strings.Contains(c.stdout.String(), "note:") {
		t.Errorf("notes on stdout")
	}
}
