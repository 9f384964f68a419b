// Package experiment joins data and engine: an experiment is a data set, its
// fitted preprocessing, a network configuration, the trained network and its
// history. Both the command line and the terminal UI go through it, so that
// loading, splitting, training, evaluating, explaining and saving are written
// once.
//
// Its errors reach users as they are, so their text has no "experiment: "
// prefix (nor do those of data and engine, which it wraps).
package experiment
