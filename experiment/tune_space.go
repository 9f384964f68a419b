package experiment

import (
	"strconv"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

// TuneDimension is one setting a search varies: its name, the values it
// takes as a leaderboard shows them, and how the i-th value is set on a
// configuration. Dimensions are applied in the order of their space, so a
// later one may refine an earlier one (the activation of the layers a
// "layers" dimension chose, say).
type TuneDimension struct {
	Name   string
	Values []string
	Set    func(c *Config, i int)
}

// Dim builds a dimension from typed values, each shown with show: one line
// per dimension in a search space.
func Dim[T any](name string, values []T, show func(T) string, set func(c *Config, v T)) TuneDimension {
	shown := make([]string, len(values))
	for i, v := range values {
		shown[i] = show(v)
	}
	return TuneDimension{Name: name, Values: shown, Set: func(c *Config, i int) { set(c, values[i]) }}
}

// BalancedPosWeight is a pos-weight value that the search replaces by the
// data's ratio of negative to positive rows, to four decimals (both
// classes then weigh about the same in the loss).
const BalancedPosWeight = -1.0

// DefaultTuneSpace is the space `retain tune` searches: the network's shape
// and activation, the optimiser and its learning rate, L2, the batch size,
// the scaling, ln(1+v), the positive class's weight and the early-stopping
// patience. Every value is meant for any table: nothing in it is fitted to
// one data set.
func DefaultTuneSpace() []TuneDimension {
	g := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	return []TuneDimension{
		Dim("layers", [][]int{{16}, {32}, {64}, {32, 16}, {64, 32}, {128, 64}, {256, 128}, {64, 32, 16}}, showUnits, setUnits),
		Dim("activation", []engine.Activation{engine.ReLU, engine.LeakyReLU, engine.Tanh}, engine.Activation.String, setActivation),
		Dim("optimizer", []string{"adam", "sgd"}, func(s string) string { return s }, setOptimizer),
		Dim("lr", []float64{3e-4, 1e-3, 3e-3, 1e-2}, g, func(c *Config, v float64) { c.Train.Optimizer.LR = v }),
		Dim("l2", []float64{0, 1e-5, 1e-4, 1e-3, 1e-2}, g, setL2),
		Dim("batch", []int{16, 32, 64, 128, 256}, strconv.Itoa, func(c *Config, v int) { c.Train.BatchSize = v }),
		Dim("scale", []data.Scaling{data.ScaleMinMax, data.ScaleZScore}, data.Scaling.String, func(c *Config, v data.Scaling) { c.Pipeline.Scale = v }),
		Dim("log1p", []bool{true, false}, strconv.FormatBool, func(c *Config, v bool) { c.Pipeline.Log1p = v }),
		Dim("pos-weight", []float64{1, BalancedPosWeight}, showPosWeight, func(c *Config, v float64) { c.Train.PosWeight = v }),
		Dim("patience", []int{10, 20}, strconv.Itoa, func(c *Config, v int) { c.Train.EarlyStop.Patience = v }),
	}
}

// setL2 gives a fixed decay, which replaces the default's decay per
// training row (L2Prior): with the prior left on, every l2 value would
// train alike.
func setL2(c *Config, v float64) {
	c.Train.L2, c.L2Prior = v, 0
}

// showUnits writes layer sizes as the --layers flag takes them.
func showUnits(units []int) string {
	s := make([]string, len(units))
	for i, u := range units {
		s[i] = strconv.Itoa(u)
	}
	return strings.Join(s, ",")
}

// setUnits replaces the hidden layers, keeping the first layer's activation.
func setUnits(c *Config, units []int) {
	act := engine.ReLU
	if len(c.Hidden) > 0 {
		act = c.Hidden[0].Activation
	}
	c.Hidden = make([]engine.LayerSpec, len(units))
	for i, u := range units {
		c.Hidden[i] = engine.LayerSpec{Units: u, Activation: act}
	}
}

// setActivation gives every hidden layer the activation a.
func setActivation(c *Config, a engine.Activation) {
	for i := range c.Hidden {
		c.Hidden[i].Activation = a
	}
}

// setOptimizer picks Adam, or SGD with Nesterov momentum 0.9 (plain SGD
// is too slow at these learning rates to be worth a trial).
func setOptimizer(c *Config, kind string) {
	c.Train.Optimizer.Kind, c.Train.Optimizer.Momentum, c.Train.Optimizer.Nesterov = kind, 0, false
	if kind == "sgd" {
		c.Train.Optimizer.Momentum, c.Train.Optimizer.Nesterov = 0.9, true
	}
}

func showPosWeight(v float64) string {
	if v == BalancedPosWeight {
		return "balanced"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}
