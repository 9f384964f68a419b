package planscreen

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// TestChineseRefusals types the refused values of TestBadInputRefusedInPlace
// in the Chinese interface: each refusal is shown in Chinese, by its code,
// with the figure typed.
func TestChineseRefusals(t *testing.T) {
	s := planned(t, screentest.Common("zh", 160, 48), screentest.TextbookRun(t))
	cases := []struct {
		key, text, want string
		field           int
	}{
		{"c", "-1", "计划输入无效：单次联系成本 -1：应为不小于 0 的金额", fieldCost},
		{"s", "1.5", "计划输入无效：成功率 1.5：应为大于 0、不超过 1 的比例", fieldSuccess},
		{"s", "0", "计划输入无效：成功率 0：应为大于 0、不超过 1 的比例", fieldSuccess},
		{"s", "abc", "计划输入无效：成功率 abc：请输入大于 0、不超过 1 的比例，如 0.2", fieldSuccess},
		{"b", "150%", "计划输入无效：预算 150%：请输入大于 0 的金额（如 5000），或大于 0、不超过 100% 的客户比例（如 10%）", fieldBudget},
		{"b", "lots", "计划输入无效：预算 lots：请输入大于 0 的金额（如 5000），或大于 0、不超过 100% 的客户比例（如 10%）", fieldBudget},
		{"b", "0", "计划输入无效：预算 0：请输入大于 0 的金额（如 5000），或大于 0、不超过 100% 的客户比例（如 10%）", fieldBudget},
		{"b", "-5", "计划输入无效：预算 -5：请输入大于 0 的金额（如 5000），或大于 0、不超过 100% 的客户比例（如 10%）", fieldBudget},
		{"v", "no_such_column", "计划输入无效：客户价值 no_such_column：既不是金额，也不是数值列（数值列：", fieldValue},
	}
	for _, tc := range cases {
		s = typeIn(t, s, tc.key, tc.text)
		if got := s.Refusal(tc.field); !strings.HasPrefix(got, tc.want) || tc.field == fieldBudget && got != tc.want {
			t.Errorf("%s %q: refusal %q, want %q", tc.key, tc.text, got, tc.want)
		}
	}
}

// Every refusal code and reading error has a Chinese sentence, and the
// English one keeps the CLI's wording.
func TestRefusalTextCoversEveryCode(t *testing.T) {
	zh, en := New(screentest.Common("zh", 80, 24)), New(screentest.Common("en", 80, 24))
	for code := experiment.RefuseBudget; code <= experiment.RefuseBudgetText; code++ {
		err := &experiment.PlanRefusal{Code: code, Value: -2, Customer: 3, Text: "-2"}
		if got := zh.refusalText(err); !strings.HasPrefix(got, "计划输入无效：") {
			t.Errorf("code %d: %q", code, got)
		}
		if got := en.refusalText(err); got != err.Error() {
			t.Errorf("code %d in English: %q", code, got)
		}
	}
	for _, f := range []int{fieldCost, fieldValue, fieldSuccess} { // a budget's text is experiment.ParseBudget's
		err := &inputError{field: f, text: "x"}
		if !errors.Is(err, experiment.ErrPlan) || !strings.HasPrefix(zh.refusalText(err), "计划输入无效：") {
			t.Errorf("field %d: %q", f, zh.refusalText(err))
		}
	}
}

// Every segment and action has a Chinese wording.
func TestSegmentsAndActionsInChinese(t *testing.T) {
	zh := New(screentest.Common("zh", 80, 24))
	segs := append(append([]experiment.Segment{}, experiment.RFMSegmentNames...),
		experiment.SegHighValue, experiment.SegMediumValue, experiment.SegLowValue, experiment.SegAll)
	seen := map[string]bool{}
	for _, seg := range segs {
		name := zh.segmentName(seg)
		if name == seg.String() || seen[name] {
			t.Errorf("%v: Chinese name %q missing or repeated", seg, name)
		}
		seen[name] = true
		for _, contacted := range []bool{true, false} {
			a := experiment.SuggestedAction(seg, contacted)
			if got := zh.actionText(a); got == a.String() || got == "" {
				t.Errorf("%v, contacted %v: %q", seg, contacted, got)
			}
		}
	}
	if got := zh.segmentName(experiment.SegCantLose); got != "不能失去" {
		t.Errorf("Can't lose them: %q", got)
	}
}

