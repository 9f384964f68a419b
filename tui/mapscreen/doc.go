// Package mapscreen is the Map screen: the decision map, the model's
// probability over two numeric features with every other feature held at
// the selected user's values, with users drawn as points and the decision
// boundary at the run's threshold marked. It shows the analysed run, or the
// run that trains now from the weights of its latest ended epoch (or a
// paused run's), redrawn as epochs end. The grid, its shading bands and its
// boundary are computed by experiment (DecisionMap and its methods) in a
// Cmd; the screen only chooses the axes and the run, and draws. Instead of
// the output, the map can shade one hidden neuron's activation
// (experiment.Experiment.NeuronMap; keys n, N and l), with the neuron's
// strongest incoming weights and, from 160 columns, a diagram of the
// network beside it (dead neurons from Experiment.DeadNeuronMask).
package mapscreen
