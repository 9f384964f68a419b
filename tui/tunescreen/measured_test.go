package tunescreen

import (
	"testing"
	"time"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestStoppedSearchCountsTheTrialsMeasured: a search stopped during its
// first trial said "Done: 9 trials in 9.7s (stopped)" while trials 2–9
// showed 0/5 folds (review 12, finding 13). Nine were drawn, one trained
// a fold.
func TestStoppedSearchCountsTheTrialsMeasured(t *testing.T) {
	board := make([]experiment.Trial, 9)
	for i := range board {
		board[i].Number = i + 1
	}
	board[0].Folds = []experiment.FoldResult{{}}
	for lang, want := range map[string]string{
		"en": "Done: 1 of 9 trials measured in 9.7s (stopped)",
		"zh": "完成：9 次试验中测了 1 次，用时 9.7秒（已停止）",
	} {
		s := New(screentest.Common(lang, 100, 30))
		s.result = &experiment.TuneResult{Tried: 9, Ended: "cancelled", Elapsed: 9700 * time.Millisecond, Board: board}
		if got := s.stateLine(); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}
