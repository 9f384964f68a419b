package experiment

import (
	"context"
	"math"
	"testing"
	"time"
)

// MeasureCurrent scores the log's customers at its last date, every one,
// unlabelled, with the probabilities the model saved from the experiment
// gives them (Bundle.ScoreCurrent, the path `retain plan --model M --log F`
// takes): the Plan screen's "today" list is the command line's.
func TestMeasureCurrentIsTheSavedModelsScoring(t *testing.T) {
	d, err := LoadAt(Source{Kind: "log", Path: "orders.csv", HorizonDays: 30, Cutoff: time.Date(2020, 9, 1, 0, 0, 0, 0, time.UTC)},
		stringOpener(currentLog()), time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(d, quickConfig(1))
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	m, c, err := e.MeasureCurrent()
	if err != nil {
		t.Fatal(err)
	}
	// currentLog's 60 customers all order by the log's last date.
	if len(m.Rows) != 60 || len(m.IDs) != 60 || m.X == nil || m.Explainer == nil || !c.Report.Cutoff.Equal(c.Report.Last) {
		t.Fatalf("%d rows, cutoff %v (last %v)", len(m.Rows), c.Report.Cutoff, c.Report.Last)
	}
	b, err := e.Bundle(0.5)
	if err != nil {
		t.Fatal(err)
	}
	s, err := b.ScoreCurrent(c)
	if err != nil {
		t.Fatal(err)
	}
	for i := range m.IDs {
		if m.IDs[i] != s.IDs[i] || math.Abs(m.Pos[i]-s.Probabilities[i]) > 1e-12 || !math.IsNaN(m.Labels[i]) {
			t.Fatalf("customer %d: %s %v %v, the saved model's %s %v", i, m.IDs[i], m.Pos[i], m.Labels[i], s.IDs[i], s.Probabilities[i])
		}
	}
}
