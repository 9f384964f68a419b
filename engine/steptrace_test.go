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
