package engine

import (
	"math"
	"testing"
)

// twoSteps traces a first step of cfg and then a second from where the first
// left the network and the optimiser, so that momentum and moments are not
// zero in the second.
func twoSteps(t *testing.T, cfg TrainConfig) StepTrace {
	t.Helper()
	d := blobs(40, 3)
	tr := newTestTrainer(t, 7, cfg, d, Dataset{})
	first, err := TraceStep(tr.Network(), tr.Optimizer(), cfg, d, []int{0, 9, 17, 33})
	if err != nil {
		t.Fatal(err)
	}
	second, err := TraceStep(first.After, first.OptAfter, cfg, d, []int{2, 11, 25, 38, 6})
	if err != nil {
		t.Fatal(err)
	}
	return second
}

// eachWeight calls f for every weight W_k[j,i] of the step's network.
func eachWeight(st StepTrace, f func(k, j, i int)) {
	for k, l := range st.Before.Layers {
		for j := range l.Out {
			for i := range l.In {
				f(k, j, i)
			}
		}
	}
}

func TestAdamWorkLandsOnTheEnginesUpdate(t *testing.T) {
	cfg := TrainConfig{Epochs: 1, BatchSize: 4, Optimizer: OptimizerConfig{Kind: "adam", LR: 0.01}, L2: 0.01}
	st := twoSteps(t, cfg)
	opt := st.OptBefore.(*Adam)
	m, v := opt.Moments()
	eachWeight(st, func(k, j, i int) {
		l := st.Before.Layers[k]
		p := st.Before.ParamIndex(k, j, i)
		if st.Before.Params()[p] != l.W[j*l.In+i] {
			t.Fatalf("ParamIndex(%d,%d,%d) = %d does not hold W[%d,%d]", k, j, i, p, j, i)
		}
		u := opt.Work(p, l.W[j*l.In+i], st.ClippedGrad(k, j, i))
		if u.T != 2 || u.M0 != m[p] || u.V0 != v[p] {
			t.Fatalf("W%d[%d,%d]: t %d, m0 %g, v0 %g; want 2, %g, %g", k+1, j, i, u.T, u.M0, u.V0, m[p], v[p])
		}
		after := st.After.Layers[k].W[j*l.In+i]
		if math.Abs(u.NewW-after) > 1e-15 {
			t.Fatalf("W%d[%d,%d]: Work gives %.17g, the step %.17g", k+1, j, i, u.NewW, after)
		}
		// Kingma and Ba's Algorithm 1 puts ε on √v̂; the engine's rule is
		// the same with ε/√(1 − β₂ᵗ) there instead.
		eps := u.Eps / math.Sqrt(u.Bias2)
		if want := u.W - u.LR*u.MHat/(math.Sqrt(u.VHat)+eps); math.Abs(want-u.NewW) > 1e-15 {
			t.Fatalf("W%d[%d,%d]: the textbook rule with ε/√(1 − β₂ᵗ) gives %.17g, the engine %.17g", k+1, j, i, want, u.NewW)
		}
		if want := u.W - u.LR*u.MHat/(math.Sqrt(u.VHat)+u.Eps); u.Textbook != want {
			t.Fatalf("W%d[%d,%d]: Textbook %.17g, want %.17g", k+1, j, i, u.Textbook, want)
		}
	})
}

func TestSGDWorkLandsOnTheEnginesUpdate(t *testing.T) {
	for _, nesterov := range []bool{false, true} {
		cfg := TrainConfig{Epochs: 1, BatchSize: 4, ClipNorm: 0.05,
			Optimizer: OptimizerConfig{Kind: "sgd", LR: 0.1, Momentum: 0.9, Nesterov: nesterov}}
		st := twoSteps(t, cfg)
		opt := st.OptBefore.(*SGD)
		eachWeight(st, func(k, j, i int) {
			l := st.Before.Layers[k]
			p := st.Before.ParamIndex(k, j, i)
			u := opt.Work(p, l.W[j*l.In+i], st.ClippedGrad(k, j, i))
			if u.B0 != opt.Velocity()[p] {
				t.Fatalf("nesterov %v, W%d[%d,%d]: velocity %g, want %g", nesterov, k+1, j, i, u.B0, opt.Velocity()[p])
			}
			if after := st.After.Layers[k].W[j*l.In+i]; math.Abs(u.NewW-after) > 1e-15 {
				t.Fatalf("nesterov %v, W%d[%d,%d]: Work gives %.17g, the step %.17g", nesterov, k+1, j, i, u.NewW, after)
			}
		})
	}
}

func TestStepTraceClipFactor(t *testing.T) {
	cfg := TrainConfig{Epochs: 1, BatchSize: 4, ClipNorm: 0.05, Optimizer: OptimizerConfig{Kind: "sgd", LR: 0.1}}
	st := twoSteps(t, cfg)
	ss := 0.0
	for k := range st.GradW {
		for _, g := range st.GradW[k] {
			ss += g * g
		}
		for _, g := range st.GradB[k] {
			ss += g * g
		}
	}
	want := 0.05 / math.Sqrt(ss)
	if want >= 1 || math.Abs(st.Clip-want) > 1e-15 {
		t.Fatalf("clip factor %g, want %g (< 1: the bound must bite)", st.Clip, want)
	}
	// Plain SGD moves each weight by −lr·g·clip: lr units give −g·clip.
	change := st.ChangeInRates(0)
	l := st.Before.Layers[0]
	for n := range change {
		if g := st.ClippedGrad(0, n/l.In, n%l.In); math.Abs(change[n]+g) > 1e-12 {
			t.Fatalf("change of W1 entry %d in rates %g, want %g", n, change[n], -g)
		}
	}
	cfg.ClipNorm = 0
	if st := twoSteps(t, cfg); st.Clip != 1 {
		t.Fatalf("without clipping the factor is %g, want 1", st.Clip)
	}
}

