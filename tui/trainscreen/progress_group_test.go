package trainscreen

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// TestProgressLineGroupsBatchCounts: a long epoch's batch counts are
// grouped in thousands like the rows/s beside them ("batch 12,345/28,125",
// not "batch 12345/28125"), in both languages.
func TestProgressLineGroupsBatchCounts(t *testing.T) {
	for lang, want := range map[string]string{"en": "batch 12,345/28,125", "zh": "第 12,345/28,125 批"} {
		s := trainFixtureIn(t, lang, experiment.Source{Kind: "textbook"}, experiment.DefaultConfig(), 160, 48)
		s.latest = engine.Progress{Epoch: 1, Epochs: 3, Batch: 12345, Batches: 28125, Step: 12345}
		if got := stripped(s.progressLine(trainLayout(160, 48))); !strings.Contains(got, want) {
			t.Errorf("%s: progress line %q, want %q in it", lang, got, want)
		}
	}
}
