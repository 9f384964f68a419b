package walkthrough

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/engine"
)

// refForward runs one input through net with plain loops, written from the
// definitions z = W·a + b, a = ReLU(z) (σ at the output), independently of
// the engine's kernels; it returns every layer's z and a.
func refForward(net *engine.Network, x []float64) (zs, as [][]float64) {
	in := x
	for k, l := range net.Layers {
		z := make([]float64, l.Out)
		a := make([]float64, l.Out)
		for j := range l.Out {
			s := l.B[j]
			for i := range l.In {
				s += l.W[j*l.In+i] * in[i]
			}
			z[j] = s
			if k == len(net.Layers)-1 {
				a[j] = 1 / (1 + math.Exp(-s))
			} else {
				a[j] = math.Max(s, 0)
			}
		}
		zs, as = append(zs, z), append(as, a)
		in = a
	}
	return zs, as
}

// refBackward returns δ_k (per row, per layer) and ∂L/∂W_k for the mean
// binary cross-entropy of a batch, from δ_out = (ŷ − y)/m and
// δ_k = (W_{k+1}ᵀ δ_{k+1}) ⊙ [z_k > 0], with ∂L/∂W_k = Σ_r δ_k[r]·a_{k−1}[r]ᵀ.
func refBackward(net *engine.Network, xs [][]float64, ys []float64) (deltas [][][]float64, grads [][]float64) {
	L := len(net.Layers)
	m := float64(len(xs))
	grads = make([][]float64, L)
	for k, l := range net.Layers {
		grads[k] = make([]float64, l.Out*l.In)
	}
	for r, x := range xs {
		zs, as := refForward(net, x)
		d := make([][]float64, L)
		d[L-1] = []float64{(as[L-1][0] - ys[r]) / m}
		for k := L - 2; k >= 0; k-- {
			next := net.Layers[k+1]
			d[k] = make([]float64, net.Layers[k].Out)
			for j := range d[k] {
				s := 0.0
				for o := range next.Out {
					s += next.W[o*next.In+j] * d[k+1][o]
				}
				if zs[k][j] > 0 {
					d[k][j] = s
				}
			}
		}
		for k, l := range net.Layers {
			in := x
			if k > 0 {
				in = as[k-1]
			}
			for j := range l.Out {
				for i := range l.In {
					grads[k][j*l.In+i] += d[k][j] * in[i]
				}
			}
		}
		deltas = append(deltas, d)
	}
	return deltas, grads
}

// printed finds the first line of view whose trimmed text starts with
// prefix and ends in "= number", and returns that number with the
// tolerance its printed digits allow (half a unit in the last place).
func printed(t *testing.T, view, prefix string) (value, tol float64) {
	t.Helper()
	for _, line := range strings.Split(ansi.Strip(view), "\n") {
		line = textPart(line)
		if !strings.HasPrefix(line, prefix) {
			continue
		}
		if i := strings.LastIndex(line, "= "); i >= 0 {
			// A symbolic line such as "ŷ = σ(z₃) = 1 / (1 + e^(−z₃))" ends
			// in a formula, not a value: look further.
			if strings.ContainsAny(line[i+2:], "/^") {
				continue
			}
			if v, tol, ok := parsePrinted(line[i+2:]); ok {
				return v, tol
			}
		}
	}
	t.Fatalf("no line starting with %q and ending in a number in:\n%s", prefix, ansi.Strip(view))
	return 0, 0
}

// textPart drops a heatmap drawn beside the text from a stripped line.
func textPart(line string) string {
	text, _, _ := strings.Cut(line, " │ ")
	return strings.TrimSpace(text)
}

// parsePrinted reads a number as num and fine print it (true minus signs,
// e-notation for small values) and the half-unit of its last digit.
func parsePrinted(s string) (value, tol float64, ok bool) {
	fields := strings.Fields(s)
	if len(fields) == 0 {
		return 0, 0, false
	}
	s = strings.ReplaceAll(fields[0], "−", "-")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, 0, false
	}
	mant, exp, _ := strings.Cut(s, "e")
	decimals := 0
	if _, frac, ok := strings.Cut(mant, "."); ok {
		decimals = len(frac)
	}
	e := 0
	if exp != "" {
		e, _ = strconv.Atoi(exp)
	}
	return v, 0.5*math.Pow(10, float64(e-decimals)) + 1e-15, true
}

// near fails unless got is within tol of want.
func near(t *testing.T, what string, got, tol, want float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s: printed %v, independent value %v (tolerance %g)", what, got, want, tol)
	}
}