// The screen's validation figures are measured on the plan's customers, the
// run's validation rows: its AUC and counts equal the Evaluate screen's
// figures on that part (metrics.NewReport through experiment.Evaluate, a
// separate path), in both directions of the target.
func TestCheckMatchesValidationReport(t *testing.T) {
	run := screentest.TextbookRun(t)
	ev, err := run.Exp.Evaluated().Evaluate(experiment.ValPart, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	s := planned(t, screentest.Common("en", 160, 48), run)
	c := s.check
	if c == nil || c.Customers != int(ev.Report.Positives+ev.Report.Negatives) ||
		math.Abs(c.AUC.Value-ev.Report.ROCAUC) > 1e-12 {
		t.Fatalf("check %+v; validation AUC %v on %v + %v rows", c, ev.Report.ROCAUC, ev.Report.Positives, ev.Report.Negatives)
	}
	if c.Outcomes != int(ev.Report.Positives) {
		t.Errorf("encourage the positive class: %d outcomes, %v positives", c.Outcomes, ev.Report.Positives)
	}
	toggled := common.TargetFor(nil, run.Exp.Pipeline.Label).Toggled()
	next, cmd := s.Update(common.TargetMsg{Target: toggled})
	s = feed(t, next.(Model), cmd())
	if s.check.Outcomes != int(ev.Report.Negatives) || math.Abs(s.check.AUC.Value-ev.Report.ROCAUC) > 1e-12 {
		t.Errorf("the other class: %+v", s.check)
	}
	// The interval is the one `retain plan` prints, whichever class.
	if want := experiment.ValidationFigures(&ev.Report)[0]; math.Abs(c.AUC.Low-want.Low) > 1e-12 ||
		math.Abs(s.check.AUC.Low-want.Low) > 1e-12 || math.Abs(s.check.AUC.High-want.High) > 1e-12 {
		t.Errorf("AUC intervals %+v and %+v, want %+v", c.AUC, s.check.AUC, want)
	}
	screentest.MustContain(t, screentest.Render(s, 160, 48), "ROC AUC", "calibration error")
}

// The value field's note says how a value column's blank and negative
// cells were valued, in both languages, and says nothing for an amount.
func TestValueReadNote(t *testing.T) {
	for _, c := range []struct {
		lang string
		rep  experiment.PlanReport
		want string
	}{
		{"en", experiment.PlanReport{ValueColumn: "spend", ValueBlanks: 1, ValueFill: 12.5},
			"1 blank cell valued at 12.50, as the model filled it"},
		{"en", experiment.PlanReport{ValueColumn: "spend", ValueBlanks: 1200, ValueFill: 3000, ValueZeroed: 2},
			"1,200 blank cells valued at 3,000, as the model filled them; 2 negative values counted as 0"},
		{"zh", experiment.PlanReport{ValueColumn: "spend", ValueBlanks: 11, ValueFill: 3000, ValueZeroed: 1},
			"11 个空白单元格按模型的填充值 3,000 计；1 个负值按 0 计"},
		{"en", experiment.PlanReport{ValueBlanks: 3}, ""},
	} {
		s := New(screentest.Common(c.lang, 80, 24))
		s.report = &c.rep
		if got := s.valueReadNote(); got != c.want {
			t.Errorf("%s %+v: %q, want %q", c.lang, c.rep, got, c.want)
		}
	}
}

// TestNotContactedSaysNoPaidContact: every segment's action for the
// customers the plan leaves out says first, in both languages, that they
// get no paid contact, then at most what they get at no cost ("续订优惠；
// 主动沟通", a renewal offer and a talk, read like a paid contact for the
// Can't lose them customers left out). The contact action never does.
func TestNotContactedSaysNoPaidContact(t *testing.T) {
	segments := append(append([]experiment.Segment{}, experiment.RFMSegmentNames...),
		experiment.SegHighValue, experiment.SegMediumValue, experiment.SegLowValue, experiment.SegAll)
	for _, c := range []struct{ lang, none string }{{"en", "no paid contact"}, {"zh", "不做付费联系"}} {
		s := New(screentest.Common(c.lang, 80, 24))
		for _, seg := range segments {
			rest := s.actionText(experiment.SuggestedAction(seg, false))
			if rest != c.none && !strings.HasPrefix(rest, c.none+"; ") && !strings.HasPrefix(rest, c.none+"；") {
				t.Errorf("%s, %v: not contacted %q", c.lang, seg, rest)
			}
			if contact := s.actionText(experiment.SuggestedAction(seg, true)); contact == "" || strings.HasPrefix(contact, c.none) {
				t.Errorf("%s, %v: contacted %q", c.lang, seg, contact)
			}
		}
	}
}
