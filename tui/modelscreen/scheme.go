package modelscreen

import "github.com/retainlab/retain/experiment"

// SetValidation sets how an order log is validated (the Data screen's
// toggle chose it).
func (s *Model) SetValidation(v experiment.Scheme) {
	s.cfg.Validation = v
	s.version++
	s.view = s.render()
}
