package datascreen

import (
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestSplitShowsCalibrationPart: a run that calibrates says how many rows
// its calibration part took from training, in both languages (built-in
// shop: 5,000 users, 1,000 validation, 1,000 calibration, 3,000 train).
func TestSplitShowsCalibrationPart(t *testing.T) {
	d, err := experiment.Load(experiment.Source{Kind: "builtin"}, screentest.Open)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.CalibFrac, cfg.Calibration = experiment.DefaultCalibFrac, experiment.CalibPlatt
	exp, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{
		"en": "seed 1: train 3,500 · validation 500 · test 0 · calibration 1,000 (stratified)",
		"zh": "种子 1：训练 3,500 · 验证 500 · 测试 0 · 校准 1,000（分层）",
	} {
		c := screentest.Common(lang, 160, 48)
		s := New(c, false)
		s.SetSize(c.Width, c.Height)
		s.SetData(d, NewInfo(d, exp, cfg.Seed))
		screentest.MustContain(t, screentest.Render(s, c.Width, c.Height), want)
	}
}
