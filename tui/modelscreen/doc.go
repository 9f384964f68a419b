// Package modelscreen is the Model screen: a form of the network's hidden
// layers, the training settings and the preprocessing (scaling and
// log(1+v)), each stepped through common values with the arrow keys or
// typed and checked in place (a refused value's reason stays by its
// field), beside the Keras-style summary of the network they describe. Its
// settings apply to the next run. p steps through the source article's
// presets and back to the default configuration, r goes straight back to
// it; a preset with its own users has the root set the loaded data aside
// and bring them back.
package modelscreen
