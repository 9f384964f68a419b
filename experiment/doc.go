// Package experiment joins data and engine: an experiment is a data set, its
// fitted preprocessing, a network configuration, the trained network and its
// history. Both the command line and the terminal UI go through it, so that
// loading, splitting, training, evaluating, explaining and saving are written
// once.
package experiment
