// Package recommend ranks, for every customer of an order log, the items they
// are most likely to buy in the next horizon after a cutoff.
//
// The protocol is the next-period one of the Online Retail reference (see
// the data set's SOURCE.md): the history is every kept order line dated
// before the cutoff day, the window is the horizon's days from the cutoff day
// on, an item is the log's item column, and cancellations, lines without a
// customer and lines of non-positive quantity are left out (by the loader).
//
// Three baselines are always measured: TopPop (the items on the most distinct
// invoices in the horizon before the cutoff), P-TopFreq (the customer's own
// items by distinct invoices, the later invoice first on ties: the later
// day, then the later in the log's order; then the item on more invoices
// in TopPop's window, so that the ties of a customer's one or two invoices
// are not left to the item id; see PTopFreq) and GP-TopFreq (P-TopFreq
// filled up with TopPop). The model is a
// candidate-ranking multilayer perceptron trained with the engine's Trainer
// on (customer, item) pairs at earlier cutoffs whose label windows end before
// the evaluation cutoff, so training never sees a purchase on or after it;
// nor a return dated on or after it, as a run reads Log.AsOf(cutoff).
// Its lists are written only when it ranks the customers held out of
// training better than GP-TopFreq beyond chance (Check); otherwise the lists
// are GP-TopFreq's.
//
// The package does no I/O: the caller reads the log (data.ReadOrderLog with
// Descriptions, then FromOrderLog; experiment.ReadItemLog does both) and
// formats the Result. A run goes:
//
//	run, err := recommend.Prepare(log, recommend.Options{Cutoff: c, Evaluate: true})
//	err = run.Model.Trainer.Run(ctx) // the engine's Trainer: sink, pause, step
//	res, err := run.Finish(ctx)      // every customer's top items, the metrics
//
// Reasons are data (Reason) so that a view can word them in any language;
// Reason.String is the English the CLI prints.
//
// Its errors reach users as they are, on the command line and in the TUI,
// so their text has no "recommend: " prefix.
package recommend
