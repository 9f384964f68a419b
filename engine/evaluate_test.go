package engine

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"
)

// TestValidationLogLossIsUnweighted: the validation loss weighs positives
// as training does, and the log loss weighs every row 1, so runs with
// different positive weights can be compared on it. A network without
// hidden layers whose weight and bias are both 0.5 gives every row of
// zero inputs the logit 0.5; the expected means were worked in Python:
// softplus(-0.5) = log1p(exp(-0.5)) = 0.4740769841801067 for each positive,
// softplus(0.5) = 0.9740769841801067 for the negative, so the unweighted
// mean of two positives and a negative is 0.6407436508467733 and with
// weight 3 on the positives (3·2·0.47408 + 0.97408)/3 = 1.272846296420249.
func TestValidationLogLossIsUnweighted(t *testing.T) {
	net, err := NewNetwork(Architecture{Inputs: 1, Outputs: 1, Loss: BCE}, rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		t.Fatal(err)
	}
	if err := net.SetParams([]float64{0.5, 0.5}); err != nil {
		t.Fatal(err)
	}
	val, err := DatasetFromFlat([]float64{0, 0, 0}, []float64{1, 0, 1}, 3, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ posWeight, loss, logLoss float64 }{
		{1, 0.6407436508467733, 0.6407436508467733},
		{3, 1.272846296420249, 0.6407436508467733},
	} {
		r, err := newEvaluator(net, val.Rows).run(context.Background(), val, c.posWeight)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(r.loss-c.loss) > 1e-12 || math.Abs(r.logLoss-c.logLoss) > 1e-12 {
			t.Errorf("positive weight %g: loss %.16g, log loss %.16g; want %.16g and %.16g", c.posWeight, r.loss, r.logLoss, c.loss, c.logLoss)
		}
	}
}

// TestEpochStatsCarryTheLogLoss: an epoch's figures hold the validation
// log loss beside the weighted loss: the same without a positive weight,
// lower with a weight above 1 (every validation row of the XOR-like data
// costs more when its positives weigh 4).
func TestEpochStatsCarryTheLogLoss(t *testing.T) {
	x := []float64{0, 0, 0, 1, 1, 0, 1, 1}
	y := []float64{0, 1, 1, 0}
	data, err := DatasetFromFlat(x, y, 4, 2, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, pw := range []float64{1, 4} {
		rng := rand.New(rand.NewPCG(3, 4))
		net, err := NewNetwork(Architecture{Inputs: 2, Hidden: []LayerSpec{{Units: 4, Activation: Tanh}}, Outputs: 1, Loss: BCE}, rng)
		if err != nil {
			t.Fatal(err)
		}
		cfg := TrainConfig{Epochs: 2, BatchSize: 4, Optimizer: OptimizerConfig{Kind: "adam", LR: 0.01}, PosWeight: pw}
		tr, err := NewTrainer(net, data, data, cfg, rng)
		if err != nil {
			t.Fatal(err)
		}
		if err := tr.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		for _, e := range tr.History() {
			if pw == 1 && e.ValLogLoss != e.ValLoss || pw == 4 && !(e.ValLogLoss > 0 && e.ValLogLoss < e.ValLoss) {
				t.Errorf("positive weight %g, epoch %d: loss %g, log loss %g", pw, e.Epoch, e.ValLoss, e.ValLogLoss)
			}
		}
	}
}
