// Package recscreen is the Recommend screen: for an order log with an item
// column, the user picks the cutoff and the horizon, trains the recommender
// (package recommend) with a live loss chart, pause and step, then reads
// the model's metrics beside the TopPop, P-TopFreq and GP-TopFreq baselines
// and, customer by customer, their top items with the reason in words and,
// when evaluating, which of them they bought. It formats and routes; every
// figure comes from package recommend.
package recscreen
