package walkthrough

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
)

// calibratedExperiment is the built-in shop trained as the TUI trains it,
// with Platt scaling fitted on the validation part.
func calibratedExperiment(t *testing.T) *experiment.Experiment {
	t.Helper()
	d, err := experiment.Load(experiment.Source{Kind: "builtin", Users: 4000, DataSeed: 2}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 2
	cfg.Calibration = experiment.DefaultCalibration
	exp, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := exp.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if cal, err := exp.Calibration(); err != nil || cal == nil {
		t.Fatalf("the configuration should calibrate: %v, %v", cal, err)
	}
	return exp
}

// outputView renders the output page of row at threshold (0: the run's own).
func outputView(t *testing.T, exp *experiment.Experiment, row int, threshold float64, lang string) string {
	t.Helper()
	in, err := NewInput(exp, row)
	if err != nil {
		t.Fatal(err)
	}
	in.Threshold = threshold
	m := New(in, lang, DefaultStyles())
	m.SetSize(120, 80)
	m = goTo(t, m, stepActivate, len(exp.Net.Layers)-1)
	return strings.Join(strings.Fields(ansi.Strip(m.View())), " ")
}

// TestVerdictIsTheUsersScreens: the output page judged the network's own ŷ
// at a fixed 0.5, so a user with ŷ = 0.5081 but calibrated P = 0.4991 was
// "predicts Yes ✗ wrong" here and "predicted No ✓ right" on the Users
// screen. The verdict is now made on the probability the Users screen
// shows (ScoreAll's), at the threshold it judges at, for every user.
func TestVerdictIsTheUsersScreens(t *testing.T) {
	exp := calibratedExperiment(t)
	scores, err := exp.ScoreAll()
	if err != nil {
		t.Fatal(err)
	}
	lbl := exp.Data.Table.Label
	flipped := -1
	for _, threshold := range []float64{0.5, 0.3} {
		for row := range exp.Data.Table.Rows {
			in, err := NewInput(exp, row)
			if err != nil {
				t.Fatal(err)
			}
			w, err := newWalk(in)
			if err != nil {
				t.Fatal(err)
			}
			p, positive := w.decision(threshold)
			users := scores.Probabilities[row]
			if positive != (users >= threshold) || p != users {
				t.Fatalf("row %d at %g: the walkthrough decides %v on P = %v, the Users screen %v on P = %v",
					row, threshold, positive, p, users >= threshold, users)
			}
			if threshold == 0.5 && flipped < 0 && (w.trace.Output()[0] >= 0.5) != positive {
				flipped = row
			}
		}
	}
	if flipped < 0 {
		t.Fatal("no user whose ŷ and calibrated P fall on either side of 0.5: the fixture shows nothing")
	}
	// The page says so, in words, for the user whose ŷ alone would flip.
	p := scores.Probabilities[flipped]
	predicted, compared := lbl.Negative, " < 0.50"
	if p >= 0.5 {
		predicted, compared = lbl.Positive, " ≥ 0.50"
	}
	right := (p >= 0.5) == (scores.Labels[flipped] == 1)
	for lang, want := range map[string][]string{
		"en": {"At the threshold 0.50, the one the Evaluate and Users screens judge at: P(" + lbl.Positive + ") = " + num(p) + compared + ", so the prediction is: " + predicted + ".",
			"ŷ is the network's own output", map[bool]string{true: "✓ correct", false: "✗ wrong"}[right]},
		"zh": {"以 0.50 为阈值（“评估”和“用户”页用的就是这个阈值）： P(" + lbl.Positive + ") = " + num(p) + compared + "，所以预测是：" + predicted + "。",
			"ŷ 是网络自己的输出", map[bool]string{true: "✓ 预测正确", false: "✗ 预测错误"}[right]},
	} {
		view := outputView(t, exp, flipped, 0, lang)
		for _, s := range want {
			if !strings.Contains(view, s) {
				t.Errorf("%s: the output page of row %d (ŷ %.4f, P %.4f) lacks %q:\n%s", lang, flipped, exp.Net.Predict(mustRow(t, exp, flipped))[0], p, s, view)
			}
		}
	}
}

// TestVerdictFollowsTheSharedThreshold: moving the Evaluate threshold to
// 0.6 left the walkthrough saying "At the threshold 0.5".
func TestVerdictFollowsTheSharedThreshold(t *testing.T) {
	exp := fixtureExperiment(t)
	row := fixtureRow(exp)
	for lang, want := range map[string]string{"en": "At the threshold 0.60,", "zh": "以 0.60 为阈值"} {
		if view := outputView(t, exp, row, 0.6, lang); !strings.Contains(view, want) {
			t.Errorf("%s: built at 0.6, the output page lacks %q:\n%s", lang, want, view)
		}
		in, err := NewInput(exp, row)
		if err != nil {
			t.Fatal(err)
		}
		m := New(in, lang, DefaultStyles())
		m.SetSize(120, 80)
		m = goTo(t, m, stepActivate, len(exp.Net.Layers)-1)
		m.SetThreshold(0.6)
		if view := strings.Join(strings.Fields(ansi.Strip(m.View())), " "); !strings.Contains(view, want) {
			t.Errorf("%s: after SetThreshold(0.6), the output page lacks %q:\n%s", lang, want, view)
		}
		// As on the Users screen, a threshold outside (0, 1) falls back
		// to the run's own.
		m.SetThreshold(0)
		if view := strings.Join(strings.Fields(ansi.Strip(m.View())), " "); strings.Contains(view, "0.60") || !strings.Contains(view, "0.50") {
			t.Errorf("%s: after SetThreshold(0), the page does not judge at the run's 0.50:\n%s", lang, view)
		}
	}
}

func mustRow(t *testing.T, exp *experiment.Experiment, row int) []float64 {
	t.Helper()
	x, err := exp.Row(row)
	if err != nil {
		t.Fatal(err)
	}
	return x
}
