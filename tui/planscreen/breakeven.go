package planscreen

import (
	"fmt"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// breakEven says where a contact starts to pay for itself under the
// assumptions (experiment.PlanReport.BreakEven), as `retain plan` says it.
func (s Model) breakEven() string {
	rep := s.report
	if !s.Zh() {
		return experiment.BreakEvenSentence(rep)
	}
	be, a := rep.BreakEven, rep.Assumptions
	rate, cost := experiment.SuccessRate(a.Success), experiment.Money(a.CostPerContact)
	switch {
	case be.None:
		return fmt.Sprintf("盈亏平衡：无论 P(%s) 为多少，联系都不划算：成功率×价值（%s×%s）不高于单次联系成本（%s）。",
			rep.Outcome, rate, experiment.Money(a.Value), cost)
	case be.P == nil:
		q := "P(" + rep.Outcome + ")"
		if !be.Above {
			q = "(1−" + q + ")"
		}
		return fmt.Sprintf("盈亏平衡：%s×价值高于成本÷成功率 = %s÷%s = %s 时，联系才划算。", q, cost, rate, experiment.Money(be.Stake))
	}
	rule, one := ">", ""
	if !be.Above {
		rule, one = "<", "1−"
	}
	return fmt.Sprintf("盈亏平衡：P(%s) %s %.3f 时联系才划算（%s成本÷(成功率×价值) = %s%s÷(%s×%s)）。",
		rep.Outcome, rule, *be.P, one, one, cost, rate, experiment.Money(a.Value))
}

// sensitivity says what the best plan would be had the success rate been
// half and double (experiment.PlanReport.Sensitivity), as `retain plan`
// says it.
func (s Model) sensitivity() string {
	rep := s.report
	if !s.Zh() {
		return experiment.SensitivitySentence(rep)
	}
	var parts []string
	for _, sv := range rep.Sensitivity {
		how := "减半"
		switch {
		case sv.Factor == 2:
			how = "加倍"
		case sv.Factor > 1:
			how = "取最高"
		}
		what := "不联系任何客户"
		if b := sv.Best; b.Contacted > 0 {
			what = fmt.Sprintf("联系 %s 位（%s），净值 %s", data.Thousands(b.Contacted), experiment.Percent(b.Share), experiment.Money(b.Net))
		}
		parts = append(parts, fmt.Sprintf("%s（%s）：%s", how, experiment.SuccessRate(sv.Success), what))
	}
	return "若成功率" + strings.Join(parts, "；") + "。"
}
