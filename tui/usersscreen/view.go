package usersscreen

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// Sizes of the Users screen.
const (
	usersSplitW  = 110 // from this width the detail pane sits beside the table
	usersTableW  = 58  // the table's width beside the detail pane
	usersHeaderH = 3   // title, status or prompt, column headers
	// From whatIfSideBy cells the what-if sweep sits beside the feature
	// table (see whatIfFeaturesW).
	whatIfSideBy = 78
)

// whatIfFeaturesW is the width of the feature table beside the sweep in a
// detail pane w wide: about half, at least 44 cells.
func whatIfFeaturesW(w int) int { return min(max(w*45/100, 44), 72) }

// usersLayoutSizes are the sizes of the Users screen's parts.
type usersLayoutSizes struct {
	split            bool
	tableW, detailW  int // 0 when not shown
	tableRows, bodyH int
}

// usersLayout places the table and the detail pane: side by side when
// wide, otherwise one of them (detail says which).
func usersLayout(w, h int, detail bool) usersLayoutSizes {
	l := usersLayoutSizes{bodyH: max(h-2, 0), tableRows: max(h-usersHeaderH, 1)}
	switch {
	case w >= usersSplitW:
		l.split, l.tableW, l.detailW = true, usersTableW, w-usersTableW-3
	case detail:
		l.detailW = w
	default:
		l.tableW = w
	}
	return l
}

// layoutDetail sizes the bar chart and the sweep chart for the layout l.
func (s *Model) layoutDetail(l usersLayoutSizes) {
	if ex, ok, _ := s.shownExplanation(s.list.selected()); ok && s.list.users != nil {
		s.showReasons(ex) // the labels' room follows the pane's width
	}
	n := len(s.bars.Bars())
	s.bars.SetSize(max(l.detailW, 0), min(max(n, 1), max(l.bodyH/3, 4)))
	if s.whatIf.active && s.Exp() != nil {
		w, h := whatIfSweepSize(l.detailW, l.bodyH, len(s.Exp().Pipeline.Columns))
		s.sweep.SetSize(w, h)
	} else {
		s.sweep.SetSize(max(l.detailW, 0), min(max(l.bodyH/3, 8), 14))
	}
	s.sweep.Redraw()
	// One cell narrower: SignedBars can draw a line one cell wider than asked
	// when every value is positive.
	s.levels.SetSize(max(s.sweep.Width()-1, 0), max(s.sweep.Height()-1, 1))
	if s.whatIf.active && s.Exp() != nil && s.Exp().Pipeline.Columns[s.whatIf.col].Kind != data.Numeric {
		s.levelBars() // their labels follow the width
	}
}

// render rebuilds the cached view.
func (s *Model) render() {
	w, h := s.Width, s.Height
	if w <= 0 || h <= 0 {
		s.view = ""
		return
	}
	st := s.Styles
	if s.list.users == nil {
		text := s.NoRun() // centred and wrapped, the whole hint shown
		if s.err != nil {
			text = st.Error.Render(s.T("Scoring the users failed: ", "给用户打分失败：")) + s.err.Error()
		} else if s.waiting != 0 {
			text = st.Muted.Render(s.Tf("Scoring every user with run %d…", "正在用第 %d 次训练给每个用户打分…", s.waiting))
		}
		s.view = widget.Fit(text, w, h)
		return
	}
	status := s.statusLines(w, h)
	if s.out.Showing() {
		lines := append([]string{common.Truncate(s.out.ShownTitle(s.Common), w)}, status...)
		lines = append(lines, s.out.ShownLines(w, h-1-len(status))...)
		s.view = widget.Fit(strings.Join(lines, "\n"), w, h)
		return
	}
	// The current customers' extrapolation note, under the status, at most
	// a sixth of the screen.
	status = append(status, s.extrapolationLines(w, max(h/6, 1))...)
	// A status wrapped over more than its line takes rows from the table.
	l := usersLayout(w, h-len(status)+1, s.detail)
	s.layoutDetail(l)
	s.list.setHeight(l.tableRows)
	name := s.T("Users", "用户")
	title := st.Title.Render(name) + st.Muted.Render(" · "+s.describe(w-ansi.StringWidth(name+" · ")))
	lines := append([]string{common.Truncate(title, w)}, status...)
	var body []string
	switch {
	case l.split:
		body = common.JoinColumns([][]string{s.tableLines(l.tableW, l.tableRows+1), s.detailLines(l.detailW, l.bodyH)},
			[]int{l.tableW, l.detailW}, 3)
	case l.detailW > 0:
		body = s.detailLines(l.detailW, l.bodyH)
	default:
		body = s.tableLines(l.tableW, l.tableRows+1)
	}
	lines = append(lines, body...)
	s.view = widget.Fit(strings.Join(lines, "\n"), w, h)
}

