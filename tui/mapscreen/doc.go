// Package mapscreen is the Map screen: the decision map, the model's
// probability over two numeric features with every other feature held at
// the selected user's values, with users drawn as points. The grid is
// computed by experiment.DecisionMap in a Cmd; the screen only chooses the
// axes and draws.
package mapscreen
