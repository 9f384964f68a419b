package trainscreen

import (
	"testing"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/tui/common"
)

// TestBatchLossOfARunDrainedWhole: a short run (the §4.3 preset's three
// batches an epoch) can drain in one frame with its end, whose report
// carries no batch loss; the panel then said "–" for the whole run. It
// shows the last batch loss reported before the end.
func TestBatchLossOfARunDrainedWhole(t *testing.T) {
	s := New(common.New("en"))
	s.apply(engine.Update{
		Points: []engine.LossPoint{{Position: 9.67, Loss: 0.61}, {Position: 10, Loss: 0.5532}},
		Latest: engine.Progress{State: engine.Finished, Epoch: 10, Epochs: 10, Batch: 3, Batches: 3},
	})
	if s.batchLoss != "0.5532" { // the last point's loss, as FmtMetric writes it
		t.Fatalf("batch loss %q, want 0.5532", s.batchLoss)
	}
	// A paused report with nothing new keeps it.
	s.apply(engine.Update{Latest: engine.Progress{State: engine.Paused}})
	if s.batchLoss != "0.5532" {
		t.Fatalf("after a pause: batch loss %q, want 0.5532 kept", s.batchLoss)
	}
}
