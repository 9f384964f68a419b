package usersscreen

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

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

// layoutDetail sizes the bar chart and the sweep chart.
func (s *Model) layoutDetail() {
	l := usersLayout(s.Width, s.Height, s.detail)
	n := len(s.bars.Bars())
	s.bars.SetSize(max(l.detailW, 0), min(max(n, 1), max(l.bodyH/3, 4)))
	if s.whatIf.active && l.detailW >= whatIfSideBy {
		s.sweep.SetSize(l.detailW-whatIfFeaturesW(l.detailW)-2, min(max(len(s.Exp().Pipeline.Columns)+1, 8), 16))
	} else {
		s.sweep.SetSize(max(l.detailW, 0), min(max(l.bodyH/3, 8), 14))
	}
	s.sweep.Redraw()
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
		text := common.NoRunYet(st)
		if s.err != nil {
			text = st.Error.Render("Scoring the users failed: ") + s.err.Error()
		} else if s.waiting != 0 {
			text = st.Muted.Render(fmt.Sprintf("Scoring every user with run %d…", s.waiting))
		}
		s.view = widget.Fit(text, w, h)
		return
	}
	if s.shown != nil {
		lines := append([]string{common.Truncate(s.shownTitle(), w), s.statusLine(w)}, s.shownLines(w, h-2)...)
		s.view = widget.Fit(strings.Join(lines, "\n"), w, h)
		return
	}
	s.layoutDetail()
	l := usersLayout(w, h, s.detail)
	title := st.Title.Render("Users") + st.Muted.Render(" · "+s.list.describe())
	lines := []string{common.Truncate(title, w), s.statusLine(w)}
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

// statusLine is the prompt while one is open, else the last message.
func (s Model) statusLine(w int) string {
	if s.prompt != usersNoPrompt {
		return common.Truncate(s.input.View(), w)
	}
	if strings.HasPrefix(s.status, "✗") {
		return s.Styles.Error.Render(common.Truncate(s.status, w))
	}
	u := s.list.users
	hint := fmt.Sprintf("risk of %s: high ≥ ⅔, low < ⅓ · ✓ right at %.2f", u.risk.Class(), u.threshold)
	if s.status != "" {
		hint = s.status
	}
	return s.Styles.Muted.Render(common.Truncate(hint, w))
}

// tableColumns are the widths of the table's columns at width w.
type tableColumns struct{ rank, id, prob, label, band, ok, part int }

func usersColumns(u *usersData, w int) tableColumns {
	c := tableColumns{rank: 8, prob: 7, band: 7, ok: 2, part: 6}
	c.label = max(len(u.risk.Positive), len(u.risk.Negative), 6) + 1
	c.id = min(max(w-c.rank-c.prob-c.label-c.band-c.ok-c.part-1, 4), 20)
	return c
}

// tableLines renders the header and the visible rows only: the cost of a
// frame does not depend on the number of users.
func (s Model) tableLines(w, rows int) []string {
	st, u := s.Styles, s.list.users
	c := usersColumns(u, w)
	idName := "id"
	if u.exp != nil && u.exp.Pipeline.IDName != "" {
		idName = u.exp.Pipeline.IDName
	}
	head := common.PadLeft("#", c.rank-1) + " " + common.Pad(idName, c.id) + " " + common.PadLeft("P", c.prob-1) + " " +
		common.Pad("actual", c.label) + common.Pad("risk", c.band) + common.Pad("✓", c.ok) + common.Pad("part", c.part)
	lines := []string{st.Header.Render(common.Truncate(head, w))}
	for i, r32 := range s.list.visible() {
		r := int(r32)
		pos := s.list.offset + i
		mark := "✓"
		if !u.correct(r) {
			mark = "✗"
		}
		label := u.risk.Negative
		if u.label[r] == 1 {
			label = u.risk.Positive
		}
		line := common.PadLeft(common.Thousands(pos+1), c.rank-1) + " " + common.Pad(u.id(r), c.id) + " " +
			common.PadLeft(fmt.Sprintf("%.3f", u.prob[r]), c.prob-1) + " " + common.Pad(label, c.label) +
			common.Pad(bandNames[u.band(r)], c.band) + common.Pad(mark, c.ok) + common.Pad(partNames[u.part[r]], c.part)
		line = common.Pad(line, w)
		if pos == s.list.cursor {
			line = st.Selected.Render(line)
		} else if !u.correct(r) {
			line = st.Warning.Render(line)
		}
		lines = append(lines, line)
		if len(lines) == rows {
			break
		}
	}
	if len(s.list.shown) == 0 {
		lines = append(lines, st.Muted.Render(common.Truncate("no user passes the filters (b, c change them)", w)))
	}
	return lines
}

// detailLines renders the selected user, scrolled so that in what-if the
// chosen feature is visible.
func (s Model) detailLines(w, h int) []string {
	lines, focus := s.detailContent(w)
	if len(lines) <= h {
		return lines
	}
	top := min(max(s.detailScroll, 0), len(lines)-h)
	if focus >= 0 && (focus < top || focus >= top+h) {
		top = min(max(focus-h/2, 0), len(lines)-h)
	}
	return lines[top : top+h]
}

