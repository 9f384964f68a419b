package usersscreen

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// partName names a part of the split.
func (s Model) partName(p experiment.RowPart) string {
	switch p {
	case experiment.RowValidation:
		return s.T("val", "验证")
	case experiment.RowTest:
		return s.T("test", "测试")
	case experiment.RowLater:
		return s.T("later", "后期")
	case experiment.RowCalibration:
		return s.T("calib", "校准")
	}
	return s.T("train", "训练")
}

// sortName names a table order: by the probability of the target's
// outcome ("P(Churn = Yes) ↓", most likely first), or row order. short
// names the probability "P", as the table's column may be headed.
func (s Model) sortName(m sortMode, short bool) string {
	by := "P(" + s.risk().Class() + ")"
	if short {
		by = "P"
	}
	switch m {
	case sortProbAsc:
		return s.Tf("%s ↑", " %s ↑ ", by)
	case sortRow:
		if s.Pseudonym.Enabled() {
			return s.T("id order", "编号顺序") // never file order: see orderByID
		}
		return s.T("row order", "行顺序")
	}
	return s.Tf("%s ↓", " %s ↓ ", by)
}

// describe says what the list holds, for the table's title, in at most w
// cells: which customers and the filters first, then the order. When that
// is too long the order is written short ("sorted by P ↑") and then which
// customers is cut, never a filter or the order's direction, which the
// table does not show (a cut title read "sorted by P(Churn = …").
func (s Model) describe(w int) string {
	l := s.list
	if l.users == nil {
		return ""
	}
	out := s.Tf("%s of %s users", "%s / %s 个用户", common.Thousands(len(l.shown)), common.Thousands(l.users.rows()))
	if l.users.current != nil {
		out = s.Tf("%s of %s current customers", "%s / %s 个当前客户",
			common.Thousands(len(l.shown)), common.Thousands(l.users.rows()))
	}
	if m := l.users.measured; m != nil && l.users.current == nil {
		out = s.Tf("%s of %s customers at %s, labels from the %d days after", "%s / %s 个 %s 的客户，标签取其后 %d 天",
			common.Thousands(len(l.shown)), common.Thousands(l.users.rows()), m.Cutoff.Format(time.DateOnly), m.HorizonDays)
	}
	var filters string
	if l.band != 0 {
		filters += s.Tf(" · band %s", " · %s档", s.bandFilterName())
	}
	switch l.truth {
	case truthCorrect:
		filters += s.T(" · correct only", " · 仅预测正确")
	case truthWrong:
		filters += s.T(" · wrong only", " · 仅预测错误")
	}
	order := s.Tf(" · sorted by %s", " · 按%s排序", s.sortName(l.sort, false))
	if ansi.StringWidth(out+filters+order) <= w {
		return out + filters + order
	}
	order = s.Tf(" · sorted by %s", " · 按%s排序", s.sortName(l.sort, true))
	return common.Truncate(out, max(w-ansi.StringWidth(filters+order), 1)) + filters + order
}

// blank writes, for a blank cell of row's pipeline column ci, what the
// model counts in its place, longest first: "missing → 2264.695 (mean)"
// with the value it filled in (a numeric or boolean column) and how that
// was chosen, then without how, then with the value to four significant
// digits as the screen writes values, then so without the spaces around
// the arrow, then "missing" alone; for a
// categorical column, the value
// it reads followed by "(blank)". nil when the cell is not blank. A blank
// under a was-missing input read "missing", in English only, and never
// said what the model put there.
func (s Model) blank(e *experiment.Experiment, row, ci int, value string) []string {
	pc := &e.Pipeline.Columns[ci]
	c := e.Data.Table.Column(pc.Name)
	if c == nil || row < 0 || row >= e.Data.Table.Rows {
		return nil
	}
	switch {
	case c.Kind == data.Categorical && row < len(c.Strings) && c.Strings[row] == "":
		return []string{value + s.T(" (blank)", "（空白）")}
	case c.Kind == data.Categorical, row >= len(c.Values), !math.IsNaN(c.Values[row]):
		return nil
	}
	how := s.T(" (median)", "（中位数）")
	switch {
	case pc.Kind == data.Boolean:
		how = s.T(" (mode)", "（众数）")
	case e.Pipeline.Options.Impute == data.ImputeMean:
		how = s.T(" (mean)", "（均值）")
	}
	filled := func(digits int) string { return s.Tf("missing → %s", "缺失 → %s", s.fillText(pc, digits)) }
	// Without the spaces around the arrow, the value grouped ("2,457")
	// still fits where "missing → 2,457" is a cell too wide.
	tight := s.Tf("missing→%s", "缺失→%s", s.fillText(pc, 4))
	return []string{filled(7) + how, filled(7), filled(4), tight, s.T("missing", "缺失")}
}

