package planscreen

import (
	"fmt"
	"math"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/widget"
)

// checkLines are the model's figures on the planned customers: one
// sentence (wrapped) on a small screen, a short table with what each
// figure means when full.
func (s Model) checkLines(full bool) []string {
	c, st := s.check, s.Styles
	if c == nil {
		note := s.T("Validation: these customers' known outcomes are not of both kinds, so there is nothing to measure.",
			"验证：这些客户的已知结果只有一种，无法衡量模型。")
		if s.base != nil && s.base.today {
			note = s.T("Validation: today's customers' outcomes are not known yet; the model is measured on the Evaluate screen (4), t shows the customers it is measured on.",
				"验证：今天的客户的结果尚不可知；模型的衡量见“评估”页（4），按 t 显示用于评估的客户。")
		}
		var out []string
		for _, l := range widget.WrapUnmarked(note, s.Width) {
			out = append(out, st.Muted.Render(l))
		}
		return out
	}
	noLift := math.IsNaN(c.Lift.Value)
	if !full {
		// The method is named here too, as on the Evaluate screen.
		auc := s.Tf("%.2f (95 %% CI %.2f–%.2f, %s)", "%.2f（95 %% 置信区间 %.2f–%.2f，%s）", c.AUC.Value, c.AUC.Low, c.AUC.High, methodName(c.AUC.Method))
		lift := s.T("no contact", "不联系任何客户")
		if !noLift {
			lift = s.Tf("%.1f× (%.1f–%.1f)", "%.1f×（%.1f–%.1f）", c.Lift.Value, c.Lift.Low, c.Lift.High)
		}
		line := s.Tf("Validation: ROC AUC %s · lift at %s %s · calibration error %.3f",
			"验证：ROC AUC %s · 前 %s 的提升度 %s · 校准误差 %.3f", auc, experiment.Percent(c.Share), lift, c.ECE)
		var out []string
		for _, l := range widget.WrapUnmarked(line, s.Width) {
			out = append(out, st.Value.Render(l))
		}
		return out
	}
	outcome := s.report.Outcome
	head := []string{s.T("figure", "指标"), s.T("value", "数值"), s.T("95 % interval", "95 % 区间"), s.T("what it measures", "含义")}
	lift := []string{s.Tf("lift at %s", "前 %s 提升度", experiment.Percent(c.Share)), "–", "–", s.T("the plan contacts no one", "计划不联系任何客户")}
	if !noLift {
		lift[1], lift[2] = fmt.Sprintf("%.2f×", c.Lift.Value), fmt.Sprintf("%.2f–%.2f", c.Lift.Low, c.Lift.High)
		lift[3] = s.Tf("rate of %s among the %s first contacts ÷ among all (Wilson)", "前 %[2]s 位联系客户中 %[1]s 的比例 ÷ 全体的比例（Wilson）",
			outcome, data.Thousands(c.Lift.Of))
	}
	body := [][]string{
		{"ROC AUC", fmt.Sprintf("%.3f", c.AUC.Value), fmt.Sprintf("%.3f–%.3f", c.AUC.Low, c.AUC.High),
			s.Tf("ranks %s above the rest (%s)", "把 %s 排在其余客户之前的能力（%s）", outcome, methodName(c.AUC.Method))},
		lift,
		{s.T("calibration error", "校准误差"), fmt.Sprintf("%.3f", c.ECE), "–",
			s.T("mean gap between P and the observed rate (ECE, 10 bins)", "P 与实际比例的平均差距（ECE，10 个分箱）")},
	}
	title := s.Tf("The model on these customers: %s known outcomes, %s with %s",
		"模型在这些客户上的表现：%s 位已知结果，其中 %s 位为 %s",
		data.Thousands(c.Customers), data.Thousands(c.Outcomes), outcome)
	return append([]string{st.Title.Render(title)}, s.table(head, body)...)
}

// methodName writes an interval's method as people write it: "DeLong",
// "Hanley–McNeil" (with an en dash; the JSON's "Hanley-McNeil" has a
// hyphen).
func methodName(m string) string {
	if m == "Hanley-McNeil" {
		return "Hanley–McNeil"
	}
	return m
}
