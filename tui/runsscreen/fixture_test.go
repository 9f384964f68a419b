package runsscreen

import (
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// fakeRun builds an ended run numbered n whose configuration asks for
// maxEpochs and whose validation loss per epoch is losses (accuracy and
// AUC follow from it), so screens can be drawn without training. It
// calibrates, as the TUI's runs do by default.
func fakeRun(n, maxEpochs int, losses ...float64) common.Run {
	r := uncalibratedRun(n, maxEpochs, losses...)
	r.Exp.Config.CalibFrac, r.Exp.Config.Calibration = experiment.DefaultCalibFrac, experiment.DefaultCalibration
	return r
}

// uncalibratedRun is fakeRun without calibration.
func uncalibratedRun(n, maxEpochs int, losses ...float64) common.Run {
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = maxEpochs
	r := common.Run{Number: n, Exp: &experiment.Experiment{Config: cfg}}
	for i, l := range losses {
		r.History = append(r.History, engine.EpochStats{Epoch: i + 1, TrainLoss: l - 0.01, TrainAcc: 0.9 - l/2,
			ValLoss: l, ValLogLoss: l, ValAcc: 1 - l/2, ValAUC: 1.05 - l/2, HasVal: true, HasAccuracy: true, HasAUC: true})
	}
	return r
}

// onData makes r a run trained on d.
func onData(r common.Run, d *experiment.Data) common.Run {
	r.Exp.Data = d
	return r
}

// dataOf is a data set read from src with rows rows and the label label.
func dataOf(src experiment.Source, label string, rows int) *experiment.Data {
	return &experiment.Data{Source: src, Table: &data.Table{Rows: rows, Label: data.Label{Name: label}}}
}

// filled returns the screen in c's language and size showing runs, the
// last one analysed.
func filled(c common.Common, runs ...common.Run) Model {
	s := New(c)
	s.SetSize(c.Width, c.Height)
	s.SetRuns(runs, runs[len(runs)-1].Number)
	return s
}

// keys presses each key on s.
func keys(s Model, ks ...string) Model {
	for _, k := range ks {
		var msg tea.KeyPressMsg
		switch k {
		case "up":
			msg = tea.KeyPressMsg{Code: tea.KeyUp}
		case "down":
			msg = tea.KeyPressMsg{Code: tea.KeyDown}
		case "space":
			msg = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
		default:
			msg = tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
		}
		s, _ = s.step(msg)
	}
	return s
}

// losses returns n validation losses falling from 0.7 towards 0.4.
func losses(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = 0.4 + 0.3/float64(i+1)
	}
	return out
}
