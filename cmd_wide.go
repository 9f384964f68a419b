package main

import (
	"fmt"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// wideNote is the note train and eval --cv print when the network has
// fewer than experiment.WideRowsPerInput training rows per input ("" when
// it has more): a hint, which changes nothing about training.
func wideNote(source string, trainRows, inputs int) string {
	if !experiment.Wide(trainRows, inputs) {
		return ""
	}
	return fmt.Sprintf("%s: %s training rows for %s network inputs (%.1f per input, fewer than %d): "+
		"the default network may overfit so wide a table; try retain tune, which searches the decay "+
		"(docs/quality.md, Wide tables)",
		source, data.Thousands(trainRows), data.Thousands(inputs), experiment.RowsPerInput(trainRows, inputs), experiment.WideRowsPerInput)
}

// cvWideNote is wideNote for cross-validation: the fold with the fewest
// training rows per input speaks for all.
func cvWideNote(source string, folds []experiment.FoldResult) string {
	var worst *experiment.FoldResult
	for i := range folds {
		f := &folds[i]
		if f.Inputs > 0 && (worst == nil || f.TrainRows*worst.Inputs < worst.TrainRows*f.Inputs) {
			worst = f
		}
	}
	if worst == nil {
		return ""
	}
	return wideNote(source, worst.TrainRows, worst.Inputs)
}
