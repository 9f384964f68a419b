// Package engine holds the multilayer-perceptron maths of retain: the network,
// activations, losses, back-propagation, optimisers and the trainer.
//
// It depends on gonum only: no files, no printing, no user interface.
package engine
