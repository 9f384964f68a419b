package trainscreen

import (
	"context"
	"strings"
	"testing"

	"github.com/retainlab/retain/tui/common"
)

// TestChineseOutcomeHasNoSpaceAfterFullStop: the decay check's sentence
// follows a Chinese full stop directly, as Chinese text does ("。衰减检验"),
// without the space the English sentence takes after its period.
func TestChineseOutcomeHasNoSpaceAfterFullStop(t *testing.T) {
	s := fiveEpochsOfTheShop(t)
	if s.exp.Decay == nil {
		t.Fatal("the fixture must run the decay check")
	}
	zh := common.New("zh")
	ended, _ := describeOutcome(zh, s.exp, s.latest, nil)
	decay := s.exp.Decay
	s.exp.Decay = nil // a stopped check gives no outcome
	stopped, _ := describeOutcome(zh, s.exp, s.latest, context.Canceled)
	s.exp.Decay = decay
	for _, got := range []string{ended, stopped} {
		if !strings.Contains(got, "衰减检验") {
			t.Fatalf("outcome %q does not mention the decay check", got)
		}
		if strings.Contains(got, "。 ") {
			t.Errorf("outcome %q has a space after a full stop", got)
		}
	}
}
