// Package metrics evaluates a binary classifier from its scores and the true
// labels: log loss, Brier score, the confusion matrix and the rates derived
// from it, ROC AUC and the ROC curve, average precision and the
// precision–recall curve, a calibration table, cumulative gains and lift, and
// two threshold-choosing tools.
//
// Every function is pure: it reads its arguments, never modifies them, and
// does no I/O. Scores are any finite numbers (probabilities where a metric
// needs them); labels are 0 or 1, with 1 the positive class. Where sample
// weights are accepted, a nil weight slice means every row weighs 1, and rows
// of weight 0 are ignored exactly as scikit-learn ignores them.
//
// Definitions follow scikit-learn 1.2 so that numbers agree with what a
// Python user would compute; the few places that differ (degenerate inputs
// return an error rather than NaN or a warning) are documented on each
// function. A row is predicted positive when its score is at least the
// threshold (score >= threshold), the convention of roc_curve.
package metrics
