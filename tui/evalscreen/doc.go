// Package evalscreen is the Evaluate screen: the analysed run's metrics on
// the training and validation parts, the confusion matrix at a threshold
// the user moves (and shares with every screen through
// common.ThresholdMsg), the ROC and calibration charts, the gains table
// and the permutation importance of each column.
package evalscreen
