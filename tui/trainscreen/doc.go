// Package trainscreen is the Train screen: it starts, pauses, steps and
// stops training runs in a background worker, paces them so that people
// can watch the curves grow, and draws the loss and accuracy charts with
// the current figures beside them. Every ended run is kept (Finished) for
// the screens that judge and compare runs.
package trainscreen