// detailContent is the whole detail pane and the line of the chosen
// what-if feature (−1 when none).
func (s Model) detailContent(w int) ([]string, int) {
	st, u := s.Styles, s.list.users
	row := s.list.selected()
	if row < 0 {
		return []string{st.Muted.Render("no user selected")}, -1
	}
	actual := u.risk.Negative
	if u.label[row] == 1 {
		actual = u.risk.Positive
	}
	predicted := u.risk.Negative
	if u.predicted(row) {
		predicted = u.risk.Positive
	}
	mark := st.Good.Render("✓ right")
	if !u.correct(row) {
		mark = st.Error.Render("✗ wrong")
	}
	lines := []string{
		common.Truncate(st.Title.Render("User "+u.id(row))+st.Muted.Render(fmt.Sprintf(" · row %s · %s part", common.Thousands(row+1), partNames[u.part[row]])), w),
		common.Truncate(fmt.Sprintf("%s = %s · %s risk", u.risk.ProbName(), st.Value.Render(fmt.Sprintf("%.3f", u.prob[row])), bandNames[u.band(row)]), w),
		common.Truncate(fmt.Sprintf("actual %s · predicted %s at %.2f · ", actual, predicted, u.threshold)+mark, w),
	}
	var reasons []string
	ex, ok := s.explained[row]
	switch {
	case !ok && s.explainErr != nil:
		reasons = []string{st.Error.Render(common.Truncate("no explanation: "+s.explainErr.Error(), w))}
	case !ok:
		reasons = []string{st.Muted.Render("explaining…")}
	default:
		sentence := lipgloss.NewStyle().Width(max(w, 10)).Render(reasonSentence(u.risk, ex))
		reasons = append(reasons, strings.Split(sentence, "\n")...)
		reasons = append(reasons, st.Muted.Render(common.Truncate(fmt.Sprintf("integrated gradients against the average user (%.3f), largest first:", ex.BaselineProb), w)))
		reasons = append(reasons, strings.Split(s.bars.View(), "\n")...)
	}
	features, focus := s.featureLines(w, row)
	wi := s.whatIf
	if !wi.active {
		lines = append(lines, "")
		lines = append(lines, reasons...)
		lines = append(lines, "")
		return append(lines, features...), -1
	}
	// In what-if the edited values and their effect come first.
	delta := wi.prob - wi.prob0
	lines = append(lines, st.Warning.Render(common.Truncate(fmt.Sprintf("what-if: %s = %.3f (%+.3f from %.3f)", u.risk.ProbName(), wi.prob, delta, wi.prob0), w)), "")
	focus += len(lines)
	if w >= whatIfSideBy {
		// The sweep beside the features, so both stay in view.
		sweep := strings.Split(widget.Fit(s.sweep.View(), s.sweep.Width(), s.sweep.Height()), "\n")
		lines = append(lines, common.JoinColumns([][]string{features, sweep}, []int{whatIfFeaturesW(w), s.sweep.Width()}, 2)...)
	} else {
		lines = append(lines, features...)
		lines = append(lines, "")
		lines = append(lines, strings.Split(s.sweep.View(), "\n")...)
	}
	lines = append(lines, "")
	return append(lines, reasons...), focus
}

// featureLines lists every feature in original units beside the training
// median or mode; in what-if the chosen one is highlighted.
func (s Model) featureLines(w, row int) ([]string, int) {
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
	names, values, typicals := make([]string, len(e.Pipeline.Columns)), make([]string, len(e.Pipeline.Columns)), make([]string, len(e.Pipeline.Columns))
	nameW, valueW, typW := len("Feature"), len("value"), len("median")
	for ci, pc := range e.Pipeline.Columns {
		names[ci], values[ci] = pc.Name, ex.Value(x, ci)
		if wi.active && wi.edited(pc) {
			values[ci] += " *"
		}
		if ci < len(s.list.users.typical) {
			typicals[ci] = s.list.users.typical[ci]
		}
		nameW = max(nameW, ansi.StringWidth(names[ci]))
		valueW = max(valueW, ansi.StringWidth(values[ci]))
		typW = max(typW, ansi.StringWidth(typicals[ci]))
	}
	if s.whatIf.active && w >= whatIfSideBy {
		w = whatIfFeaturesW(w)
	}
	// Columns as wide as their longest entry plus a gap, the name column
	// giving way first when the pane is narrow.
	nameW = max(min(nameW+1, w*2/5), 8)
	valueW = max(min(valueW+2, (w-nameW)/2+1), 6)
	typW = max(min(typW, w-nameW-valueW), 0)
	lines := []string{st.Header.Render(common.Truncate(common.Pad("Feature", nameW)+common.Pad("value", valueW)+common.Pad("median", typW), w))}
	for ci := range names {
		line := common.Pad(names[ci], nameW-1) + " " + common.Pad(values[ci], valueW-2) + "  " + st.Muted.Render(common.Pad(typicals[ci], typW))
		if wi.active && ci == wi.col {
			line = st.Selected.Render(common.Pad(ansi.Strip(line), w))
		}
		lines = append(lines, common.Truncate(line, w))
	}
	return lines, 1 + wi.col
}

// reasonSentence says in words which value raised the probability most
// and which lowered it most.
func reasonSentence(r common.RiskWording, ex experiment.Explanation) string {
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
	var parts []string
	if up != nil {
		parts = append(parts, fmt.Sprintf("%s = %s raises %s most", up.Column, up.Value, r.ProbName()))
	}
	if down != nil {
		it := "it"
		if up == nil {
			it = r.ProbName()
		}
		parts = append(parts, fmt.Sprintf("%s = %s lowers %s most", down.Column, down.Value, it))
	}
	if len(parts) == 0 {
		return "No feature moves this user's probability away from the average user's."
	}
	return strings.Join(parts, "; ") + "."
}
