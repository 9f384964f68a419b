package engine

import (
	"math"
	"slices"
	"testing"
)

func TestTraceStepMatchesATrainerStep(t *testing.T) {
	cfg := TrainConfig{Epochs: 1, BatchSize: 4, Optimizer: OptimizerConfig{Kind: "adam", LR: 0.01}, L2: 0.01}
	d := blobs(40, 3)
	tr := newTestTrainer(t, 2, cfg, d, Dataset{})
	before := clone(tr.Network().Params())
	rows := []int{5, 1, 30, 12}
	st, err := TraceStep(tr.Network(), tr.Optimizer(), cfg, d, rows)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(tr.Network().Params(), before) {
		t.Fatal("TraceStep changed the network it was given")
	}
	// The update must be Adam's first step: each weight moves by
	// α·m/(√v+ε) with m = (1−β1)g, v = (1−β2)g², α = lr·√(1−β2)/(1−β1),
	// i.e. by about lr·sign(g).
	g := st.GradW[0][0]
	alpha := 0.01 * math.Sqrt(1-0.999) / (1 - 0.9)
	m, v := 0.1*g, 0.001*g*g
	want := before[0] - alpha*m/(math.Sqrt(v)+1e-7)
	if got := st.After.Params()[0]; math.Abs(got-want) > 1e-15 {
		t.Fatalf("W1[0,0] after = %.17g, want %.17g", got, want)
	}
	// The recorded delta of the output is (p − y)/m for BCE with weight 1.
	L := len(st.Delta) - 1
	for i := range rows {
		if d := st.Delta[L][i] - (st.A[L][i]-st.Y[i])/4; math.Abs(d) > 1e-15 {
			t.Fatalf("output delta %d off by %g", i, d)
		}
	}
}

// TestTraceStepRecordsThePenaltyAndTheGradientsLength: the walkthrough
// states the whole objective, L = data loss + (λ/2)·ΣW² (biases not
// penalised, as backward's λ·W says), and the length of the gradient that
// clipping compared with its limit; both are recorded, checked here against
// sums written out.
func TestTraceStepRecordsThePenaltyAndTheGradientsLength(t *testing.T) {
	cfg := TrainConfig{Epochs: 1, BatchSize: 4, Optimizer: OptimizerConfig{Kind: "sgd", LR: 0.1}, L2: 0.03, ClipNorm: 0.01}
	d := blobs(40, 3)
	tr := newTestTrainer(t, 2, cfg, d, Dataset{})
	st, err := TraceStep(tr.Network(), tr.Optimizer(), cfg, d, []int{5, 1, 30, 12})
	if err != nil {
		t.Fatal(err)
	}
	squares, norm := 0.0, 0.0
	for k, l := range st.Before.Layers {
		for _, w := range l.W {
			squares += w * w
		}
		for _, g := range st.GradW[k] {
			norm += g * g
		}
		for _, g := range st.GradB[k] {
			norm += g * g
		}
	}
	norm = math.Sqrt(norm)
	if math.Abs(st.SquaredWeights-squares) > 1e-12*squares {
		t.Errorf("SquaredWeights %v, want ΣW² = %v", st.SquaredWeights, squares)
	}
	if want := cfg.L2 / 2 * squares; math.Abs(st.Penalty-want) > 1e-15 {
		t.Errorf("Penalty %v, want (λ/2)·ΣW² = %v", st.Penalty, want)
	}
	if got := st.Objective(); got != st.Loss+st.Penalty {
		t.Errorf("Objective %v, want Loss + Penalty = %v", got, st.Loss+st.Penalty)
	}
	if math.Abs(st.GradNorm-norm) > 1e-12*norm {
		t.Errorf("GradNorm %v, want ‖∇L‖ = %v", st.GradNorm, norm)
	}
	if norm <= cfg.ClipNorm || math.Abs(st.Clip-cfg.ClipNorm/norm) > 1e-15 {
		t.Errorf("clip factor %v, want %v / %v", st.Clip, cfg.ClipNorm, norm)
	}
	cfg.L2 = 0
	if st, _ := TraceStep(tr.Network(), tr.Optimizer(), cfg, d, []int{5, 1}); st.Penalty != 0 || st.SquaredWeights == 0 {
		t.Errorf("without L2: penalty %v (want 0), ΣW² %v (want it still)", st.Penalty, st.SquaredWeights)
	}
}
