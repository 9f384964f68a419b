package experiment

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/retainlab/retain/data"
)

// TestCrossValidateOnItsOwnFoldsIsCrossValidate: the folds CVFolds returns,
// given back to CrossValidateOn, give exactly CrossValidate's result.
func TestCrossValidateOnItsOwnFoldsIsCrossValidate(t *testing.T) {
	d := textbookData(t)
	cfg := cvConfig()
	want, err := CrossValidate(context.Background(), d, cfg, 4, nil)
	if err != nil {
		t.Fatal(err)
	}
	folds, err := CVFolds(d, cfg, 4)
	if err != nil {
		t.Fatal(err)
	}
	got, err := CrossValidateOn(context.Background(), d, cfg, folds, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("on CVFolds's folds %+v\nCrossValidate %+v", got.Mean, want.Mean)
	}
}

// TestCrossValidateOnGivenFolds: folds dealt by hand are used as given —
// each held-out fold holds exactly its rows — and a fold without one class
// is refused, naming it by its number in the file.
func TestCrossValidateOnGivenFolds(t *testing.T) {
	d := textbookData(t)
	labels := d.Table.Label.Values
	// Rows 0-49 in the fold numbered 7, rows 50-99 in the one numbered 9.
	fold := make([]int, len(labels))
	for i := 50; i < len(fold); i++ {
		fold[i] = 1
	}
	var pos [2]int
	for i, y := range labels {
		if y == 1 {
			pos[fold[i]]++
		}
	}
	res, err := CrossValidateOn(context.Background(), d, cvConfig(), data.FoldAssignment{Fold: fold, Labels: []int{7, 9}}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range res.Folds {
		if f.TestRows != 50 || f.TestPositives != pos[i] || f.TrainRows+f.ValRows != 50 {
			t.Errorf("fold %d: %+v, want 50 test rows with %d positives and 50 to train on", i+1, f, pos[i])
		}
	}
	// Every positive and the negatives of the first 30 rows in the first
	// fold: the second has negatives only.
	second := 0
	for i, y := range labels {
		fold[i] = 1
		if y == 1 || i < 30 {
			fold[i] = 0
		} else {
			second++
		}
	}
	_, err = CrossValidateOn(context.Background(), d, cvConfig(), data.FoldAssignment{Fold: fold, Labels: []int{7, 9}}, nil, nil)
	want := fmt.Sprintf("too few rows: fold 2 (numbered 9 in the file) holds no positive row among its %d: its ROC AUC is undefined", second)
	if err == nil || err.Error() != want || !errors.Is(err, ErrTooFewRows) {
		t.Errorf("one-class fold: got %v, want %q", err, want)
	}
	_, err = CrossValidateOn(context.Background(), d, cvConfig(), data.FoldAssignment{Fold: fold[:99], Labels: []int{7, 9}}, nil, nil)
	want = "bad fold file: 99 fold numbers for the 100 rows of built-in shop"
	if err == nil || err.Error() != want {
		t.Errorf("short folds: got %v, want %q", err, want)
	}
}
