package walkthrough

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
)

// TestOutputNamesTheCalibratedProbability: the output page showed the
// network's ŷ as the probability (0.906 for a user the Users screen puts
// at P = 0.934) without saying that the run calibrates it; it now names
// the calibration and the probability the other screens report.
func TestOutputNamesTheCalibratedProbability(t *testing.T) {
	d, err := experiment.Load(experiment.Source{Kind: "builtin", Users: 4000, DataSeed: 2}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 2
	cfg.CalibFrac, cfg.Calibration = experiment.DefaultCalibFrac, experiment.DefaultCalibration // as the TUI trains
	exp, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := exp.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	cal, err := exp.Calibration()
	if err != nil || cal == nil {
		t.Fatalf("the configuration should calibrate: %v, %v", cal, err)
	}
	row := exp.TrainRows[0]
	in, err := NewInput(exp, row)
	if err != nil {
		t.Fatal(err)
	}
	want := num(exp.Explainer().Predict(in.X)) // what the Users screen reports
	for lang, says := range map[string]string{"en": "P(yes) = " + want, "zh": "P(yes) = " + want} {
		m := New(in, lang, DefaultStyles())
		m.SetSize(100, 60)
		m = goTo(t, m, stepActivate, len(exp.Net.Layers)-1)
		view := strings.Join(strings.Fields(ansi.Strip(m.View())), " ")
		if !strings.Contains(view, says) || !strings.Contains(view, map[string]string{"en": "Platt scaling", "zh": "Platt 缩放"}[lang]) {
			t.Errorf("%s: the output page does not give the calibrated %q:\n%s", lang, says, ansi.Strip(m.View()))
		}
	}
}

// TestOutputShowsPlattsCoefficients: Platt scaling was applied without its
// two numbers, so the calibrated P could not be checked; the page writes
// the map with the fitted A and B and the output's z.
func TestOutputShowsPlattsCoefficients(t *testing.T) {
	// 4,000 users: a calibration part big enough for Platt's two
	// parameters (experiment's minimum-size rule drops it on 600).
	d, err := experiment.Load(experiment.Source{Kind: "builtin", Users: 4000, DataSeed: 2}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 2
	cfg.CalibFrac, cfg.Calibration = experiment.DefaultCalibFrac, experiment.CalibPlatt
	exp, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := exp.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	cal, err := exp.Calibration()
	if err != nil || cal == nil || cal.Platt == nil {
		t.Fatalf("no Platt map: %v, %v", cal, err)
	}
	in, err := NewInput(exp, exp.TrainRows[0])
	if err != nil {
		t.Fatal(err)
	}
	tr, err := exp.Net.Trace(in.X)
	if err != nil {
		t.Fatal(err)
	}
	k := len(exp.Net.Layers) - 1
	// The line as the page must write it: A, z and B as fitted and traced,
	// and P as the Users screen reports it.
	want := "P = 1 / (1 + e^(" + num(cal.Platt.A) + " × " + paren(tr.Z[k][0]) + " + " + paren(cal.Platt.B) + ")) = " +
		num(exp.Explainer().Predict(in.X))
	// The formula shown gives that P, computed here by hand from A, B, z.
	if byHand := 1 / (1 + math.Exp(cal.Platt.A*tr.Z[k][0]+cal.Platt.B)); num(byHand) != num(exp.Explainer().Predict(in.X)) {
		t.Fatalf("1/(1+e^(A·z+B)) = %v, the run reports %v", byHand, exp.Explainer().Predict(in.X))
	}
	m := New(in, "en", DefaultStyles())
	m.SetSize(160, 80)
	m = goTo(t, m, stepActivate, k)
	view := ansi.Strip(m.View())
	if !strings.Contains(view, want) || !strings.Contains(view, "P = 1 / (1 + e^(A·z₃ + B))") {
		t.Errorf("the output page lacks %q:\n%s", want, view)
	}
}
