package cohortscreen

import (
	"strconv"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// firstMark follows the first cohort's label: it starts with the log, so
// it may hold customers who bought before it (as cohorts marks it).
const firstMark = "^"

// withoutFirst reports whether the triangle shows the average without the
// first cohort: when the first cohort looks like customers who bought
// before the log (data.FirstCohortCheck).
func withoutFirst(r *data.Retention) bool {
	return r.FirstCohort.LooksExisting && len(r.AverageWithoutFirst) > 0
}

// firstNotes say, as cohorts does, that the first cohort starts with the
// log and whether its customers look like earlier ones, from which period
// the average is mostly the first cohort's own row, or that there is no
// average.
func (s Model) firstNotes(r *data.Retention) []string {
	if len(r.Cohorts) == 0 {
		return nil
	}
	fc := r.FirstCohort
	notes := []string{s.Tf("^ %s starts with the log: it may hold customers who bought before it.",
		"^ %s 与日志同时开始：其中可能有日志开始前就已购买的客户。", fc.Label)}
	ratio := strconv.FormatFloat(fc.Ratio, 'f', 2, 64)
	switch {
	case fc.Periods == 0:
	case fc.Expected == 0 && fc.Observed == 0:
		notes = append(notes, s.T("Neither its customers nor later cohorts' bought again at the same ages: nothing to compare.",
			"其客户和之后同期群的客户在相同周期都没有再次购买：无从比较。"))
	case fc.LooksExisting:
		notes = append(notes, s.Tf("Its customers bought %s× as often as later cohorts' at the same ages: they look like earlier customers, not new ones; \"w/o ^\" averages the other cohorts.",
			"其客户在相同周期的购买频率是之后同期群的 %s 倍：看来是老客户而非新客户；“不含 ^”为其余同期群的平均。", ratio))
	default:
		notes = append(notes, s.Tf("Its customers bought %s× as often as later cohorts' at the same ages: no sign that they bought before.",
			"其客户在相同周期的购买频率是之后同期群的 %s 倍：看不出他们此前已购买。", ratio))
	}
	if len(r.Average) == 0 {
		what := s.T("month", "月份")
		if r.Period == data.ByWeek {
			what = s.T("week", "周")
		}
		return append(notes, s.Tf("No %s is fully observed (the log ends before its only %[1]s does): there is no average.",
			"没有完整观察到的%s（日志在其唯一的%[1]s结束前就结束了）：没有平均。", what))
	}
	if k, ok := r.FirstDominates(); ok {
		notes = append(notes, s.Tf("From period %d on, ^ holds over half the customers averaged: the average there is mostly its own row.",
			"自"+widget.Keep("第 %d 期")+"起，^ 占平均所含客户的一半以上：那里的平均主要是它自己的一行。", k))
	}
	return notes
}

// leftOutNote says, as cohorts does on stderr, which lines of the log are
// in no cell: cancelled lines, lines without a customer id, stock
// adjustments and events that are not purchases ("" when none).
func (s Model) leftOutNote() string {
	l := s.log
	var parts []string
	if l.Cancelled > 0 {
		parts = append(parts, s.Tf("%s cancelled", "%s 条已取消", common.Thousands(l.Cancelled)))
		if rules := s.CancelRulesText(l.CancelRules, l.NegativeAmounts); rules != "" {
			parts[len(parts)-1] += s.Tf(" (%s)", "（其中 %s）", rules)
		}
	}
	if l.MissingCustomer > 0 {
		parts = append(parts, s.Tf("%s without a customer id", "%s 条无客户编号", common.Thousands(l.MissingCustomer)))
	}
	if l.Adjustments > 0 {
		parts = append(parts, s.Tf("%s stock adjustments", "%s 条库存调整", common.Thousands(l.Adjustments)))
	}
	if l.OtherEvents > 0 {
		parts = append(parts, s.Tf("%s events that are not purchases", "%s 条非购买事件", common.Thousands(l.OtherEvents)))
	}
	if len(parts) == 0 {
		return ""
	}
	return s.Tf("Lines left out: %s.", "未计入的行：%s。", strings.Join(parts, s.T(", ", "，")))
}

// counts is the line under the average: how many cohorts each of its cells
// is over.
func (t table) counts(s *Model, r *data.Retention, left, n int) string {
	var b strings.Builder
	b.WriteString(t.lead(s.T("cohorts", "同期群数"), ""))
	for k := left; k < left+n && k < len(r.Average); k++ {
		b.WriteString(strings.Repeat(" ", gap) + common.PadLeft(strconv.Itoa(r.Average[k].Cohorts), t.cellW-1) + " ")
	}
	return s.Styles.Muted.Render(strings.TrimRight(b.String(), " "))
}
