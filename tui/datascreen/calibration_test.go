package datascreen

import (
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// TestSplitShowsCalibrationPart: a run that carves a calibration part says
// how many rows it took from training, and one that calibrates on the
// validation part (the default) says so, in both languages (built-in shop:
// 5,000 users, 500 validation, and 1,000 calibration — 20 % of the 5,000 —
// or none).
func TestSplitShowsCalibrationPart(t *testing.T) {
	d, err := experiment.Load(experiment.Source{Kind: "builtin"}, screentest.Open)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	for _, tc := range []struct {
		frac   float64
		en, zh string
	}{
		{0.2, "seed 1: train 3,500 · validation 500 · test 0 · calibration 1,000 (stratified)",
			"种子 1：训练 3,500 · 验证 500 · 测试 0 · 校准 1,000（分层）"},
		{experiment.DefaultCalibFrac, "seed 1: train 4,500 · validation 500 · test 0 (stratified) · calibrated on validation",
			"种子 1：训练 4,500 · 验证 500 · 测试 0（分层）· 在验证集上校准"},
	} {
		cfg.CalibFrac, cfg.Calibration = tc.frac, experiment.CalibPlatt
		exp, err := experiment.New(d, cfg)
		if err != nil {
			t.Fatal(err)
		}
		for lang, want := range map[string]string{"en": tc.en, "zh": tc.zh} {
			c := screentest.Common(lang, 160, 48)
			s := New(c)
			s.SetSize(c.Width, c.Height)
			s.SetData(d, NewInfo(d, exp, cfg.Seed))
			screentest.MustContain(t, screentest.Render(s, c.Width, c.Height), want)
		}
	}
}

// TestGoldenCalibratedOnValidation: the built-in shop prepared as retain
// tui prepares it (Platt on the validation part) says so at the end of the
// split line, in both languages and at every size.
func TestGoldenCalibratedOnValidation(t *testing.T) {
	d, err := experiment.Load(experiment.Source{Kind: "builtin"}, screentest.Open)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.CalibFrac, cfg.Calibration = experiment.DefaultCalibFrac, experiment.DefaultCalibration
	exp, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := New(c)
		s.SetSize(c.Width, c.Height)
		s.SetData(d, NewInfo(d, exp, cfg.Seed))
		screentest.Golden(t, s, c.Width, c.Height)
	})
}
