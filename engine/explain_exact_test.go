package engine

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestExactIGByHand checks the exact integration on a network small enough
// to integrate by hand: inputs (x1, x2), one ReLU unit h = relu(x1 + x2 − 1)
// and output logit 2h − c. From the baseline (0, 0) to x = (1.2, 0.3), the
// unit's pre-activation 1.5t − 1 crosses zero at t = 2/3, so ∂logit/∂x is
// (0, 0) before and (2, 2) after.
//   - MSE (c = 0): f = 2h, IG_i = x_i · 2 · (1 − 2/3) = (0.8, 0.2).
//   - BCE (c = 1): f = σ(2h − 1), the logit goes from −1 to 0 over
//     [2/3, 1] at slope 3, so ∫ σ'·2 dt = 2(σ(0) − σ(−1))/3 and
//     IG_i = x_i · 2(σ(0) − σ(−1))/3.
func TestExactIGByHand(t *testing.T) {
	x, base := []float64{1.2, 0.3}, []float64{0, 0}
	gap := 2 * (sigmoid(0) - sigmoid(-1)) / 3
	for _, c := range []struct {
		loss Loss
		bias float64
		want []float64
	}{
		{MSE, 0, []float64{0.8, 0.2}},
		{BCE, -1, []float64{1.2 * gap, 0.3 * gap}},
	} {
		arch := Architecture{Inputs: 2, Hidden: []LayerSpec{{1, ReLU}}, Outputs: 1, Loss: c.loss}
		net, err := FromParams(arch, []float64{1, 1, -1, 2, c.bias})
		if err != nil {
			t.Fatal(err)
		}
		a, err := IntegratedGradients(net, x, base, 64)
		if err != nil {
			t.Fatal(err)
		}
		for i, w := range c.want {
			if math.Abs(a.Values[i]-w) > 1e-12 {
				t.Errorf("%v: attribution %d is %v, want %v", c.loss, i, a.Values[i], w)
			}
		}
		if a.Steps != 2 {
			t.Errorf("%v: %d pieces, want 2 (before and after the kink)", c.loss, a.Steps)
		}
	}
}

// TestExactIGMatchesFineMidpointSums compares the exact integration with
// midpoint sums at 2^16 points (integratedGradients, the rule the exact
// one replaces), on random ReLU and leaky-ReLU networks: a kink costs the
// midpoint rule at most |jump in the gradient|·h, about 1e-5 here.
func TestExactIGMatchesFineMidpointSums(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	worst := 0.0
	for ci, arch := range []Architecture{
		{Inputs: 6, Hidden: []LayerSpec{{16, ReLU}, {8, ReLU}}, Outputs: 1, Loss: BCE},
		{Inputs: 4, Hidden: []LayerSpec{{12, LeakyReLU}, {6, Linear}, {5, ReLU}}, Outputs: 2, Loss: MSE},
	} {
		net := kinkedNet(arch, rng)
		base := make([]float64, arch.Inputs)
		for i := range base {
			base[i] = rng.NormFloat64()
		}
		for u := range 20 {
			x := make([]float64, arch.Inputs)
			for i := range x {
				x[i] = 2 * rng.NormFloat64()
			}
			got, err := IntegratedGradients(net, x, base, 64)
			if err != nil {
				t.Fatal(err)
			}
			ref := integratedGradients(net, x, base, 1<<16)
			for i := range x {
				d := math.Abs(got.Values[i] - ref.Values[i])
				worst = max(worst, d)
				if d > 1e-4 {
					t.Fatalf("case %d user %d input %d: exact %v, midpoint %v", ci, u, i, got.Values[i], ref.Values[i])
				}
			}
			if c := got.Completeness(); math.Abs(c) > 1e-12 {
				t.Errorf("case %d user %d: completeness error %v", ci, u, c)
			}
		}
	}
	t.Logf("largest difference %.3g", worst)
}

// TestBatchIGManyPiecesPerBlock explains inputs of a wide ReLU network
// whose block of pieces spans several passes of BatchRows rows, against one
// input at a time.
func TestBatchIGManyPiecesPerBlock(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 9))
	arch := Architecture{Inputs: 28, Hidden: []LayerSpec{{64, ReLU}, {32, ReLU}}, Outputs: 1, Loss: BCE}
	net := kinkedNet(arch, rng)
	users := 300
	x := make([]float64, users*arch.Inputs)
	for i := range x {
		x[i] = 3 * rng.NormFloat64()
	}
	base := make([]float64, arch.Inputs)
	for i := range base {
		base[i] = rng.NormFloat64()
	}
	b, _ := NewBatchIG(net, base, 64)
	got := make([]Attribution, users)
	if err := b.Explain(got, x); err != nil {
		t.Fatal(err)
	}
	pieces := 0
	for u := range exactBlock {
		pieces += got[u].Steps
	}
	if pieces <= BatchRows {
		t.Fatalf("the first block has %d pieces: no more than one pass", pieces)
	}
	for u := range users {
		want, _ := IntegratedGradients(net, x[u*28:(u+1)*28], base, 64)
		for i := range want.Values {
			if math.Abs(got[u].Values[i]-want.Values[i]) > 1e-9 {
				t.Fatalf("user %d input %d: batched %v, single %v", u, i, got[u].Values[i], want.Values[i])
			}
		}
		if got[u].Steps != want.Steps {
			t.Fatalf("user %d: %d pieces, single %d", u, got[u].Steps, want.Steps)
		}
	}
}

// kinkedNet is a random network with random biases too: from a zero
// baseline, a ReLU network without biases is linear along every path.
func kinkedNet(arch Architecture, rng *rand.Rand) *Network {
	net, _ := NewNetwork(arch, rng)
	for i := range net.Params() {
		net.Params()[i] += 0.3 * rng.NormFloat64()
	}
	return net
}
