package walktab

import (
	"testing"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// The tab before any run has ended: the shared empty state, centred.
func TestGoldenEmpty(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, New(c), c.Width, c.Height)
	})
}

// The first page: the user's row as preprocessed into the input vector x.
func TestGoldenInputStep(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, toStep(t, shown(t, c, 3), 1), c.Width, c.Height)
	})
}

// A forward step: the first layer's weighted sums z.
func TestGoldenForwardStep(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, toStep(t, shown(t, c, 3), 2), c.Width, c.Height)
	})
}

// The training step: the optimiser's update of one weight (the page
// before the last).
func TestGoldenUpdateStep(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		w := shown(t, c, 3)
		_, total := w.Walkthrough().Step()
		screentest.Golden(t, toStep(t, w, total-2), c.Width, c.Height)
	})
}
