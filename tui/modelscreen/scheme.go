package modelscreen

import "github.com/retainlab/retain/experiment"

// SetValidation sets how an order log is validated (the Data screen's
// toggle chose it).
func (s *Model) SetValidation(v experiment.Scheme) {
	s.cfg.Validation = v
	s.version++
	s.view = s.render()
}

// SetSplit sets the settings that decide how the data are split and
// prepared (those SplitChanged compares, and the validation) to from's,
// leaving the rest: a re-split abandoned puts back those of the data in
// use.
func (s *Model) SetSplit(from experiment.Config) {
	s.cfg.Seed, s.cfg.ValFrac, s.cfg.TestFrac, s.cfg.CalibFrac = from.Seed, from.ValFrac, from.TestFrac, from.CalibFrac
	s.cfg.Calibration, s.cfg.Validation = from.Calibration, from.Validation
	s.cfg.Pipeline = from.Pipeline
	s.version++
	s.view = s.render()
}
