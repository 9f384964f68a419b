package experiment

import (
	"cmp"
	"math"
	"slices"

	"github.com/retainlab/retain/engine"
)

// Neuron names a hidden neuron of a network: Layer 0 is the first hidden
// layer, Index counts from 0.
type Neuron struct{ Layer, Index int }

// Incoming is one weight into a neuron: From indexes the layer before
// (the network's inputs, the pipeline's FeatureNames, for the first
// hidden layer; else the previous hidden layer's neurons) and W is the
// weight.
type Incoming struct {
	From int
	W    float64
}

// StrongestIncoming returns the k weights into neuron n with the largest
// |w|, largest first (ties by From), fewer when the layer before is
// narrower; nil when net has no such neuron.
func StrongestIncoming(net *engine.Network, n Neuron, k int) []Incoming {
	if net == nil || n.Layer < 0 || n.Layer >= len(net.Layers) || n.Index < 0 || n.Index >= net.Layers[n.Layer].Out {
		return nil
	}
	l := net.Layers[n.Layer]
	row := l.W[n.Index*l.In : (n.Index+1)*l.In]
	out := make([]Incoming, len(row))
	for i, w := range row {
		out[i] = Incoming{From: i, W: w}
	}
	slices.SortStableFunc(out, func(a, b Incoming) int { return cmp.Compare(math.Abs(b.W), math.Abs(a.W)) })
	return out[:min(k, len(out))]
}

// DeadNeuronMask is DeadNeurons neuron by neuron: [layer][neuron] is true
// for a hidden neuron whose output is the same (within
// engine.DeadTolerance) for every training row.
func (e *Experiment) DeadNeuronMask() [][]bool {
	if e == nil || e.Net == nil {
		return nil
	}
	return e.Net.ConstantNeuronMask(e.Train.X, e.Train.Rows, engine.DeadTolerance)
}
