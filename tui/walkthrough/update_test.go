package walkthrough

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/retainlab/retain/experiment"
)

// TestClippedGradientIsLabelledWhereItIsUsed: under clipping the update
// page wrote "g = ∂L/∂w = 0.003507" for a gradient the previous page gave
// as 0.0626, and named the factor (0.0560) only at its end. g is now
// written c·∂L/∂w with c = limit / ‖∇L‖ worked out before it is used.
func TestClippedGradientIsLabelledWhereItIsUsed(t *testing.T) {
	for _, opt := range []string{"adam", "sgd"} {
		exp := fixtureWith(t, func(c *experiment.Config) {
			c.Train.ClipNorm, c.Train.Optimizer.Kind = 0.01, opt
			if opt == "sgd" {
				c.Train.Optimizer.LR, c.Train.Optimizer.Momentum = 0.05, 0.9
			}
		})
		for _, lang := range Languages {
			page, m := pageText(t, exp, lang, stepUpdate, 0)
			st := &m.walk.step
			k, j, i := m.layer, m.Neuron(m.layer), m.Weight(m.layer)
			l := exp.Net.Layers[k]
			if st.Clip == 1 {
				t.Fatalf("%s: the fixture's gradient was not clipped", opt)
			}
			for _, want := range []string{
				"c = 0.01 / ‖∇L‖ = 0.01 / " + fine(st.GradNorm) + " = " + fine(st.Clip),
				"g = c·∂L/∂w = " + fine(st.Clip) + " × " + parenFine(st.GradW[k][j*l.In+i]) + " = " + fine(st.ClippedGrad(k, j, i)),
			} {
				if !strings.Contains(page, want) {
					t.Errorf("%s, %s: the update page lacks %q:\n%s", opt, lang, want, page)
				}
			}
			if strings.Contains(page, "g = ∂L/∂w") {
				t.Errorf("%s, %s: the clipped gradient is still labelled g = ∂L/∂w:\n%s", opt, lang, page)
			}
			if before, _, _ := strings.Cut(page, "g = c·∂L/∂w"); !strings.Contains(before, "c = 0.01 / ‖∇L‖") {
				t.Errorf("%s, %s: c is used before it is worked out:\n%s", opt, lang, page)
			}
		}
	}
	// Without clipping, g is the gradient itself.
	page, _ := pageText(t, fixtureExperiment(t), "en", stepUpdate, 0)
	if !strings.Contains(page, "g = ∂L/∂w = ") || strings.Contains(page, "c·∂L/∂w") {
		t.Errorf("without clipping the page should write g = ∂L/∂w:\n%s", page)
	}
}

// TestRestoredWeightsSayTheOptimiserStateIsLater: after early stopping
// restored epoch 2 of 3, the update page showed those weights with
// "update number t = 1990", Adam's state from the end of epoch 3, as if
// the two belonged together. It now says so where the state is shown.
func TestRestoredWeightsSayTheOptimiserStateIsLater(t *testing.T) {
	exp := fixtureWith(t, func(c *experiment.Config) {
		c.Train.Epochs, c.Train.EarlyStop.Patience, c.Train.Optimizer.LR = 12, 100, 0.05
	})
	restored, epochs := exp.Trainer.RestoredEpoch(), len(exp.Trainer.History())
	if restored == 0 || restored >= epochs {
		t.Fatalf("the fixture kept epoch %d of %d: nothing restored", restored, epochs)
	}
	wants := map[string]string{
		"en": "Early stopping kept the weights of epoch " + itoa(restored) + ", but training ran " + itoa(epochs) + " epochs: the optimiser's state used here (t, m and v) is the one it ended with after epoch " + itoa(epochs),
		"zh": "提前停止保留的是第 " + itoa(restored) + " 轮的权重，但训练跑了 " + itoa(epochs) + " 轮：这里用到的优化器状态（t、m 和 v）是它在第 " + itoa(epochs) + " 轮结束时的状态",
	}
	for lang, want := range wants {
		page, _ := pageText(t, exp, lang, stepUpdate, 0)
		if !strings.Contains(page, want) {
			t.Errorf("%s: the update page lacks %q:\n%s", lang, want, page)
		}
	}
	// Weights of the last epoch: nothing to say.
	page, _ := pageText(t, fixtureExperiment(t), "en", stepUpdate, 0)
	if strings.Contains(page, "Early stopping kept") {
		t.Errorf("the page speaks of a restored epoch when none was:\n%s", page)
	}
}

// TestGoldenRawStepAfterEarlyStop: when early stopping kept an earlier
// epoch's weights, the update step shows a step training never took; the
// first step says so and how to see a real one (pause a run on Train: n,
// or space while it runs; back with 6). Without a restored epoch it says
// nothing of it (TestGoldenViews' 01_raw).
func TestGoldenRawStepAfterEarlyStop(t *testing.T) {
	exp := fixtureWith(t, func(c *experiment.Config) {
		c.Train.Epochs, c.Train.EarlyStop.Patience, c.Train.Optimizer.LR = 12, 100, 0.05
	})
	if exp.Trainer.RestoredEpoch() == 0 {
		t.Fatal("the fixture restored no epoch")
	}
	in, err := NewInput(exp, fixtureRow(exp))
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Languages {
		t.Run(lang, func(t *testing.T) {
			m := New(in, lang, DefaultStyles())
			m.SetSize(80, 24)
			golden.RequireEqual(t, ansi.Strip(goTo(t, m, stepRaw, 0).View()))
		})
	}
}
