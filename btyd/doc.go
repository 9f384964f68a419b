// Package btyd implements the BG/NBD "buy till you die" model of Fader,
// Hardie and Lee (2005), "Counting Your Customers the Easy Way: An
// Alternative to the Pareto/NBD Model", Marketing Science 24(2):275–284.
//
// While alive, a customer buys as a Poisson process of rate λ; after each
// purchase they drop out with probability p. Across customers λ follows a
// gamma(r, α) distribution and p a beta(a, b) distribution. A customer is
// summarised over a calibration period by x (repeat purchases), t_x (time of
// the last repeat purchase, measured from the first purchase) and T (time from
// the first purchase to the end of the calibration period); time is in weeks.
//
// Fit estimates r, α, a and b by maximum likelihood; Params then gives, for
// every customer, P(alive), the expected number of purchases in the next t
// weeks and the probability of at least one purchase in them.
//
// Its errors reach users inside the messages that name the step ("BG/NBD
// baseline: o.csv up to 2024-02-20: the fit did not converge"), so their
// text has no "btyd: " prefix and does not name BG/NBD again.
package btyd
