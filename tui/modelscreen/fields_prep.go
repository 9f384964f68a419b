package modelscreen

import (
	"slices"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// scalings are the numeric scalings in the order the arrows step through
// them.
var scalings = []data.Scaling{data.ScaleZScore, data.ScaleMinMax, data.ScaleRobust, data.ScaleNone}

// prepFields are the preprocessing the Tune screen's trials may change:
// how numbers are scaled and whether those never negative go through
// log(1+v) first. They come last, under their own heading.
func prepFields(com common.Common) []field {
	scale := field{
		section: com.T("Preprocessing", "预处理"),
		label:   com.T("Scaling", "缩放"), hint: com.T("zscore, minmax, robust, none", "标准化、最小-最大、稳健、不缩放"),
		get: func(c experiment.Config) string { return com.ScalingName(c.Pipeline.Scale) },
		set: func(c *experiment.Config, text string) error {
			s, ok := common.ScalingFromName(strings.ToLower(strings.TrimSpace(text)))
			if !ok {
				return refuse(com, "choose zscore, minmax, robust or none", "请选择 标准化、最小-最大、稳健 或 不缩放（或 zscore、minmax、robust、none）")
			}
			c.Pipeline.Scale = s
			return nil
		},
		step: func(c *experiment.Config, dir int) {
			at := slices.Index(scalings, c.Pipeline.Scale)
			c.Pipeline.Scale = scalings[(at+dir+len(scalings))%len(scalings)]
		},
	}
	log := field{
		label: "log(1+v)", hint: com.T("on: numbers never below 0, before scaling", "开：对从不小于 0 的数值，在缩放前"),
		get: func(c experiment.Config) string { return com.OnOff(c.Pipeline.Log1p) },
		set: func(c *experiment.Config, text string) error {
			on, ok := parseOnOff(text)
			if !ok {
				return refuse(com, "type on or off", "请输入 开 或 关")
			}
			c.Pipeline.Log1p = on
			return nil
		},
		step: func(c *experiment.Config, _ int) { c.Pipeline.Log1p = !c.Pipeline.Log1p },
	}
	return []field{scale, log}
}

// parseOnOff reads a typed on or off, in either language; ok is false
// for anything else.
func parseOnOff(text string) (on, ok bool) {
	switch strings.ToLower(strings.TrimSpace(text)) {
	case "on", "yes", "true", "1", "开":
		return true, true
	case "off", "no", "false", "0", "关":
		return false, true
	}
	return false, false
}
