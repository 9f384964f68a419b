package planscreen

import (
	"errors"
	"strconv"
	"strings"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// segmentZh are the segments' Chinese names, by code.
var segmentZh = map[experiment.Segment]string{
	experiment.SegChampions:         "冠军客户",
	experiment.SegLoyal:             "忠诚客户",
	experiment.SegPotentialLoyalist: "潜力忠诚客户",
	experiment.SegNew:               "新客户",
	experiment.SegPromising:         "有潜力客户",
	experiment.SegNeedAttention:     "需要关注",
	experiment.SegAboutToSleep:      "即将沉睡",
	experiment.SegAtRisk:            "有流失风险",
	experiment.SegCantLose:          "不能失去",
	experiment.SegHibernating:       "休眠客户",
	experiment.SegLost:              "已流失",
	experiment.SegHighValue:         "高价值",
	experiment.SegMediumValue:       "中等价值",
	experiment.SegLowValue:          "低价值",
	experiment.SegAll:               "全部客户",
}

// actionZh are the suggested actions in Chinese, by segment: [not
// contacted, contacted], as experiment's table.
var actionZh = map[experiment.Segment][2]string{
	experiment.SegChampions:         {"不做付费联系；常规邮件中邀请评价", "现在送上专属感谢和抢先体验"},
	experiment.SegLoyal:             {"不做付费联系；照常享受会员权益", "现在给予忠诚奖励或升级优惠"},
	experiment.SegPotentialLoyalist: {"不做付费联系；常规的购后邮件", "现在邀请加入会员或忠诚计划"},
	experiment.SegNew:               {"不做付费联系；常规欢迎邮件", "新客跟进，并给第二单优惠"},
	experiment.SegPromising:         {"不做付费联系；资讯邮件中的品牌内容", "第二单限时优惠"},
	experiment.SegNeedAttention:     {"不做付费联系；只发一封自动提醒", "几天内给出个性化优惠"},
	experiment.SegAboutToSleep:      {"不做付费联系；资讯邮件中推荐热门商品", "热门商品的召回折扣"},
	experiment.SegAtRisk:            {"不做付费联系；一封自动的再互动邮件", "一对一召回消息，附大力度优惠"},
	experiment.SegCantLose:          {"不做付费联系；留在常规计划中，密切关注", "专人致电或客户经理；最优惠条件"},
	experiment.SegHibernating:       {"不做付费联系；只发资讯邮件", "一次低成本的唤醒优惠"},
	experiment.SegLost:              {"不做付费联系；不纳入任何活动", "最后一次唤醒尝试，之后停止"},
	experiment.SegHighValue:         {"不做付费联系；保持常规维护", "专人联系（电话、客户经理）"},
	experiment.SegMediumValue:       {"不做付费联系；只发一封自动提醒", "通过邮件或应用推送定向优惠"},
	experiment.SegLowValue:          {"不做付费联系", "自动发送低成本消息"},
	experiment.SegAll:               {"不做付费联系", "按计划顺序联系"},
}

// segmentName names a segment in the interface's language.
func (s Model) segmentName(seg experiment.Segment) string {
	if zh, ok := segmentZh[seg]; ok && s.Zh() {
		return zh
	}
	return seg.String()
}

// actionText words a suggested action in the interface's language.
func (s Model) actionText(a experiment.Action) string {
	if zh, ok := actionZh[a.Segment]; ok && s.Zh() {
		if a.Contact {
			return zh[1]
		}
		return zh[0]
	}
	return a.String()
}

// inputError is a field's text the screen cannot read as a figure (ranges
// are experiment's to refuse; a budget's text is experiment.ParseBudget's).
// It matches experiment.ErrPlan.
type inputError struct {
	field int
	text  string
	// columns lists the numeric columns, for a value naming none of them.
	columns []string
}

// Error is the refusal in English.
func (e *inputError) Error() string {
	var why string
	switch e.field {
	case fieldCost:
		why = "cost per contact " + common.Short(e.text) + ": want an amount ≥ 0, such as 2.5"
	case fieldValue:
		if e.columns == nil && e.text == "" {
			why = "value: want an amount such as 120 or a numeric column"
		} else {
			why = "value " + common.Short(e.text) + ": not an amount, nor a numeric column (numeric columns: " + strings.Join(e.columns, ", ") + ")"
		}
	case fieldSuccess:
		why = "success rate " + common.Short(e.text) + ": want a share above 0 and at most 1, such as 0.2"
	}
	return experiment.ErrPlan.Error() + ": " + why
}

// Unwrap returns experiment.ErrPlan.
func (e *inputError) Unwrap() error { return experiment.ErrPlan }

// refusalText is a refused input as the screen shows it: in Chinese, the
// experiment's refusal codes and the screen's own reading errors
// translated; everything else as common.ErrorText words it.
func (s Model) refusalText(err error) string {
	var budget *experiment.PlanRefusal
	if !s.Zh() {
		if errors.As(err, &budget) && budget.Code == experiment.RefuseBudgetText {
			// The experiment quotes the text whole; a long paste is cut.
			return common.ShortIn(s.ErrorText(err), budget.Text)
		}
		return s.ErrorText(err)
	}
	const prefix = "计划输入无效："
	num := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	var r *experiment.PlanRefusal
	if errors.As(err, &r) {
		switch r.Code {
		case experiment.RefuseBudget:
			return prefix + "预算 " + num(r.Value) + "：应为不小于 0 的金额"
		case experiment.RefuseBudgetShare:
			return prefix + "预算比例 " + num(r.Value) + "：应在 0 到 1 之间（即 0 % 到 100 %）"
		case experiment.RefuseBudgetBoth:
			return prefix + "预算只能是金额或客户比例，不能两者都设"
		case experiment.RefuseCost:
			return prefix + "单次联系成本 " + num(r.Value) + "：应为不小于 0 的金额"
		case experiment.RefuseValue:
			return prefix + "客户价值 " + num(r.Value) + "：应为不小于 0 的金额"
		case experiment.RefuseSuccess:
			return prefix + "成功率 " + num(r.Value) + "：应为大于 0、不超过 1 的比例"
		case experiment.RefuseCustomerValue:
			return prefix + "第 " + strconv.Itoa(r.Customer) + " 位客户的价值 " + num(r.Value) + " 不是不小于 0 的数"
		case experiment.RefuseTooLarge:
			return prefix + "金额 " + num(r.Value) + " 过大：计划对全部客户的合计会溢出"
		case experiment.RefuseBudgetText:
			return prefix + "预算 " + common.Short(r.Text) + "：请输入大于 0 的金额（如 5000），或大于 0、不超过 100% 的客户比例（如 10%）"
		}
	}
	var in *inputError
	if errors.As(err, &in) {
		switch in.field {
		case fieldCost:
			return prefix + "单次联系成本 " + common.Short(in.text) + "：请输入不小于 0 的金额，如 2.5"
		case fieldValue:
			if in.columns == nil && in.text == "" {
				return prefix + "客户价值：请输入金额（如 120）或数值列的列名"
			}
			return prefix + "客户价值 " + common.Short(in.text) + "：既不是金额，也不是数值列（数值列：" + strings.Join(in.columns, "、") + "）"
		case fieldSuccess:
			return prefix + "成功率 " + common.Short(in.text) + "：请输入大于 0、不超过 1 的比例，如 0.2"
		}
	}
	return s.ErrorText(err)
}