// statusLines are the prompt while one is open, else the last message: a
// failure wrapped in full (at most a third of the screen's h rows), so its
// reason is read; anything else on its one line.
func (s Model) statusLines(w, h int) []string {
	if s.prompt == usersNoPrompt && strings.HasPrefix(s.status.In(s.Common), "✗") {
		lines := common.StatusLines(s.status.In(s.Common), w)
		lines = lines[:min(len(lines), max(h/3, 1))]
		for i, l := range lines {
			lines[i] = s.Styles.Error.Render(l)
		}
		return lines
	}
	return []string{s.statusLine(w)}
}

// statusLine is the prompt while one is open, else the last message but
// a failure.
func (s Model) statusLine(w int) string {
	if s.prompt != usersNoPrompt {
		return common.Truncate(s.input.View(), w)
	}
	u := s.list.users
	hint := s.TargetLine(s.list.target) + s.Tf(" (p) · %s (B) · ✓ right at %.2f", "（p）· %s（B）· ✓ 按 %.2f 判对错",
		s.BandSchemeName(s.list.scheme), s.list.threshold)
	if u.current != nil {
		hint = s.todayHint(u)
	} else if s.hasToday() {
		hint += s.T(" · t: current customers", " · t：当前客户")
	}
	switch {
	case s.out.Running() && s.status.In(s.Common) == "":
		hint = s.out.Line(s.Common)
	case s.status.In(s.Common) != "":
		hint = s.status.In(s.Common)
	}
	if s.list.filtering {
		hint = s.T("filtering… · ", "筛选中… · ") + hint
	}
	return s.Styles.Muted.Render(common.Truncate(hint, w))
}

// tableColumns are the widths of the table's columns at width w.
type tableColumns struct{ rank, id, prob, label, band, ok, part int }

// probHead is the probability column's heading ("P(yes)"), which widens
// the column up to 12 cells rather than be cut to a bare "P".
func usersColumns(u *usersData, w int, probHead string) tableColumns {
	if u == nil {
		return tableColumns{}
	}
	c := tableColumns{rank: 8, prob: min(max(7, ansi.StringWidth(probHead)+1), 12), band: 9, ok: 2, part: 6}
	c.label = max(ansi.StringWidth(u.label.Positive), ansi.StringWidth(u.label.Negative), 6) + 1
	c.id = min(max(w-c.rank-c.prob-c.label-c.band-c.ok-c.part-1, 4), 20)
	return c
}