func TestStepTraceRowLossesAndDerivatives(t *testing.T) {
	for _, pw := range []float64{0, 2} {
		cfg := TrainConfig{Epochs: 1, BatchSize: 4, PosWeight: pw, Optimizer: OptimizerConfig{Kind: "adam", LR: 0.01}}
		st := twoSteps(t, cfg)
		w := max(pw, 1)
		L := len(st.A) - 1
		mean := 0.0
		for r, y := range st.Y {
			// Cross-entropy from the probability, the textbook way.
			p := st.A[L][r]
			want := -(w*y*math.Log(p) + (1-y)*math.Log(1-p))
			if math.Abs(st.RowLoss[r]-want) > 1e-12 {
				t.Fatalf("pos weight %g, row %d: ℓ %.15g, want %.15g", pw, r, st.RowLoss[r], want)
			}
			mean += st.RowLoss[r] / float64(len(st.Y))
		}
		for r, e := range st.Residuals() {
			if e != st.A[L][r]-st.Y[r] {
				t.Fatalf("residual %d: %g, want %g", r, e, st.A[L][r]-st.Y[r])
			}
		}
		if math.Abs(mean-st.Loss) > 1e-12 {
			t.Fatalf("pos weight %g: mean ℓ %.15g, Loss %.15g", pw, mean, st.Loss)
		}
	}
	st := twoSteps(t, TrainConfig{Epochs: 1, BatchSize: 4, Optimizer: OptimizerConfig{Kind: "adam", LR: 0.01}})
	for k, l := range st.Before.Layers {
		for n, z := range st.Z[k] {
			// A central difference of the activation itself.
			const h = 1e-6
			if math.Abs(z) < 1e-4 {
				continue // ReLU's kink
			}
			want := (l.Activation.Apply(z+h) - l.Activation.Apply(z-h)) / (2 * h)
			if math.Abs(st.Deriv[k][n]-want) > 1e-6 {
				t.Fatalf("layer %d entry %d: a′(%g) = %g, the difference gives %g", k+1, n, z, st.Deriv[k][n], want)
			}
		}
	}
	for _, a := range []Activation{Tanh, Sigmoid, LeakyReLU, Linear} {
		for _, z := range []float64{-1.3, 0.4} {
			h := 1e-6
			want := (a.Apply(z+h) - a.Apply(z-h)) / (2 * h)
			if got := a.Derivative(z, a.Apply(z)); math.Abs(got-want) > 1e-6 {
				t.Fatalf("%v′(%g) = %g, the difference gives %g", a, z, got, want)
			}
		}
	}
}

func TestStepTraceTermsAddUp(t *testing.T) {
	cfg := TrainConfig{Epochs: 1, BatchSize: 4, L2: 0.01, Optimizer: OptimizerConfig{Kind: "adam", LR: 0.01}}
	st := twoSteps(t, cfg)
	net := st.Before
	tr, err := net.Trace(st.X[:net.Arch.Inputs])
	if err != nil {
		t.Fatal(err)
	}
	sum := func(v []float64) (s float64) {
		for _, x := range v {
			s += x
		}
		return s
	}
	for k, l := range net.Layers {
		in := tr.Input
		if k > 0 {
			in = tr.A[k-1]
		}
		for j := range l.Out {
			if z := sum(net.AffineTerms(k, j, in)) + l.B[j]; math.Abs(z-tr.Z[k][j]) > 1e-12 {
				t.Fatalf("layer %d neuron %d: terms + b = %.15g, z = %.15g", k+1, j, z, tr.Z[k][j])
			}
			for i := range l.In {
				if want := cfg.L2 * l.W[j*l.In+i]; st.DecayTerm(k, j, i) != want {
					t.Fatalf("λ·W%d[%d,%d] = %g, want %g", k+1, j, i, st.DecayTerm(k, j, i), want)
				}
				g := sum(st.WeightGradTerms(k, j, i)) + cfg.L2*l.W[j*l.In+i]
				if math.Abs(g-st.GradW[k][j*l.In+i]) > 1e-12 {
					t.Fatalf("∂L/∂W%d[%d,%d]: terms %.15g, GradW %.15g", k+1, j, i, g, st.GradW[k][j*l.In+i])
				}
			}
			if k == len(net.Layers)-1 {
				continue
			}
			for r := range st.Rows {
				terms, total := st.BackTerms(k, r, j)
				if total != sum(terms) {
					t.Fatalf("δ%d[%d,%d]: BackTerms' sum %g, its terms add to %g", k+1, r, j, total, sum(terms))
				}
				d := total * st.Deriv[k][r*l.Out+j]
				if math.Abs(d-st.Delta[k][r*l.Out+j]) > 1e-15 {
					t.Fatalf("δ%d[%d,%d]: terms give %.15g, Delta %.15g", k+1, r, j, d, st.Delta[k][r*l.Out+j])
				}
			}
		}
	}
}
