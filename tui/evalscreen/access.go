package evalscreen

import (
	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
)

// Read-only accessors for the root and its tests.

// Threshold returns the decision threshold the screen shows.
func (s Model) Threshold() float64 { return s.threshold }

// Page returns the page shown.
func (s Model) Page() Page { return s.page }

// RunNumber returns the number of the run whose evaluation is shown (0:
// none yet).
func (s Model) RunNumber() int {
	if s.data == nil {
		return 0
	}
	return s.data.run
}

// Validation returns the evaluation on the validation part (nil without
// one or before the evaluation is ready).
func (s Model) Validation() *experiment.Evaluation {
	if s.data == nil {
		return nil
	}
	return s.data.val
}

// BestF1 returns the operating point of the best F1 on the part shown.
func (s Model) BestF1() metrics.OperatingPoint {
	if s.data == nil {
		return metrics.OperatingPoint{}
	}
	return s.data.bestF1
}

// Importance returns the permutation importance shown: the validation AUC
// and the drop per column.
func (s Model) Importance() (baseAUC float64, columns []experiment.ColumnImportance) {
	return s.importance.baseAUC, s.importance.columns
}

// OperatingPoint returns the point the ROC chart marks for the threshold.
func (s Model) OperatingPoint() (fpr, tpr float64, ok bool) { return s.roc.Latest(2) }

// ConfusionAt returns the confusion matrix of the part shown at threshold
// t (zero before the evaluation is ready).
func (s Model) ConfusionAt(t float64) metrics.Confusion {
	if s.data == nil {
		return metrics.Confusion{}
	}
	return s.data.confusionAt(t)
}
