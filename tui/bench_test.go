package tui

import (
	"context"
	"io"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
	"github.com/retainlab/retain/tui/trainscreen"
)

// benchConfig is the default experiment without early stopping, so every
// run trains the same number of epochs.
func benchConfig() experiment.Config {
	cfg := experiment.DefaultConfig()
	cfg.Train.EarlyStop.Patience = 0
	cfg.Train.Epochs = 100
	return cfg
}

// BenchmarkTrainHeadless trains the built-in data with no UI at all and
// reports the engine's samples/s (the figure the TUI shows) and the
// wall-clock training rows per second.
func BenchmarkTrainHeadless(b *testing.B) {
	d, err := experiment.Load(experiment.Source{Kind: "builtin"}, screentest.Open)
	if err != nil {
		b.Fatal(err)
	}
	var shown, wall float64
	for b.Loop() {
		exp, err := experiment.New(d, benchConfig())
		if err != nil {
			b.Fatal(err)
		}
		var last engine.Progress
		exp.Trainer.SetSink(engine.SinkFunc(func(p engine.Progress) { last = p }))
		start := time.Now()
		if err := exp.Trainer.Run(context.Background()); err != nil {
			b.Fatal(err)
		}
		wall += float64(exp.Train.Rows*benchConfig().Train.Epochs) / time.Since(start).Seconds()
		shown += last.SamplesPerSec
	}
	b.ReportMetric(shown/float64(b.N), "samples/s")
	b.ReportMetric(wall/float64(b.N), "wall-rows/s")
}

// benchProgram wraps the root model and quits when the run has ended,
// timing it from the started message to the done message.
type benchProgram struct {
	Model
	started, done time.Time
}

func (p benchProgram) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := p.Model.Update(msg)
	p.Model = m.(Model)
	switch msg.(type) {
	case loadedMsg:
		// The data is in: press 3 and space, as a user would.
		var start tea.Cmd
		m, _ = p.Model.Update(screentest.Press("3"))
		m, start = m.Update(screentest.Press("space"))
		p.Model = m.(Model)
		return p, tea.Batch(cmd, start)
	case trainscreen.StartedMsg:
		p.started = time.Now()
	case trainscreen.DoneMsg:
		p.done = time.Now()
		return p, tea.Quit
	}
	return p, cmd
}

// BenchmarkTrainInTUI runs the same training inside a real Bubble Tea
// program (renderer on, 120×40, 256 colours, output discarded), started
// with the keys a user presses, and reports the samples/s the Train
// screen shows at the end and the wall-clock rows per second.
func BenchmarkTrainInTUI(b *testing.B) {
	var shown, wall float64
	for b.Loop() {
		opts := Options{Source: experiment.Source{Kind: "builtin"}, Config: benchConfig(), Open: screentest.Open}
		m := NewModel(opts)
		in, feed := io.Pipe()
		prog := tea.NewProgram(benchProgram{Model: m}, tea.WithInput(in), tea.WithOutput(io.Discard),
			tea.WithWindowSize(120, 40), tea.WithColorProfile(colorprofile.ANSI256), tea.WithoutSignalHandler())
		final, err := prog.Run()
		feed.Close()
		if err != nil {
			b.Fatal(err)
		}
		fp := final.(benchProgram)
		runs := fp.trainScr.Finished()
		if len(runs) != 1 || len(runs[0].History) != benchConfig().Train.Epochs {
			b.Fatalf("the TUI run did not train all epochs: %d runs", len(runs))
		}
		shown += fp.trainScr.Progress().SamplesPerSec
		wall += float64(runs[0].Exp.Train.Rows*benchConfig().Train.Epochs) / fp.done.Sub(fp.started).Seconds()
	}
	b.ReportMetric(shown/float64(b.N), "samples/s")
	b.ReportMetric(wall/float64(b.N), "wall-rows/s")
}