// tableLines renders the header and the visible rows only: the cost of a
// frame does not depend on the number of users.
func (s Model) tableLines(w, rows int) []string {
	st, u := s.Styles, s.list.users
	// P is the probability of the target's outcome, the table's order:
	// "P(no)", or "P" when the outcome's class is too long for the column.
	risk := s.risk()
	named := "P(" + strings.TrimPrefix(risk.Class(), risk.Label+" = ") + ")"
	c := usersColumns(u, w, named)
	idName := "id"
	if u.exp != nil && u.exp.Pipeline.IDName != "" {
		idName = u.exp.Pipeline.IDName
	}
	probHead := "P"
	if ansi.StringWidth(named) <= c.prob-1 {
		probHead = named
	}
	head := common.PadLeft("#", c.rank-1) + " " + common.Pad(idName, c.id) + " " + common.PadLeft(probHead, c.prob-1) + " " +
		common.Pad(s.T("actual", "实际"), c.label) + common.Pad(s.T("band", "档位"), c.band) + common.Pad("✓", c.ok) + common.Pad(s.T("part", "部分"), c.part)
	// The history column only when some current customer's history is
	// short: with none it was blank on every row.
	history := u.current != nil && u.current.Report.ShortHistory > 0
	if u.current != nil {
		head = common.PadLeft("#", c.rank-1) + " " + common.Pad(idName, c.id) + " " + common.PadLeft(probHead, c.prob-1) + " " +
			common.Pad(s.T("pred.", "预测"), c.label) + common.Pad(s.T("band", "档位"), c.band)
		if history {
			head += common.Pad(s.T("history", "历史"), c.ok+c.part)
		}
	}
	lines := []string{st.Header.Render(common.Truncate(head, w))}
	for i, r32 := range s.list.visible() {
		r := int(r32)
		pos := s.list.offset + i
		right := u.correct(r, s.list.threshold)
		mark := "✓"
		if !right {
			mark = "✗"
		}
		label := u.label.Negative
		if u.positive(r) {
			label = u.label.Positive
		}
		last := common.Pad(mark, c.ok) + common.Pad(s.partName(u.part(r)), c.part)
		if u.current != nil {
			// Unlabelled: the predicted class, and the short-history mark.
			right, label, last = true, u.label.Negative, ""
			if history {
				last = common.Pad(s.historyName(u.short(r)), c.ok+c.part)
			}
			if u.predicted(r, s.list.threshold) {
				label = u.label.Positive
			}
		}
		line := common.PadLeft(common.Thousands(pos+1), c.rank-1) + " " + common.Pad(u.id(r), c.id) + " " +
			common.PadLeft(fmt.Sprintf("%.3f", risk.RiskProb(u.prob(r))), c.prob-1) + " " + common.Pad(label, c.label) +
			common.Pad(s.bandOf(r), c.band) + last
		line = common.Pad(line, w)
		if pos == s.list.cursor {
			line = st.Selected.Render(line)
		} else if !right {
			line = st.Warning.Render(line)
		}
		lines = append(lines, line)
		if len(lines) == rows {
			break
		}
	}
	if len(s.list.shown) == 0 {
		lines = append(lines, st.Muted.Render(common.Truncate(s.T("no user passes the filters (b, c change them)", "没有用户通过筛选（b、c 可更改）"), w)))
	}
	return lines
}

// featureLines lists every feature in original units beside the training
// median or mode; in what-if the chosen one is highlighted. With rows > 0
// and more features than fit in rows lines, it shows a window of them
// around the chosen one, the header saying which ("Feature 7–19/19").
// The second result is the chosen feature's line.
func (s Model) featureLines(w, row, rows int) ([]string, int) {
	st, e := s.Styles, s.Exp()
	if e == nil {
		return nil, -1
	}
	x, err := e.Row(row)
	if err != nil {
		return []string{st.Error.Render(common.Truncate(err.Error(), w))}, -1
	}
	wi := s.whatIf
	if wi.active {
		x = wi.cur
	}
	ex := s.explainer()
	n := len(e.Pipeline.Columns)
	names, values, typicals := make([]string, n), make([]string, n), make([]string, n)
	// The last column is the average user's, whom the reasons are measured
	// against: its value, or its share of the user's level.
	hFeature, hValue, hMedian := s.T("Feature", "特征"), s.T("value", "取值"), s.T("average", "平均用户")
	nameW, valueW, typW := ansi.StringWidth(hFeature), ansi.StringWidth(hValue), ansi.StringWidth(hMedian)
	if wi.active && w >= whatIfSideBy {
		w = whatIfFeaturesW(w)
	}
	for ci, pc := range e.Pipeline.Columns {
		names[ci] = pc.Name
		typicals[ci] = baselineText(ex.BaselineValue(x, ci), func(v string) string { return s.display(pc.Name, v) })
		nameW = max(nameW, ansi.StringWidth(names[ci]))
		typW = max(typW, ansi.StringWidth(typicals[ci]))
	}
	// Columns as wide as their longest entry plus a gap, the name column
	// giving way first when the pane is narrow.
	nameW = max(min(nameW+1, w*2/5), 8)
	// The value column takes what it needs while the typical column keeps
	// its width, and at least three fifths of the room left (the user's
	// value matters more than the typical one): room is the most it can
	// get, which a blank's "missing → 2264.695 (mean)" is fitted to.
	room := max(w-nameW-typW, (w-nameW)*3/5)
	for ci, pc := range e.Pipeline.Columns {
		values[ci] = s.display(pc.Name, ex.Value(x, ci))
		edited := wi.active && wi.edited(pc)
		if raw := s.clipped(e, row, ci, values[ci]); raw != "" && !edited {
			values[ci] = raw
		}
		if texts := s.blank(e, row, ci, values[ci]); texts != nil && !edited {
			values[ci] = fitting(texts, room-2)
		}
		if edited {
			values[ci] += " *"
		}
		valueW = max(valueW, ansi.StringWidth(values[ci]))
	}
	valueW = max(min(valueW+2, room), 6)
	typW = max(min(typW, w-nameW-valueW), 0)
	first, shown := 0, n
	if rows > 0 && n+1 > rows {
		shown = max(rows-1, 1)
		first = min(max(wi.col-shown/2, 0), n-shown)
		hFeature += " " + s.Tf("%d–%d/%d", "%d–%d/%d", first+1, first+shown, n)
	}
	lines := []string{st.Header.Render(common.Truncate(common.Pad(hFeature, nameW)+common.Pad(hValue, valueW)+common.Pad(hMedian, typW), w))}
	for ci := first; ci < first+shown; ci++ {
		value := values[ci]
		if v, ok := strings.CutSuffix(value, " *"); ok && wi.active && wi.edited(e.Pipeline.Columns[ci]) && ansi.StringWidth(value) > valueW-2 {
			value = common.TruncateCell(v, valueW-4) + " *" // the edit mark is never cut off
		}
		line := common.Pad(middleTruncate(names[ci], nameW-1), nameW-1) + " " + common.Pad(value, valueW-2) + "  " + st.Muted.Render(common.Pad(typicals[ci], typW))
		if wi.active && ci == wi.col {
			line = st.Selected.Render(common.Pad(ansi.Strip(line), w))
		}
		lines = append(lines, common.TruncateCell(line, w))
	}
	return lines, 1 + wi.col - first
}

