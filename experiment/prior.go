package experiment

// PriorRowsPerInput is the number of training rows per network input below
// which a prior per training row (Config.L2Prior) is raised in proportion
// (InputPrior): a wide table, with few rows per input and most columns
// noise, needs a stronger decay than 20 / rows. On 3,000 generated rows ×
// 200 columns (about 11 training rows per input in a fold) the default's
// 5-fold CV ROC AUC rose from 0.7611 to 0.7885 with it, above its own
// no-hidden-layer model and scikit-learn's logistic regression, and at 50
// it rose only to 0.7680; every set of the suite the default was chosen on
// but the 400-user shop has more than 100 rows per input and is untouched
// (docs/quality-rounds.md, rounds 36 and 37).
const PriorRowsPerInput = 100

// InputPrior is the prior per training row a network with inputs inputs
// training on rows rows is given for prior: prior · max(1,
// PriorRowsPerInput · inputs / rows), which leaves prior alone at
// PriorRowsPerInput or more rows per input and raises it so that the
// decay it gives (PriorDecay) is prior · PriorRowsPerInput · inputs /
// rows² below. Without rows or inputs it is prior.
func InputPrior(prior float64, inputs, rows int) float64 {
	if inputs <= 0 || rows <= 0 {
		return prior
	}
	return prior * max(1, PriorRowsPerInput*float64(inputs)/float64(rows))
}
