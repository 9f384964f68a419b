package trainscreen

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// TestOutcomeSpeaksChinese: the divergence reason and a refusal came from
// the engine and common.PlainError in English inside a Chinese sentence.
func TestOutcomeSpeaksChinese(t *testing.T) {
	c := common.New("zh")
	got, isErr := describeOutcome(c, nil, engine.Progress{}, &engine.DivergedError{Epoch: 1, Batch: 2, Cause: engine.CauseLossNaN, Reason: "loss NaN"})
	if want := "✗ 在第 1 轮第 2 批发散（损失为 NaN）——请降低学习率后重新开始。"; got != want || !isErr {
		t.Errorf("diverged: got %q, want %q", got, want)
	}
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 20
	refusal := experiment.Limits{MaxEpochs: 10}.Check(nil, cfg)
	if refusal == nil {
		t.Fatal("Limits.Check did not refuse 20 epochs against 10")
	}
	got, _ = describeOutcome(c, nil, engine.Progress{}, refusal)
	if strings.Contains(got, "epochs asked") || strings.Contains(got, "session allows") {
		t.Errorf("refusal still English: %q", got)
	}
}
