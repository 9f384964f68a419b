package main

import (
	"fmt"
	"math"

	"github.com/retainlab/retain/experiment"
)

// checkRanges refuses a training flag whose value is out of its range,
// naming the flag and what it wants, as --lr does. The configuration's own
// Validate says the same without the flag's name (the TUI shares it), so
// the command line checks first.
func (f *configFlags) checkRanges() error {
	share := func(v float64) bool { return v >= 0 && v < 1 }
	switch {
	case experiment.CheckThreshold(f.threshold) != nil:
		return fmt.Errorf("--threshold %g: want a probability between 0 and 1, such as 0.5", f.threshold)
	case !share(f.val):
		return fmt.Errorf("--val %g: want a share from 0 up to (not including) 1, such as 0.2", f.val)
	case !share(f.test):
		return fmt.Errorf("--test %g: want a share from 0 up to (not including) 1, such as 0.2", f.test)
	case f.val+f.test >= 1:
		return fmt.Errorf("--val %g and --test %g leave no rows to train on: want shares that add up to less than 1", f.val, f.test)
	case f.epochs < 1:
		return fmt.Errorf("--epochs %d: want at least 1 epoch", f.epochs)
	case f.batch < 1:
		return fmt.Errorf("--batch %d: want at least 1 row per batch", f.batch)
	case f.workers < 0:
		return fmt.Errorf("--workers %d: want a number of workers ≥ 1, or 0 for one per core", f.workers)
	case f.earlyStop < 0:
		return fmt.Errorf("--early-stop %d: want a patience of 1 epoch or more, or 0 for no early stopping", f.earlyStop)
	case !(f.momentum >= 0 && f.momentum < 1):
		return fmt.Errorf("--momentum %g: want a momentum from 0 up to (not including) 1, such as 0.9", f.momentum)
	case !(f.l2 >= 0) || math.IsInf(f.l2, 0):
		return fmt.Errorf("--l2 %g: want a decay ≥ 0, such as 0.0001", f.l2)
	case !(f.l2Prior >= 0 && f.l2Prior <= experiment.MaxL2Prior):
		return fmt.Errorf("--l2-prior %g: want N from 0 to 1e9 (the decay is N / training rows, at most %g; 0: none)", f.l2Prior, experiment.L2PriorCap)
	}
	return nil
}
