package engine

import "math"

// DeadTolerance is the spread below which ConstantNeurons calls a neuron's
// output the same for every row: a thousandth, below what the walkthrough
// prints.
const DeadTolerance = 1e-3

// ConstantNeurons returns, for each hidden layer, how many of its neurons
// give the same output (within tol: the largest minus the smallest
// activation is at most tol) on every one of the rows of x (row-major,
// rows × Inputs). Such a neuron is dead: it passes the next layer a
// constant, whatever the user. With ReLU it is one whose z is at most 0 for
// every row, or whose incoming weights have all shrunk to about 0. Without
// rows every count is 0.
func (n *Network) ConstantNeurons(x []float64, rows int, tol float64) []int {
	dead := n.ConstantNeuronMask(x, rows, tol)
	counts := make([]int, len(dead))
	for k, layer := range dead {
		for _, d := range layer {
			if d {
				counts[k]++
			}
		}
	}
	return counts
}

// ConstantNeuronMask is ConstantNeurons neuron by neuron: [layer][neuron]
// is true for a hidden neuron whose output is the same (within tol) on
// every row of x. Without rows every neuron is false.
func (n *Network) ConstantNeuronMask(x []float64, rows int, tol float64) [][]bool {
	hidden := len(n.Layers) - 1
	dead := make([][]bool, max(hidden, 0))
	for k := range dead {
		dead[k] = make([]bool, n.Layers[k].Out)
	}
	if rows == 0 || hidden <= 0 {
		return dead
	}
	lo, hi := make([][]float64, hidden), make([][]float64, hidden)
	for k := range hidden {
		lo[k], hi[k] = make([]float64, n.Layers[k].Out), make([]float64, n.Layers[k].Out)
		for j := range lo[k] {
			lo[k][j], hi[k][j] = math.Inf(1), math.Inf(-1)
		}
	}
	in := n.Arch.Inputs
	ws := newWorkspace(n, min(rows, predictChunk))
	for start := 0; start < rows; start += predictChunk {
		m := min(predictChunk, rows-start)
		copy(ws.x[:m*in], x[start*in:(start+m)*in])
		ws.forwardTo(n, m, hidden-1)
		for k := range hidden {
			out := n.Layers[k].Out
			a := ws.a[k][:m*out]
			for r := range m {
				for j, v := range a[r*out : (r+1)*out] {
					lo[k][j], hi[k][j] = min(lo[k][j], v), max(hi[k][j], v)
				}
			}
		}
	}
	for k := range hidden {
		for j := range lo[k] {
			dead[k][j] = hi[k][j]-lo[k][j] <= tol
		}
	}
	return dead
}
