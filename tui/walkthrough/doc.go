// Package walkthrough is retain's teaching mode: for one selected user it
// walks through the network one step per key press, in the notation of the
// source article (z1 = W1·x + b1, a1 = ReLU(z1), …, y = σ(z_out)), with the
// real numbers of the trained model, and then through one training step on a
// mini-batch: the loss, the error at the output, how it flows back through
// every layer, the gradient of one neuron's weights and the optimiser's
// update of one weight.
//
// Nothing here does learning maths of its own: forward values and the
// terms of each weighted sum come from engine.(*Network).Trace and
// AffineTerms; the training step and every number worked out on it (the loss
// of each row, a′, the terms of each gradient, the clipping factor) from
// engine.TraceStep, or for a paused run (Input.Paused) from the engine's
// Trainer.TraceNext on the very batch the run trains next, both of which
// work on copies, so walking through never changes the real model; the optimiser's rule step by step from the optimisers'
// Work methods. The package only arranges those numbers into sentences and
// formulas, in English or Chinese.
//
// Model is a value panel (New, Update, View, SetSize) meant to be embedded
// as a tab by the root model, which owns the window size and the help
// footer (Model.KeyMap).
package walkthrough
