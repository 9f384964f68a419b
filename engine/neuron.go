package engine

import "fmt"

// NeuronActivations writes into out (rows long) the activation of neuron
// j of hidden layer k (0 is the first hidden layer) for every row of x
// (row-major, rows × Inputs): a forward pass through layers 0…k only.
func (n *Network) NeuronActivations(out, x []float64, rows, k, j int) error {
	if k < 0 || k >= len(n.Layers)-1 {
		return fmt.Errorf("hidden layer %d: the network has %d", k+1, len(n.Layers)-1)
	}
	width := n.Layers[k].Out
	if j < 0 || j >= width {
		return fmt.Errorf("neuron %d of hidden layer %d: it has %d", j+1, k+1, width)
	}
	in := n.Arch.Inputs
	if len(x) < rows*in || len(out) < rows {
		return fmt.Errorf("%d rows of %d inputs: x holds %d values, out %d", rows, in, len(x), len(out))
	}
	if rows == 0 {
		return nil
	}
	ws := newWorkspace(n, min(rows, predictChunk))
	for start := 0; start < rows; start += predictChunk {
		m := min(predictChunk, rows-start)
		copy(ws.x[:m*in], x[start*in:(start+m)*in])
		ws.forwardTo(n, m, k)
		a := ws.a[k]
		for r := range m {
			out[start+r] = a[r*width+j]
		}
	}
	return nil
}