// fillText writes the value a pipeline column fills a blank with, in the
// data's units: a date, a boolean's spelling, or a number to digits
// significant digits (seven, as the Walkthrough writes it).
func (s Model) fillText(pc *data.PipelineColumn, digits int) string {
	switch {
	case pc.Date:
		return data.FormatDay(pc.Fill)
	case pc.Kind == data.Boolean && len(pc.Levels) == 2 && (pc.Fill == 0 || pc.Fill == 1):
		return pc.Levels[int(pc.Fill)]
	}
	return s.display(pc.Name, data.FormatDigits(pc.Fill, digits))
}

// fitting is the first of texts at most w cells wide, else the last.
func fitting(texts []string, w int) string {
	for _, t := range texts {
		if ansi.StringWidth(t) <= w {
			return t
		}
	}
	return texts[len(texts)-1]
}

// clipped writes, for a value of row's pipeline column ci that the model
// clipped to its k-anonymous range, the value the data holds followed by
// the bound the model counted it as, model ("26 (model: 24)"); "" when the
// model took the value as it is. The model's input alone would show the
// bound as if it were the user's value.
func (s Model) clipped(e *experiment.Experiment, row, ci int, model string) string {
	v, ok := e.ClippedValue(row, ci)
	if !ok {
		return ""
	}
	return s.Tf("%s (model: %s)", "%s（模型按 %s）", s.display(e.Pipeline.Columns[ci].Name, v), model)
}

// display writes a value of the named column as the screen shows it: as
// displayValue does, except that a column of years keeps its digits
// ungrouped (1985, not 1,985).
func (s Model) display(column, v string) string {
	if s.list.users != nil && s.list.users.years[column] {
		return v
	}
	return displayValue(v)
}

// displayValue writes a number with grouped digits (96,200 rather than
// 9.62e+04, 2,045 rather than 2045); anything that is not a plain number
// is left as it is.
func displayValue(v string) string {
	// A negative value takes the minus sign (−0.094), as the figures
	// computed beside it do: "-0.094" and "−0.062" on one screen read as
	// two kinds of number.
	return common.WithMinus(groupedValue(v))
}

// groupedValue is displayValue with the sign as written.
func groupedValue(v string) string {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) >= 1e15 {
		return v
	}
	if math.Abs(f) < 1e4 {
		// Its digits as written, grouped as the sweep's axis groups them
		// (5,000 beside a tick of 4,000, not 5000).
		return common.GroupDigits(v)
	}
	whole := common.Thousands(int(f))
	if f == math.Trunc(f) {
		return whole
	}
	frac := strconv.FormatFloat(math.Abs(f-math.Trunc(f)), 'f', 2, 64)
	frac = strings.TrimRight(strings.TrimPrefix(frac, "0"), "0")
	if frac == "." || frac == "" || strings.HasPrefix(frac, "1") {
		return common.Thousands(int(math.Round(f)))
	}
	return whole + frac
}

// middleTruncate cuts s to w cells by replacing its middle with an
// ellipsis, so names that share a long prefix stay distinguishable
// (days_si…purchase, days_si…t_login).
func middleTruncate(s string, w int) string {
	n := ansi.StringWidth(s)
	if n <= w {
		return s
	}
	if w <= 2 {
		return common.TruncateCell(s, w)
	}
	head := (w - 1) / 2
	tail := w - 1 - head
	return ansi.Truncate(s, head, "") + "…" + ansi.TruncateLeft(s, n-tail, "")
}
