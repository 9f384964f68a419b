package common

import "github.com/retainlab/retain/data"

// scalingsZh are the numeric scalings as the Chinese interface shows
// them, indexed by data.Scaling.
var scalingsZh = map[data.Scaling]string{
	data.ScaleZScore: "标准化", data.ScaleMinMax: "最小-最大", data.ScaleRobust: "稳健", data.ScaleNone: "不缩放",
}

// ScalingName is a scaling as the interface shows it: the CLI's word
// (zscore, minmax, robust, none) in English, a Chinese one in Chinese.
func (c Common) ScalingName(s data.Scaling) string {
	if zh, ok := scalingsZh[s]; ok && c.Zh() {
		return zh
	}
	return s.String()
}

// ScalingFromName reads a scaling as ScalingName writes it in either
// language; ok is false for any other text.
func ScalingFromName(name string) (s data.Scaling, ok bool) {
	for s, zh := range scalingsZh {
		if name == zh {
			return s, true
		}
	}
	if err := s.UnmarshalText([]byte(name)); err != nil {
		return 0, false
	}
	return s, true
}

// OnOff is a setting that is on or off, in the interface's language.
func (c Common) OnOff(on bool) string {
	if on {
		return c.T("on", "开")
	}
	return c.T("off", "关")
}
