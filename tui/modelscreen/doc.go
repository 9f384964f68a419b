// Package modelscreen is the Model screen: a form of the network's hidden
// layers and the training settings, each stepped through common values
// with the arrow keys or typed and checked in place (a refused value's
// reason stays by its field), beside the Keras-style summary of the
// network they describe. Its settings apply to the next run.
package modelscreen
