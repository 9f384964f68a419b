package datascreen

import (
	"strings"
)

// lacksText words what a log lacks for a cohort feature (data.SkippedFeature.Lacks).
var lacksText = map[string][2]string{
	"amount":           {"no amount column", "无金额列"},
	"item":             {"no item column", "无商品列"},
	"quantity or item": {"no quantity or item column", "无数量或商品列"},
	"cancellations":    {"no cancellations", "无取消记录"},
}

// featuresLine says how an order log's features were made: the feature
// set, whether the BG/NBD inputs are on (key n), and the features the log
// could not give, grouped by what it lacks.
func (s Model) featuresLine() string {
	src, c := s.data.Source, s.data.Cohort
	btyd := s.T("BG/NBD inputs off (n)", "BG/NBD 输入：关（n）")
	if src.Features.BTYD {
		btyd = s.T("BG/NBD inputs on (n)", "BG/NBD 输入：开（n）")
	}
	line := s.Tf("set %d · %d made · %s", "第 %d 版 · 已生成 %d 个 · %s", src.Features.Version, len(c.Features), btyd)
	var order []string
	names := map[string][]string{}
	for _, f := range c.Skipped {
		if names[f.Lacks] == nil {
			order = append(order, f.Lacks)
		}
		names[f.Lacks] = append(names[f.Lacks], f.Name)
	}
	parts := make([]string, len(order))
	for i, lacks := range order {
		text := lacks
		if why, ok := lacksText[lacks]; ok {
			text = s.T(why[0], why[1])
		}
		parts[i] = s.Tf("%s (%s)", "%s（%s）", strings.Join(names[lacks], ", "), text)
	}
	if len(parts) > 0 {
		line += s.Tf(" · not made: %s", " · 未生成：%s", strings.Join(parts, s.T("; ", "；")))
	}
	return line
}
