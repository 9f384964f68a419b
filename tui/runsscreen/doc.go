// Package runsscreen is the Runs screen: every ended run with its
// configuration and final validation figures, a chart comparing two of
// them, and enter to make one the run the analysis screens look at.
package runsscreen
