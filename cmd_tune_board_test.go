package main

import (
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/experiment"
)

// TestBoardSaysWhichTrialsAreOnEveryFold is `23  0.8503 ± 0.0000  1`: a
// trial measured on one fold printed a spread of zero, which it has not
// measured, and its 0.8503 read as beating the reported best's 0.8499.
// The board now words trials as the TUI's Tune screen does: one fold
// "(1 fold)", the folds column out of k with × for a trial halving
// dropped, and a first line saying only trials on every fold can be the
// best.
func TestBoardSaysWhichTrialsAreOnEveryFold(t *testing.T) {
	folds := func(n int) []experiment.FoldResult { return make([]experiment.FoldResult, n) }
	board := []experiment.Trial{
		{Number: 1, Base: true, Folds: folds(5), AUC: 0.8499, AUCStd: 0.0126, Complete: true, Time: 17100 * time.Millisecond},
		{Number: 5, Folds: folds(2), AUC: 0.8382, AUCStd: 0.0094, Stopped: true, Time: 5100 * time.Millisecond,
			Settings: []experiment.Setting{{Name: "lr", Value: "0.01"}}},
		{Number: 23, Folds: folds(1), AUC: 0.8503, Stopped: true, Time: 200 * time.Millisecond,
			Settings: []experiment.Setting{{Name: "layers", Value: "16"}}},
		{Number: 24, Folds: folds(2), AUC: 0.8411, AUCStd: 0.002, Interrupted: true, Time: 900 * time.Millisecond,
			Settings: []experiment.Setting{{Name: "batch", Value: "64"}}},
	}
	want := []string{
		"ranked by folds measured, then by ROC AUC; only trials on all 5 folds can be the best; × dropped by halving",
		"trial  roc_auc ± std    folds           time  settings",
		"    1  0.8499 ± 0.0126  5/5            17.1s  default",
		"    5  0.8382 ± 0.0094  2/5 ×           5.1s  lr 0.01",
		"   23  0.8503 (1 fold)  1/5 ×          200ms  layers 16",
		"   24  0.8411 ± 0.0020  2/5 stopped    900ms  batch 64",
	}
	if got := boardLines(board, 8, 5); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("board:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
