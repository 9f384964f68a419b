package anomalyscreen

import (
	"testing"

	"github.com/retainlab/retain/anomaly"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/tui/screentest"
)

// TestScoringProgressNamesRoundAndEpochApart: the Chinese progress line
// said 轮 for the round and 轮次 for the epoch, while the Train screen says
// 轮 for an epoch (review 12, finding 12). A round is now a 阶段 and an
// epoch a 轮, as everywhere else.
func TestScoringProgressNamesRoundAndEpochApart(t *testing.T) {
	for lang, want := range map[string]string{
		"en": "Scoring: autoencoder 1 of 5, round 2 · epoch 26 of 150 · loss 0.1234 (x/esc stops)",
		"zh": "评分中：自编码器 1/5，第 2 阶段 · 第 26/150 轮 · 损失 0.1234（x/esc 停止）",
	} {
		s := New(screentest.Common(lang, 80, 24))
		s.job = &job{kind: scoring, seen: true, step: anomaly.Step{Member: 0, Members: 5, Round: 2,
			Progress: engine.Progress{Epoch: 26, Epochs: 150, BatchLoss: 0.1234}}}
		if got := s.stateLine(); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
		s.job = &job{kind: retraining, seen: true, prog: engine.Progress{Epoch: 3, Epochs: 40, BatchLoss: 0.5}}
		wantChurn := map[string]string{"en": "Churn model with every user: epoch 3 of 40 · loss 0.5 (x/esc stops)",
			"zh": "流失模型（全部用户）：第 3/40 轮 · 损失 0.5（x/esc 停止）"}[lang]
		if got := s.stateLine(); got != wantChurn {
			t.Errorf("%s: %q, want %q", lang, got, wantChurn)
		}
	}
}
