package walkthrough

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
)

// pageText renders the page of kind (in layer) of the fixture user of exp,
// the words of its text (not of a figure beside it) joined by single spaces.
func pageText(t *testing.T, exp *experiment.Experiment, lang string, kind stepKind, layer int) (string, Model) {
	t.Helper()
	in, err := NewInput(exp, fixtureRow(exp))
	if err != nil {
		t.Fatal(err)
	}
	m := New(in, lang, DefaultStyles())
	m.SetSize(200, 100)
	m = goTo(t, m, kind, layer)
	var text []string
	for _, line := range strings.Split(ansi.Strip(m.View()), "\n") {
		text = append(text, textPart(line))
	}
	return strings.Join(strings.Fields(strings.Join(text, " ")), " "), m
}

// TestLossFormulasCarryThePositiveWeightAndTheL2Penalty: with
// --pos-weight 2 the loss page wrote ℓ = −[y·ln ŷ + (1−y)·ln(1−ŷ)] and the
// output error δ = (ŷ − y)/m while its values were twice those for the
// positive users, and with L2 it called L = (1/m)·Σℓ what the step
// descends, though the gradient adds λ·W, the gradient of (λ/2)·ΣW² (the
// engine's definition). The formulas now carry the class weight (w₊, not
// w, the weight the update page moves; the batch size is B, not m, Adam's
// first moment: review r25 #3), the penalty is stated with its value, and
// L is their sum.
func TestLossFormulasCarryThePositiveWeightAndTheL2Penalty(t *testing.T) {
	exp := fixtureWith(t, func(c *experiment.Config) { c.Train.PosWeight, c.Train.L2 = 2, 0.01 })
	for _, lang := range Languages {
		loss, m := pageText(t, exp, lang, stepLoss, 0)
		st := &m.walk.step
		if st.Penalty == 0 || st.L2 != 0.01 {
			t.Fatalf("the fixture has no L2 penalty: λ %g, penalty %g", st.L2, st.Penalty)
		}
		for _, want := range []string{
			"ℓ = −[ w₊·y·ln ŷ + (1 − y)·ln(1 − ŷ) ], w₊ = 2",
			"L = (1/B)·Σ ℓ + (λ/2)·ΣW², λ = 0.0100",
			"(ℓ₁ + … + ℓ₈) / 8 = " + num(st.Loss),
			"(λ/2)·ΣW² = 0.0100 / 2 × " + num(st.SquaredWeights) + " = " + num(st.Penalty),
			"L = " + num(st.Loss) + " + " + num(st.Penalty) + " = " + num(st.Objective()),
		} {
			if !strings.Contains(loss, want) {
				t.Errorf("%s: the loss page lacks %q:\n%s", lang, want, loss)
			}
		}
		for _, bad := range []string{"⟦", "%!"} {
			if strings.Contains(loss, bad) {
				t.Errorf("%s: the loss page shows %q:\n%s", lang, bad, loss)
			}
		}
		if strings.Contains(loss, "ℓ = −[ y·ln ŷ") {
			t.Errorf("%s: the loss page still shows the unweighted ℓ:\n%s", lang, loss)
		}
		last := len(exp.Net.Layers) - 1
		delta, _ := pageText(t, exp, lang, stepDelta, last)
		want := dSym(last) + " = ∂L/∂" + zSym(last) + " = [w₊·y·(ŷ − 1) + (1 − y)·ŷ] / B, w₊ = 2, B = 8"
		if !strings.Contains(delta, want) || strings.Contains(delta, "(ŷ − y) / B, B = 8") || strings.ContainsAny(delta, "⟦%") {
			t.Errorf("%s: the output error's page lacks %q (or keeps the unweighted form):\n%s", lang, want, delta)
		}
	}
}

// TestPlainLossFormulasAreUnchanged: without a weight or a penalty the
// page keeps the plain formulas, on one line.
func TestPlainLossFormulasAreUnchanged(t *testing.T) {
	exp := fixtureExperiment(t)
	loss, m := pageText(t, exp, "en", stepLoss, 0)
	for _, want := range []string{"ℓ = −[ y·ln ŷ + (1 − y)·ln(1 − ŷ) ], L = (1/B)·Σ ℓ", "L = (ℓ₁ + … + ℓ₈) / 8 = " + num(m.walk.step.Loss)} {
		if !strings.Contains(loss, want) {
			t.Errorf("the loss page lacks %q:\n%s", want, loss)
		}
	}
	for _, bad := range []string{"w₊·y", "λ/2"} {
		if strings.Contains(loss, bad) {
			t.Errorf("the loss page shows %q with neither a weight nor a penalty:\n%s", bad, loss)
		}
	}
}

// TestLossPageSaysWhereLambdaComesFrom: with the decay given per training
// row (L2Prior, the default 20) the loss page showed λ = 0.0xxx without
// saying it is 20 / the training rows, as the Model screen writes it, and
// did not say that the Train screen's loss leaves the penalty out, so the
// page's L and the chart disagreed unexplained (review r25 #6). The prior
// shown is the one trained with, raised on so wide a table
// (experiment.InputPrior): the textbook has 10 inputs on 90 training rows,
// 9 per input, so a prior p becomes p · 100 · 10 / 90 = p · 11.1111.
func TestLossPageSaysWhereLambdaComesFrom(t *testing.T) {
	for _, c := range []struct {
		prior  float64
		en, zh string
	}{
		// 0.5 · 11.1111 = 5.55556; 5.55556 / 90 = 0.0617, below the cap.
		{0.5, "λ = 0.0617 = 5.55556 / 90 training rows", "λ = 0.0617 = 5.55556 / 90 个训练行"},
		// 5 · 11.1111 = 55.5556; 55.5556 / 90 = 0.617, capped at 0.1.
		{5, "λ = 0.1000 = min(55.5556 / 90 training rows, 0.1)", "λ = 0.1000 = min(55.5556 / 90 个训练行, 0.1)"},
		// 20 · 11.1111 = 222.222; 222.222 / 90 = 2.47, capped at 0.1.
		{20, "λ = 0.1000 = min(222.222 / 90 training rows, 0.1)", "λ = 0.1000 = min(222.222 / 90 个训练行, 0.1)"},
	} {
		prior := c.prior
		exp := fixtureWith(t, func(c *experiment.Config) { c.L2Prior = prior })
		if exp.Train.Rows != 90 || exp.Net.Inputs() != 10 {
			t.Fatalf("%d training rows, %d inputs; want 90 and 10", exp.Train.Rows, exp.Net.Inputs())
		}
		for lang, words := range map[string][]string{
			"en": {c.en, "is the data loss alone"},
			"zh": {c.zh, "只是数据损失"},
		} {
			loss, _ := pageText(t, exp, lang, stepLoss, 0)
			for _, want := range words {
				if !strings.Contains(loss, want) {
					t.Errorf("prior %g, %s: the loss page lacks %q:\n%s", prior, lang, want, loss)
				}
			}
		}
	}
}
