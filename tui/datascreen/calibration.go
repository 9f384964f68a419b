package datascreen

import "github.com/retainlab/retain/tui/common"

// calibOnVal is " · calibrated on validation" for the end of the split
// line of a run that calibrates on the validation part, else "".
func (s Model) calibOnVal() string {
	if !s.info.CalibOnVal {
		return ""
	}
	return s.T(" · calibrated on validation", "· 在验证集上校准")
}

// calibPart is " · calibration N" for the split line of a run that carves
// a calibration part from its training rows, else "".
func (s Model) calibPart() string {
	if s.info.Calib == 0 {
		return ""
	}
	return s.Tf(" · calibration %s", " · 校准 %s", common.Thousands(s.info.Calib))
}
