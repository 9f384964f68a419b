package experiment

// WideRowsPerInput is the number of training rows per network input below
// which a table counts as wide (see Wide). On the measurements of
// docs/quality-rounds.md (round 36) the default network, with 20 / rows,
// fell below its own no-hidden-layer model and below scikit-learn's
// logistic regression on a generated table with about 11 training rows per
// input (3,000 rows × 200 columns, 5-fold CV); with the prior raised there
// (InputPrior, round 37) it is above both but still below
// HistGradientBoosting, and far below it with 0.4 per input (600 × 1,000),
// while the outside tables it leads on have 100 or more (telco churn,
// online shoppers, the built-in shop). 20 sits between, with room on both
// sides.
const WideRowsPerInput = 20

// Wide reports whether a network with inputs inputs training on trainRows
// rows has fewer than WideRowsPerInput rows per input: the default
// network may then overfit. It is a reason for a note, never for training
// differently.
func Wide(trainRows, inputs int) bool {
	return inputs > 0 && trainRows < WideRowsPerInput*inputs
}

// RowsPerInput is trainRows per network input, the figure the wide-table
// note states (0 without inputs).
func RowsPerInput(trainRows, inputs int) float64 {
	if inputs <= 0 {
		return 0
	}
	return float64(trainRows) / float64(inputs)
}

// WideNetwork reports e's training rows per network input and whether the
// wide-table note is due: a network with hidden layers (without them there
// is no "default network" to warn about) on a Wide table.
func (e *Experiment) WideNetwork() (perInput float64, wide bool) {
	rows, in := e.Train.Rows, e.Net.Inputs()
	return RowsPerInput(rows, in), len(e.Config.Hidden) > 0 && Wide(rows, in)
}
