package trainscreen

import (
	"context"
	"testing"

	"github.com/retainlab/retain/experiment"
)

// TestOnePreparationAtATime: a run's preparation waits for the screen's
// slot while a stopped run's still holds it, and a run stopped while it
// waits prepares nothing (its start reports context.Canceled); a run
// given a free slot holds it until its preparation returns.
func TestOnePreparationAtATime(t *testing.T) {
	slot := make(chan struct{}, 1)
	slot <- struct{}{} // a stopped run's preparation, still going
	stopped := newWorker(context.Background(), 2)
	stopped.stop()
	msg := startCmd(stopped, nil, experiment.DefaultConfig(), startRunning, slot)()
	if got, ok := msg.(StartedMsg); !ok || got.err != context.Canceled || got.exp != nil {
		t.Fatalf("a run stopped while waiting: %#v, want a StartedMsg with context.Canceled", msg)
	}
	if len(slot) != 1 {
		t.Fatal("the stopped run took or freed the slot held by another")
	}
	<-slot
	live := newWorker(context.Background(), 3)
	if !takeSlot(live, slot) || len(slot) != 1 {
		t.Fatal("a live run did not take the free slot")
	}
}