// baselineText writes the average user's value of a column: a number in
// the units the user's own is shown in (written by number, which leaves a
// column of years ungrouped), or a share of the user's level.
func baselineText(b experiment.BaselineValue, number func(string) string) string {
	switch {
	case b.Numeric && math.IsNaN(b.Value):
		return "–"
	case b.Numeric && b.Date:
		return data.FormatDay(b.Value)
	case b.Numeric:
		return number(experiment.FormatValue(b.Value))
	}
	return common.Percent(b.Share)
}

// reasonSentence says in words which value raised the probability most
// and which lowered it most, for table row row: a value the model clipped
// reads as the user's own with the bound it counted ("2 (model: 1.2)").
func (s Model) reasonSentence(r common.RiskWording, ex experiment.Explanation, row int) string {
	var up, down *experiment.Reason
	for i := range ex.Reasons {
		rs := &ex.Reasons[i]
		if rs.Attribution > 0 && up == nil {
			up = rs
		}
		if rs.Attribution < 0 && down == nil {
			down = rs
		}
	}
	value := func(rs *experiment.Reason) string {
		v := s.display(rs.Column, rs.Value)
		if e := s.Exp(); e != nil {
			ci := slices.IndexFunc(e.Pipeline.Columns, func(pc data.PipelineColumn) bool { return pc.Name == rs.Column })
			if ci < 0 || !s.ownValue(e.Pipeline.Columns[ci]) {
				return v
			}
			if raw := s.clipped(e, row, ci, v); raw != "" {
				return raw
			}
			if texts := s.blank(e, row, ci, v); texts != nil {
				return texts[min(1, len(texts)-1)] // the value, not how it was chosen
			}
		}
		return v
	}
	var parts []string
	if up != nil {
		parts = append(parts, s.Tf("%s = %s raises %s most", "%s = %s 最能提高 %s", up.Column, value(up), r.ProbName()))
	}
	if down != nil {
		it := s.T(" it", "它")
		if up == nil {
			it = " " + r.ProbName()
		}
		parts = append(parts, s.Tf("%s = %s lowers%s most", "%s = %s 最能降低%s", down.Column, value(down), it))
	}
	if len(parts) == 0 {
		return s.T("No feature moves this user's probability away from the average user's.", "没有哪个特征让这个用户的概率偏离平均用户。")
	}
	return strings.Join(parts, s.T("; ", "；")) + s.T(".", "。")
}
