package walkthrough

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A sum with more terms than a page lists shows the largest ones, one line
// for the rest with their total, and still the exact result: the listed
// products, the rest and the bias add up to the printed z.
func TestLongSumsAreSummarisedNotCut(t *testing.T) {
	exp := wideExperiment(t, 20, 3)
	in, err := NewInput(exp, exp.TrainRows[0])
	if err != nil {
		t.Fatal(err)
	}
	m := New(in, "en", DefaultStyles())
	m.SetSize(100, 80)
	m = goTo(t, m, stepAffine, 1)
	zs, _ := refForward(exp.Net, in.X)
	for j := range exp.Net.Layers[1].Out {
		m = chooseNeuron(m, j)
		view := ansi.Strip(m.View())
		sum, listed, rest := 0.0, 0, false
		tolSum := 0.0
		for _, line := range strings.Split(view, "\n") {
			text := textPart(line)
			f := strings.Fields(text)
			switch {
			case len(f) == 7 && f[3] == "×" && f[5] == "=": // a listed term
				v, tol, ok := parsePrinted(strings.TrimPrefix(f[6], "+"))
				if !ok {
					t.Fatalf("cannot read the product in %q", text)
				}
				sum, tolSum, listed = sum+v, tolSum+tol, listed+1
			case strings.HasPrefix(text, "… and 8 smaller terms, which add up to "):
				v, tol, ok := parsePrinted(strings.TrimPrefix(strings.TrimPrefix(text, "… and 8 smaller terms, which add up to "), "+"))
				if !ok {
					t.Fatalf("cannot read the rest in %q", text)
				}
				sum, tolSum, rest = sum+v, tolSum+tol, true
			case strings.HasPrefix(text, "plus the bias "):
				v, tol := printed(t, text, "plus the bias")
				sum, tolSum = sum+v, tolSum+tol
			}
		}
		if listed != maxTerms || !rest {
			t.Fatalf("neuron %d: %d listed terms and rest line %v, want %d and a rest line:\n%s", j+1, listed, rest, maxTerms, view)
		}
		z, tol := printed(t, view, idx(zSym(1), j)+" = ")
		near(t, "printed "+idx(zSym(1), j), z, tol, zs[1][j])
		near(t, "listed + rest + bias for "+idx(zSym(1), j), sum, tolSum+tol, z)
	}
}

// A network without hidden layers (logistic regression) still walks
// through: one weighted sum, the output, its error, gradient and update.
func TestNoHiddenLayers(t *testing.T) {
	exp := wideExperiment(t)
	in, err := NewInput(exp, exp.TrainRows[0])
	if err != nil {
		t.Fatal(err)
	}
	m := New(in, "zh", DefaultStyles())
	if m.Err() != nil {
		t.Fatal(m.Err())
	}
	m.SetSize(80, 24)
	_, total := m.Step()
	if total != 2+2+1+1+3 {
		t.Fatalf("%d steps, want 9", total)
	}
	for range total {
		checkFrame(t, m.View(), 80, 24)
		if v := ansi.Strip(m.View()); strings.Contains(v, "⟦") {
			t.Fatalf("missing text:\n%s", v)
		}
		m = press(m, keyDown, keyTab, keyClose, keyRight)
	}
}
